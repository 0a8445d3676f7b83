import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, groupLoader } from '../../platform/db/loaders';
import { LeadEntity } from './lead.entity';
import { leadScope } from './lead.policy';

export function createLeadLoaders(ds: DataSource, viewer: Viewer | null) {
  const scope = scoped<LeadEntity>(viewer, leadScope);
  return {
    leadById: byIdLoader(ds, LeadEntity, scope),
    /** A customer's leads the viewer may see, newest first. */
    leadsByCustomerId: groupLoader(ds, LeadEntity, 'customer_id', (l) => l.customerId ?? '', (qb) =>
      scope(qb).orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC'),
    ),
  };
}
