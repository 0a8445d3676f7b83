import type { Resolvers } from '../../generated/graphql';

export const appointmentResolvers: Resolvers = {};
