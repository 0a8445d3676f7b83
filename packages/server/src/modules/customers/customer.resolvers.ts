import type { Resolvers } from '../../generated/graphql';
import { selects } from '../../platform/graphql/selection';
import { addressOf } from '../../platform/db/address';
import { nestedPageSize } from '../../platform/db/pagination';
import { deletedAs, idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import type { CustomerResult } from './customer.service';
import { primeFrom } from '../../platform/db/loaders';

/** Keeps the request's loader in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => primeFrom(loaders.customerById, (r: CustomerResult) => r.customer);

export const customerResolvers: Resolvers = {
  Query: {
    customer: (_, { id }, { services, viewer }) => services.customers.get(viewer, idOf('Customer', id)),
    customers: (_, { filter, ...rest }, { services, viewer }) =>
      services.customers.list(viewer, { ...rest, filter: filter && keysIn(filter, { teamId: 'Team' }) }),
  },
  Mutation: {
    createCustomer: (_, { input }, { services, viewer, loaders }) => services.customers.create(viewer, keysIn(input, { teamId: 'Team' })).then(primed(loaders)),
    updateCustomer: (_, { input }, { services, viewer, loaders }) =>
      services.customers.update(viewer, { ...keysIn(input, { teamId: 'Team' }), id: idOf('Customer', input.id) }).then(primed(loaders)),
    deleteCustomer: (_, { id }, { services, viewer, loaders }) => services.customers.softDelete(viewer, idOf('Customer', id)).then(primed(loaders)),
    restoreCustomer: (_, { id }, { services, viewer, loaders }) => services.customers.restore(viewer, idOf('Customer', id)).then(primed(loaders)),
    hardDeleteCustomer: (_, { id }, { services, viewer }) => services.customers.hardDelete(viewer, idOf('Customer', id)).then(deletedAs(id)),
  },
  Customer: {
    id: (c) => toGlobalId('Customer', c.id),
    address: (c) => addressOf(c),
    lifetimeValue: (c, _, { loaders }) => loaders.lifetimeValueByCustomerId.load(c.id),
    owningTeam: (c, _, { loaders }) => (c.teamId ? loaders.teamById.load(c.teamId) : null),
    createdBy: (c, _, { loaders }) => (c.createdById ? loaders.userById.load(c.createdById) : null),
    mergedInto: (c, _, { loaders }) => (c.mergedIntoId ? loaders.customerById.load(c.mergedIntoId) : null),
    leads: (c, _, { loaders }) => loaders.leadsByCustomerId.load(c.id),
    projects: (c, _, { loaders }) => loaders.projectsByCustomerId.load(c.id),
    appointments: (c, _, { loaders }) => loaders.appointmentsByCustomerId.load(c.id),
    interactions: (c, { first }, { loaders }, info) =>
      loaders.interactionsByCustomerId.load({ key: c.id, first: nestedPageSize(first), include: selects(info, 'user') }),
  },
  CustomerConnection: {
    totalCount: (c) => c.totalCount(),
  },
};
