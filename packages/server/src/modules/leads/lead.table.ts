import { OFFICE_ROLES, type ListTable } from '../views/list-table';

/** The leads table of the staff app (not the board): its columns, filters (URL parameters) and orders. */
export const leadTable: ListTable = {
  key: 'leads',
  roles: OFFICE_ROLES,
  columns: ['lead', 'status', 'priority', 'score', 'value', 'source', 'assignee', 'followUp', 'created'],
  filters: ['q', 'status', 'source', 'priority', 'assignee'],
  sorts: ['CREATED_AT', 'UPDATED_AT', 'SCORE', 'ESTIMATED_VALUE', 'NEXT_FOLLOW_UP_AT'],
};
