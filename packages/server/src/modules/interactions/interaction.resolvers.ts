import type { Resolvers } from '../../generated/graphql';

export const interactionResolvers: Resolvers = {};
