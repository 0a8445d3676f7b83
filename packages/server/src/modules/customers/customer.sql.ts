import type { SqlReads } from '../../platform/graphql/compiled/sql-reads';
import { MAX_PAGE_SIZE } from '../../platform/db/pagination';
import { NESTED_LIST_MAX } from '../../platform/db/loaders';
import { ADDRESS_COLUMNS } from '../../platform/db/address';
import { CustomerEntity } from './customer.entity';
import { customerScope } from './customer.policy';

/** Customer fields read in SQL by compiled queries: the same rows, order and bounds as `customer.resolvers.ts`'s loaders. */
export const customerReads: SqlReads = {
  roots: ['customers'],
  types: [
    {
      typeName: 'Customer',
      entity: CustomerEntity,
      scope: customerScope,
      reads: {
        projects: { kind: 'children', type: 'Project', column: 'customer_id', order: { column: 'created_at', direction: 'DESC' }, max: NESTED_LIST_MAX },
        interactions: { kind: 'children', type: 'Interaction', column: 'customer_id', order: { column: 'occurred_at', direction: 'DESC' }, max: MAX_PAGE_SIZE, first: true },
        createdBy: { kind: 'parent', type: 'User', column: 'created_by' },
        mergedInto: { kind: 'parent', type: 'Customer', column: 'merged_into_id' },
        owningTeam: { kind: 'parent', type: 'Team', column: 'team_id' },
        address: { kind: 'columns', columns: ADDRESS_COLUMNS },
        // As `lifetimeValueByCustomerId`: the budgets of the customer's active projects that are not cancelled.
        lifetimeValue: {
          kind: 'expression',
          sql: (c) => `SELECT coalesce(sum(lv.budget), 0)::numeric(14, 2)::text FROM projects lv
            WHERE lv.customer_id = ${c}.id AND lv.status <> 'CANCELLED' AND lv.deleted_at IS NULL AND lv.budget IS NOT NULL`,
        },
      },
    },
  ],
};
