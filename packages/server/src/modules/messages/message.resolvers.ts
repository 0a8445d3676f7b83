import type { Resolvers } from '../../generated/graphql';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';

export const messageResolvers: Resolvers = {
  Query: {
    messages: (_, { filter, ...rest }, { services, viewer }) =>
      services.messages.list(viewer, { ...rest, filter: filter && keysIn(filter, { customerId: 'Customer' }) }),
    message: (_, { id }, { services, viewer }) => services.messages.get(viewer, idOf('Message', id)),
  },
  Message: {
    id: (msg) => toGlobalId('Message', msg.id),
    customer: (msg, _, { loaders }) => (msg.customerId ? loaders.customerById.load(msg.customerId) : null),
    lead: (msg, _, { loaders }) => (msg.leadId ? loaders.leadById.load(msg.leadId) : null),
    project: (msg, _, { loaders }) => (msg.projectId ? loaders.projectById.load(msg.projectId) : null),
  },
  MessageConnection: {
    totalCount: (c) => c.totalCount(),
  },
};
