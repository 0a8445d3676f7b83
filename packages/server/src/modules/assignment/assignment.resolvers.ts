import type { Resolvers } from '../../generated/graphql';

export const assignmentResolvers: Resolvers = {};
