import type { Resolvers } from '../../generated/graphql';
import { CustomerEntity } from '../customers/customer.entity';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';

export const duplicateResolvers: Resolvers = {
  Query: {
    possibleDuplicates: (_, { input }, { services, viewer }) =>
      services.duplicates.possible(viewer, keysIn(input, { excludeCustomerId: 'Customer', excludeLeadId: 'Lead' })),
    duplicateCustomers: (_, args, { services, viewer }) => services.duplicates.list(viewer, args),
  },
  Mutation: {
    dismissDuplicateCustomers: (_, { id }, { services, viewer }) => services.duplicates.dismiss(viewer, idOf('DuplicateCustomerPair', id)),
    mergeCustomers: (_, { input }, { services, viewer, loaders }) =>
      services.customerMerges.merge(viewer, { ...input, survivorId: idOf('Customer', input.survivorId), mergedId: idOf('Customer', input.mergedId) }).then((r) => {
        // Later fields of the answer read the customers as the merge left them.
        for (const c of [r.survivor, r.merged]) if (c) loaders.customerById.clear(c.id).prime(c.id, c);
        return r;
      }),
  },
  DuplicateCustomerPair: {
    id: (d) => toGlobalId('DuplicateCustomerPair', d.id),
    customers: async (d, _, { loaders }) => {
      const found = await loaders.customerById.loadMany([d.customerA, d.customerB]);
      return found.filter((c): c is CustomerEntity => c instanceof CustomerEntity).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    },
  },
  DuplicateCustomerPairConnection: {
    totalCount: (c) => c.totalCount(),
  },
};

