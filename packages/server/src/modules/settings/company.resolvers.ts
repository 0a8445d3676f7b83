import type { Resolvers } from '../../generated/graphql';

export const companyResolvers: Resolvers = {
  Query: {
    company: (_, __, { services }) => services.company,
  },
};
