import { canWriteTeamRecord, myProjectIds, roleScope, scopeParams, seesDeleted, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { CustomerEntity } from './customer.entity';

/**
 * Customers a viewer may see: admins all; managers and sales their teams' customers; field techs the customers of
 * projects they are on.
 */
export const customerScope = (viewer: Viewer, alias: string): Scope =>
  roleScope(viewer, alias, {
    sales: 'team',
    fieldTech: (v, a) => ({ sql: `${a}.id IN (SELECT sp.customer_id FROM projects sp WHERE sp.id IN ${myProjectIds})`, params: scopeParams(v) }),
  });

/** Writing needs sales rights on the customer's team (admins: any). Field techs never edit customers. */
export const canWriteCustomer = (viewer: Viewer, customer: CustomerEntity): boolean => canWriteTeamRecord(viewer, customer);

export { seesDeleted };
