import type { Resolvers } from '../../generated/graphql';

export const dashboardResolvers: Resolvers = {};
