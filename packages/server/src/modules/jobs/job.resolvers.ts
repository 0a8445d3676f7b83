import type { Resolvers } from '../../generated/graphql';

export const jobResolvers: Resolvers = {};
