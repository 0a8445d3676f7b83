import type { Resolvers } from '../../generated/graphql';
import { primeFrom } from '../../platform/db/loaders';
import { idOf } from '../../platform/graphql/global-id';

export const assignmentResolvers: Resolvers = {
  Mutation: {
    updateTeamAssignment: async (_, { input }, { services, viewer, loaders }) => {
      const result = await services.assignment.updateTeamAssignment(viewer, {
        ...input,
        teamId: idOf('Team', input.teamId),
        territories: input.territories?.map((t) => ({ ...t, userId: idOf('User', t.userId) })),
      });
      return primeFrom(loaders.teamById, (r: typeof result) => r.team)(result);
    },
  },
  Team: {
    territories: (t, _, { loaders }) => loaders.territoriesByTeamId.load(t.id),
  },
  Territory: {
    // territories.user_id references users ON DELETE CASCADE: the user exists.
    user: async (t, _, { loaders }) => (await loaders.userById.load(t.userId)) ?? Promise.reject(new Error(`user ${t.userId} missing`)),
  },
};
