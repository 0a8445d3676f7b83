import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader } from '../../platform/db/loaders';
import { CustomerEntity } from './customer.entity';
import { customerScope } from './customer.policy';

export function createCustomerLoaders(ds: DataSource, viewer: Viewer | null) {
  return {
    /** Customers the viewer may see (null otherwise). */
    customerById: byIdLoader(ds, CustomerEntity, scoped(viewer, customerScope)),
    /** Sum of the budgets of a customer's projects that are not cancelled, as a decimal string. */
    lifetimeValueByCustomerId: new DataLoader<string, string>(async (ids) => {
      const rows: Array<{ customer_id: string; value: string }> = await ds.query(
        `SELECT customer_id, sum(budget)::numeric(14, 2)::text AS value FROM projects
          WHERE customer_id = ANY($1) AND status <> 'CANCELLED' AND deleted_at IS NULL AND budget IS NOT NULL
          GROUP BY customer_id`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.customer_id, r.value]));
      return ids.map((id) => byId.get(id) ?? '0.00');
    }),
  };
}
