import type { Role } from '../../generated/graphql';

/**
 * A list table of the staff app that users may set up (columns, density) and save views of (filter and order). Each
 * list feature declares its own in `<x>.table.ts` and contributes it through its `index.ts` (`Feature.tables`); the
 * views feature knows them only through that list.
 */
export interface ListTable {
  /** The table's key, as the app names it: `customers`, `leads`, … */
  key: string;
  /** Roles that may open the table (and so keep preferences and views of it). */
  roles: readonly Role[];
  /** Its columns' keys, in the table's own order. */
  columns: readonly string[];
  /** The filter keys a saved view may hold (the list's URL parameters, e.g. `q`, `status`). */
  filters: readonly string[];
  /** The list's order fields (its `orderBy.field` values). */
  sorts: readonly string[];
}

/** The office's roles: the customer, lead and partner lists are theirs. */
export const OFFICE_ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'SALES'];
