import type { Resolvers } from '../../generated/graphql';

/**
 * What real-time delivery itself answers: catching up and the union of every live event. Each feature resolves its
 * own subscription fields and event types (`liveStream` over the events it declares).
 */
export const realtimeResolvers: Resolvers = {
  Query: {
    missedEvents: (_, { since, first }, ctx) => ctx.services.realtime.missed(ctx.viewer, ctx.loaders, since, first ?? 200),
    latestEventId: (_, __, { services }) => services.realtime.latest(),
  },
  RealtimeEvent: {
    __resolveType: (e, { services }) => services.realtime.graphqlTypeOf(e.type) as never,
  },
};
