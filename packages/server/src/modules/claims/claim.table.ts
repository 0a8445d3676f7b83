import type { ListTable } from '../views/list-table';

/** The claims list of the staff app (field techs open it too, for their projects' claims): its columns, filters and orders. */
export const claimTable: ListTable = {
  key: 'claims',
  roles: ['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH'],
  columns: ['claim', 'customer', 'carrier', 'status', 'loss', 'approved', 'carrierOwes', 'deadline'],
  filters: ['q', 'status', 'carrier'],
  sorts: ['CREATED_AT', 'UPDATED_AT', 'DATE_OF_LOSS', 'DEPRECIATION_DEADLINE'],
};
