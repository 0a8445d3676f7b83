import type { ListExport } from '../../platform/http/list-export';
import { addressColumns, idColumn, phoneText, teamColumn, timeColumn, timestampColumns } from '../export-columns';
import type { ExportContext } from '../feature';
import type { CustomerEntity } from './customer.entity';
import type { CustomerListArgs } from './customer.service';

/** The customers list as CSV: the list's filter, order and row rule (`CustomerService.listQuery`). */
export const customerExport: ListExport<ExportContext, CustomerEntity, CustomerListArgs> = {
  name: 'customers',
  filterType: 'CustomerFilter',
  orderType: 'CustomerOrder',
  ids: { teamId: 'Team' },
  query: ({ services }, viewer, args) => services.customers.listQuery(viewer, args),
  columns: [
    idColumn('Customer'),
    { header: 'Name', value: (c) => c.name },
    { header: 'E-mail', value: (c) => c.email },
    { header: 'Phone', value: (c) => phoneText(c.phone) },
    ...addressColumns<CustomerEntity>(),
    { header: 'Type', value: (c) => c.customerType },
    { header: 'Segment', value: (c) => c.segment },
    { header: 'E-mail opt-in', value: (c) => c.emailOptIn },
    { header: 'SMS opt-in', value: (c) => c.smsOptIn },
    teamColumn(),
    ...timestampColumns<CustomerEntity>(),
    timeColumn<CustomerEntity>('Deleted', (c) => c.deletedAt),
  ],
};
