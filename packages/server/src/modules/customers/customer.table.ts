import { OFFICE_ROLES, type ListTable } from '../views/list-table';

/** The customers list of the staff app: its columns, filters (URL parameters) and orders, for table set-ups and saved views. */
export const customerTable: ListTable = {
  key: 'customers',
  roles: OFFICE_ROLES,
  columns: ['name', 'phone', 'email', 'city', 'team', 'lifetimeValue', 'created', 'updated'],
  filters: ['q', 'type', 'segment', 'team', 'deleted'],
  sorts: ['NAME', 'CREATED_AT', 'UPDATED_AT'],
};
