import { OFFICE_ROLES, type ListTable } from '../views/list-table';

/** The partners list of the staff app: its columns, filters (URL parameters) and orders. */
export const partnerTable: ListTable = {
  key: 'partners',
  roles: OFFICE_ROLES,
  columns: ['name', 'status', 'owner', 'team', 'referrals', 'wins', 'wonRevenue', 'conversion', 'updated'],
  filters: ['q', 'kind', 'status', 'deleted', 'period'],
  sorts: ['NAME', 'CREATED_AT', 'UPDATED_AT'],
};
