import type { Resolvers } from '../../generated/graphql';

export const scoringResolvers: Resolvers = {};
