import type { Resolvers } from '../../generated/graphql';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import type { TeamResult } from './team.service';
import { primeFrom } from '../../platform/db/loaders';

/** Keeps the request's loader in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => primeFrom(loaders.teamById, (r: TeamResult) => r.team);

export const teamResolvers: Resolvers = {
  Query: {
    teams: (_, __, { services, viewer }) => services.teams.list(viewer),
  },
  Mutation: {
    createTeam: (_, { input }, { services, viewer, loaders }) => services.teams.create(viewer, keysIn(input, { managerId: 'User' })).then(primed(loaders)),
    updateTeam: (_, { input }, { services, viewer, loaders }) =>
      services.teams.update(viewer, { ...keysIn(input, { managerId: 'User' }), id: idOf('Team', input.id) }).then(primed(loaders)),
  },
  Team: {
    id: (t) => toGlobalId('Team', t.id),
    members: (t, _, { loaders }) => loaders.usersByTeamId.load(t.id),
    manager: (t, _, { loaders }) => (t.managerId ? loaders.userById.load(t.managerId) : null),
    assignmentStrategy: (t) => t.assignmentStrategy,
  },
};
