import type { Resolvers } from '../../generated/graphql';

export const authResolvers: Resolvers = {
  Query: {
    me: (_, __, { services, viewer }) => services.users.findSelf(viewer),
  },
  Mutation: {
    login: (_, { input }, { services, client }) => services.auth.login(input.email, input.password, client),
    refreshSession: (_, { refreshToken }, { services }) => services.auth.refresh(refreshToken),
    logout: async (_, { refreshToken }, { services, viewer }) => ({
      loggedOut: await services.auth.logout(viewer, refreshToken),
      errors: [],
    }),
    changePassword: (_, { input }, { services, viewer }) =>
      services.auth.changePassword(viewer, input.currentPassword, input.newPassword),
  },
};
