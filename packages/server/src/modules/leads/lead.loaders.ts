import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, cappedGroupLoader, NESTED_LIST_MAX } from '../../platform/db/loaders';
import { LeadEntity } from './lead.entity';
import { leadScope } from './lead.policy';

const NEWEST = { sql: 'e.created_at', direction: 'DESC' } as const;

export function createLeadLoaders(ds: DataSource, viewer: Viewer | null) {
  const scope = scoped<LeadEntity>(viewer, leadScope);
  return {
    leadById: byIdLoader(ds, LeadEntity, scope),
    /** A customer's leads the viewer may see, newest first, at most `NESTED_LIST_MAX` (`Customer.leads`). */
    leadsByCustomerId: cappedGroupLoader(ds, LeadEntity, 'customer_id', (l) => l.customerId ?? '', NEWEST, NESTED_LIST_MAX, scope),
  };
}
