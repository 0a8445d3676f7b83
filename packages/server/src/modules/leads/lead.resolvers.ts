import type { Resolvers } from '../../generated/graphql';

export const leadResolvers: Resolvers = {};
