import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { NotificationKind } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { userError, type UserErrorData } from '../../platform/validation';
import type { OutboxService } from '../realtime/outbox.service';
import { appointmentReminder, notificationCreated } from './notification.events';
import { NotificationEntity } from './notification.entity';
import { localTime } from './notification-text';

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

export interface MarkReadResult {
  markedCount: number;
  unreadCount: number;
  errors: UserErrorData[];
}

/** Reminder kinds that also go out as `appointmentReminder` events, with their lead time. */
const REMINDER_LEAD_TIME: Partial<Record<NotificationKind, string>> = { APPOINTMENT_IN_24H: '24h', APPOINTMENT_IN_1H: '1h' };

export class NotificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    /** The company's time zone (COMPANY_TIME_ZONE): times in notification texts are read in it. */
    readonly timeZone: string,
  ) {}

  /** `Tue, Jun 1, 9:00 AM CDT`: `at` as notification texts (and their e-mails) name a time, in the company's zone. */
  localTime(at: Date): string {
    return localTime(at, this.timeZone);
  }

  /**
   * Creates a notification inside the caller's transaction (so it exists exactly when the change that caused it
   * does), with its real-time event. Returns null when `dedupeKey` was already used.
   */
  async notify(m: EntityManager, input: NotifyInput): Promise<NotificationEntity | null> {
    return (await this.notifyAll(m, [input]))[0] ?? null;
  }

  /** Like `notify` for many notifications in one statement; returns the ones created (keys not used before). */
  async notifyAll(m: EntityManager, inputs: readonly NotifyInput[]): Promise<NotificationEntity[]> {
    if (!inputs.length) return [];
    const column = <T>(f: (i: NotifyInput) => T) => inputs.map(f);
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO notifications (recipient_id, kind, title, body, entity_type, entity_id, dedupe_key)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::text[], $5::varchar[], $6::uuid[], $7::varchar[])
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [
        column((i) => i.recipientId),
        column((i) => i.kind),
        column((i) => i.title.slice(0, 200)),
        column((i) => i.body ?? null),
        column((i) => i.subject?.type ?? null),
        column((i) => i.subject?.id ?? null),
        column((i) => i.dedupeKey ?? null),
      ],
    );
    if (!rows.length) return [];
    const created = await m.getRepository(NotificationEntity).findBy({ id: In(rows.map((r) => r.id)) });
    for (const n of created) {
      await this.outbox.emit(m, notificationCreated, { id: n.id, recipientId: n.recipientId });
      const leadTime = REMINDER_LEAD_TIME[n.kind];
      if (leadTime) await this.outbox.emit(m, appointmentReminder, { appointmentId: n.entityId, recipientId: n.recipientId, leadTime });
    }
    return created;
  }

  /** The viewer's own notifications, newest first, keyset-paginated; `unreadCount` ignores the filter. */
  async list(viewer: Viewer, args: PageArgs & { unreadOnly?: boolean | null }): Promise<NotificationConnection> {
    const qb = this.ds.getRepository(NotificationEntity).createQueryBuilder('n').where('n.recipient_id = :me', { me: viewer.id });
    if (args.unreadOnly) qb.andWhere('n.read_at IS NULL');
    const page = await paginate(qb, args, [
      { sql: 'n.created_at', direction: 'DESC', value: (n) => n.createdAt },
      { sql: 'n.id', direction: 'DESC', value: (n) => n.id },
    ]);
    return { ...page, unreadCount: () => this.unreadCount(this.ds.manager, viewer.id) };
  }

  /** One of the viewer's own notifications; null for anyone else's. */
  async get(viewer: Viewer, id: string | null): Promise<NotificationEntity | null> {
    return id ? this.ds.getRepository(NotificationEntity).findOneBy({ id, recipientId: viewer.id }) : null;
  }

  /** Marks one of the viewer's notifications read (again: no change). Someone else's is NOT_FOUND. */
  async markRead(viewer: Viewer, id: string | null): Promise<MarkReadResult> {
    return this.ds.transaction(async (m) => {
      const rows: Array<{ found: boolean; marked: number }> = id
        ? await m.query(
            `WITH mine AS (SELECT id, read_at FROM notifications WHERE id = $1 AND recipient_id = $2 FOR UPDATE),
                  marked AS (UPDATE notifications SET read_at = now() WHERE id IN (SELECT id FROM mine WHERE read_at IS NULL) RETURNING id)
             SELECT EXISTS (SELECT 1 FROM mine) AS found, (SELECT count(*) FROM marked)::int AS marked`,
            [id, viewer.id],
          )
        : [];
      const unreadCount = await this.unreadCount(m, viewer.id);
      if (!rows[0]?.found) return { markedCount: 0, unreadCount, errors: [userError('id', 'NOT_FOUND', 'No such notification.')] };
      return { markedCount: rows[0].marked, unreadCount, errors: [] };
    });
  }

  /** Marks every unread notification of the viewer read. */
  async markAllRead(viewer: Viewer): Promise<MarkReadResult> {
    return this.ds.transaction(async (m) => {
      const [, markedCount]: [unknown, number] = await m.query(
        'UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL',
        [viewer.id],
      );
      return { markedCount, unreadCount: await this.unreadCount(m, viewer.id), errors: [] };
    });
  }

  private async unreadCount(m: EntityManager, recipientId: string): Promise<number> {
    const [row]: Array<{ n: number }> = await m.query(
      'SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL',
      [recipientId],
    );
    return row!.n;
  }
}
