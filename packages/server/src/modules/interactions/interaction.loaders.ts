import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, limitedGroupLoader } from '../../platform/db/loaders';
import { InteractionEntity } from './interaction.entity';
import { interactionScope } from './interaction.policy';

const NEWEST = { sql: 'e.occurred_at', direction: 'DESC' } as const;

export function createInteractionLoaders(ds: DataSource, viewer: Viewer | null) {
  const scope = scoped<InteractionEntity>(viewer, interactionScope);
  return {
    interactionById: byIdLoader(ds, InteractionEntity, scope),
    /** The latest `first` interactions of each customer that the viewer may see. */
    interactionsByCustomerId: limitedGroupLoader(ds, InteractionEntity, 'customer_id', (i) => i.customerId, NEWEST, scope),
    /** The latest `first` interactions of each project that the viewer may see. */
    interactionsByProjectId: limitedGroupLoader(ds, InteractionEntity, 'project_id', (i) => i.projectId ?? '', NEWEST, scope),
  };
}
