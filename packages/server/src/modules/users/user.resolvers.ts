import type { Resolvers } from '../../generated/graphql';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { GraphQLContext, SignedIn } from '../../graphql-context';
import type { Loaders } from '../loaders';
import { viewerUpdated } from './user.events';
import { eventFields } from '../realtime/live-stream';
import type { UserResult } from './user.service';
import { primeFrom } from '../../platform/db/loaders';

/** Keeps the request's loader in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => primeFrom(loaders.userById, (r: UserResult) => r.user);

export const userResolvers: Resolvers = {
  Query: {
    users: (_, { filter, ...page }, { services, viewer }) => services.users.list(viewer, { ...page, filter: filter && keysIn(filter, { teamId: 'Team' }) }),
    user: (_, { id }, { services, viewer }) => services.users.get(viewer, idOf('User', id)),
  },
  Mutation: {
    createUser: (_, { input }, { services, viewer, loaders }) => services.users.create(viewer, keysIn(input, { teamId: 'Team' })).then(primed(loaders)),
    updateUser: (_, { input }, { services, viewer, loaders }) =>
      services.users.update(viewer, { ...keysIn(input, { teamId: 'Team' }), id: idOf('User', input.id) }).then(primed(loaders)),
    updateProfile: (_, { input }, { services, viewer, loaders }) => services.users.updateProfile(viewer, input).then(primed(loaders)),
    deactivateUser: (_, { id }, { services, viewer, loaders }) => services.users.setActive(viewer, idOf('User', id), false).then(primed(loaders)),
    reactivateUser: (_, { id }, { services, viewer, loaders }) => services.users.setActive(viewer, idOf('User', id), true).then(primed(loaders)),
  },
  Subscription: {
    viewerUpdated: {
      // Through the outbox like every live event: never lost, and in `missedEvents` as a ViewerEvent.
      subscribe: (_, __, { services, viewer }) => services.realtime.subscribe(viewer, [viewerUpdated.type]),
      // Resolved fresh for every event (never from a cached loader).
      resolve: async (_event: unknown, _args: unknown, { services, viewer }: SignedIn<GraphQLContext>) => {
        const user = await services.users.findSelf(viewer);
        if (!user) throw new Error('viewer disappeared');
        return user;
      },
    },
  },
  ViewerEvent: {
    ...eventFields,
    user: async (_e, _, { services, viewer }) => {
      // Reached only through missedEvents, signed in; resolved fresh.
      const user = await services.users.findSelf(viewer!);
      if (!user) throw new Error('viewer disappeared');
      return user;
    },
  },
  User: {
    id: (u) => toGlobalId('User', u.id),
    team: (u, _, { loaders }) => (u.teamId ? loaders.teamById.load(u.teamId) : null),
  },
  UserConnection: {
    totalCount: (c) => c.totalCount(),
  },
};
