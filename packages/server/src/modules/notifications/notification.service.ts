import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationKind } from '../../generated/graphql';
import type { Connection } from '../../platform/db/pagination';
import { NotificationEntity } from './notification.entity';

export type NotificationConnection = Connection<NotificationEntity> & { unreadCount: () => Promise<number> };

export interface NotifyInput {
  recipientId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** GraphQL type and id of the record it is about. */
  subject?: { type: string; id: string } | null;
  /** Same key twice creates one notification (idempotent jobs and retries). */
  dedupeKey?: string | null;
}

export class NotificationService {
  constructor(readonly ds: DataSource) {}

  /**
   * Creates a notification inside the caller's transaction (so it exists exactly when the change that caused it
   * does). Returns null when `dedupeKey` was already used.
   */
  async notify(m: EntityManager, input: NotifyInput): Promise<NotificationEntity | null> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO notifications (recipient_id, kind, title, body, entity_type, entity_id, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [input.recipientId, input.kind, input.title.slice(0, 200), input.body ?? null, input.subject?.type ?? null, input.subject?.id ?? null, input.dedupeKey ?? null],
    );
    return rows[0] ? m.getRepository(NotificationEntity).findOneByOrFail({ id: rows[0].id }) : null;
  }
}
