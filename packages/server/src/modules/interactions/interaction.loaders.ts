import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, limitedGroupLoader, type Include } from '../../platform/db/loaders';
import type DataLoader from 'dataloader';
import { UserEntity } from '../users/user.entity';
import { InteractionEntity } from './interaction.entity';
import { interactionScope } from './interaction.policy';

const NEWEST = { sql: 'e.occurred_at', direction: 'DESC' } as const;

/** `users`: the request's user loader, primed with the authors read alongside (typed by shape: `Loaders` is built from this). */
export function createInteractionLoaders(ds: DataSource, viewer: Viewer | null, users: { userById: DataLoader<string, UserEntity | null> }) {
  const scope = scoped<InteractionEntity>(viewer, interactionScope);
  // Nested lists read each interaction's author in the same statement when the query shows it (`Interaction.user`
  // then costs none).
  const author: Include<UserEntity> = {
    entity: UserEntity,
    column: 'user_id',
    get into() {
      return users.userById;
    },
  };
  return {
    interactionById: byIdLoader(ds, InteractionEntity, scope),
    /** The latest `first` interactions of each customer that the viewer may see, with their authors. */
    interactionsByCustomerId: limitedGroupLoader(ds, InteractionEntity, 'customer_id', (i) => i.customerId, NEWEST, scope, author),
    /** The latest `first` interactions of each project that the viewer may see, with their authors. */
    interactionsByProjectId: limitedGroupLoader(ds, InteractionEntity, 'project_id', (i) => i.projectId ?? '', NEWEST, scope, author),
  };
}
