import type { ListTable } from '../views/list-table';

/** The projects list of the staff app (field techs open it too, as their projects): its columns, filters and orders. */
export const projectTable: ListTable = {
  key: 'projects',
  roles: ['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH'],
  columns: ['name', 'customer', 'status', 'progress', 'cost', 'startDate', 'schedule'],
  filters: ['q', 'status', 'mine'],
  sorts: ['CREATED_AT', 'UPDATED_AT', 'START_DATE', 'BUDGET', 'NAME'],
};
