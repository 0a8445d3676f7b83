import type { SqlReads } from '../../platform/graphql/compiled/sql-reads';
import { InteractionEntity } from './interaction.entity';
import { interactionScope } from './interaction.policy';

/** Interaction fields read in SQL by compiled queries: the same rows as `interaction.resolvers.ts`'s loaders. */
export const interactionReads: SqlReads = {
  roots: ['interactions'],
  types: [
    {
      typeName: 'Interaction',
      entity: InteractionEntity,
      scope: interactionScope,
      reads: {
        customer: { kind: 'parent', type: 'Customer', column: 'customer_id' },
        project: { kind: 'parent', type: 'Project', column: 'project_id' },
        user: { kind: 'parent', type: 'User', column: 'user_id' },
      },
    },
  ],
};
