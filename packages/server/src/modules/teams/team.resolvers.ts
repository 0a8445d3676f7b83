import type { Resolvers } from '../../generated/graphql';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import { territoriesLoader } from '../assignment/territory.loader';
import type { TeamResult } from './team.service';

const primed = (loaders: Loaders) => (r: TeamResult): TeamResult => {
  if (r.team) loaders.teamById.clear(r.team.id).prime(r.team.id, r.team);
  return r;
};

export const teamResolvers: Resolvers = {
  Query: {
    teams: (_, __, { services, viewer }) => services.teams.list(viewer!),
  },
  Mutation: {
    createTeam: (_, { input }, { services, viewer, loaders }) => services.teams.create(viewer!, keysIn(input, { managerId: 'User' })).then(primed(loaders)),
    updateTeam: (_, { input }, { services, viewer, loaders }) =>
      services.teams.update(viewer!, { ...keysIn(input, { managerId: 'User' }), id: idOf('Team', input.id) }).then(primed(loaders)),
  },
  Team: {
    id: (t) => toGlobalId('Team', t.id),
    members: (t, _, { loaders }) => loaders.usersByTeamId.load(t.id),
    manager: (t, _, { loaders }) => (t.managerId ? loaders.userById.load(t.managerId) : null),
    assignmentStrategy: (t) => t.assignmentStrategy,
    territories: (t, _, ctx) => territoriesLoader(ctx).load(t.id),
  },
};
