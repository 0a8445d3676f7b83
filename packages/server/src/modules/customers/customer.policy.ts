import { myProjectIds, scopeParams, teamRows, type Scope } from '../../platform/auth/scope';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import type { CustomerEntity } from './customer.entity';

/**
 * Customers a viewer may see: admins all; managers and sales their teams' customers; field techs the customers of
 * projects they are on.
 */
export function customerScope(viewer: Viewer, alias: string): Scope {
  switch (viewer.role) {
    case 'ADMIN':
      return null;
    case 'MANAGER':
    case 'SALES':
      return teamRows(viewer, alias);
    case 'FIELD_TECH':
      return {
        sql: `${alias}.id IN (SELECT sp.customer_id FROM projects sp WHERE sp.id IN ${myProjectIds})`,
        params: scopeParams(viewer),
      };
  }
}

/** Writing needs sales rights on the customer's team (admins: any). Field techs never edit customers. */
export function canWriteCustomer(viewer: Viewer, customer: CustomerEntity): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'FIELD_TECH') return false;
  return customer.teamId !== null && viewerTeamIds(viewer).includes(customer.teamId);
}

/** Admins and managers see (and restore) deleted records. */
export const seesDeleted = (viewer: Viewer) => viewer.role === 'ADMIN' || viewer.role === 'MANAGER';
