import type { Resolvers } from '../../generated/graphql';

export const notificationResolvers: Resolvers = {};
