import type { Feature } from '../feature';
import { customerTable } from './customer.table';
import { customerExport } from './customer.export';
import { customerReads } from './customer.sql';
import { CustomerEntity } from './customer.entity';
import { createCustomerLoaders } from './customer.loaders';
import { customerResolvers } from './customer.resolvers';

export const customers: Feature = {
  name: 'customers',
  exports: [customerExport],
  tables: [customerTable],
  entities: [CustomerEntity],
  resolvers: customerResolvers,
  loaders: createCustomerLoaders,
  sqlReads: customerReads,
  nodeTypes: [{ typeName: 'Customer', entity: CustomerEntity, load: (id, _g, { loaders }) => loaders.customerById.load(id) }],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createCustomerLoaders> {}
}
