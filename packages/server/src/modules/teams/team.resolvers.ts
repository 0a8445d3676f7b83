import type { Resolvers } from '../../generated/graphql';
import { toGlobalId } from '../../platform/graphql/global-id';

export const teamResolvers: Resolvers = {
  Query: {
    teams: (_, __, { services, viewer }) => services.teams.list(viewer!),
  },
  Mutation: {
    createTeam: (_, { input }, { services, viewer, loaders }) =>
      services.teams.create(viewer!, input).then((r) => {
        if (r.team) loaders.teamById.prime(r.team.id, r.team);
        return r;
      }),
  },
  Team: {
    id: (t) => toGlobalId('Team', t.id),
    members: (t, _, { loaders }) => loaders.usersByTeamId.load(t.id),
  },
};
