import type { DataSource } from 'typeorm';
import { AlertEntity } from '../src/modules/notifications/alert.entity';
import { NotificationEntity } from '../src/modules/notifications/notification.entity';
import type { TestApp } from './harness';

export const NOTIFICATIONS = `query($first: Int, $after: String, $last: Int, $before: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, last: $last, before: $before, unreadOnly: $unreadOnly) {
    totalCount unreadCount
    edges { cursor node { id kind title body readAt createdAt subject { __typename id } } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

/** A notification row, inserted directly. */
export async function createNotification(ds: DataSource, over: Partial<NotificationEntity> & { recipientId: string }): Promise<NotificationEntity> {
  const { identifiers } = await ds.getRepository(NotificationEntity).insert({ kind: 'FOLLOW_UP_DUE', title: 'Follow up', ...over });
  return ds.getRepository(NotificationEntity).findOneByOrFail({ id: identifiers[0]!.id });
}

/** An alert row, inserted directly. */
export async function createAlert(ds: DataSource, over: Partial<AlertEntity> = {}): Promise<AlertEntity> {
  const { identifiers } = await ds.getRepository(AlertEntity).insert({
    kind: 'PROJECT_OVER_BUDGET',
    severity: 'WARNING',
    title: 'Over budget',
    dedupeKey: `test:${Math.random()}`,
    ...over,
  });
  return ds.getRepository(AlertEntity).findOneByOrFail({ id: identifiers[0]!.id });
}

export interface NotificationRow {
  recipient_id: string;
  kind: string;
  title: string;
  body: string | null;
  entity_type: string | null;
  entity_id: string | null;
  dedupe_key: string | null;
}

/** Notifications of one kind (all recipients), oldest first. */
export function notificationsOfKind(ds: DataSource, kind: string): Promise<NotificationRow[]> {
  return ds.query(
    'SELECT recipient_id, kind, title, body, entity_type, entity_id, dedupe_key FROM notifications WHERE kind = $1 ORDER BY created_at, id',
    [kind],
  );
}

/** A time `minutes` from now (negative: in the past). */
export const fromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

export interface JobRow {
  state: string;
  retry_count: number;
  output: unknown;
}

/** A job's row in pg-boss (queue or archive). */
export async function jobRow(t: TestApp, id: string): Promise<JobRow | undefined> {
  const rows: JobRow[] = await t.ds.query(
    `SELECT state::text, retry_count, output FROM pgboss.job WHERE id = $1
     UNION ALL SELECT state::text, retry_count, output FROM pgboss.archive WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** Waits until the job finished (completed or failed for good) and returns its row. */
export async function waitForJob(t: TestApp, id: string, timeoutMs = 15_000): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await jobRow(t, id);
    if (row && (row.state === 'completed' || row.state === 'failed')) return row;
    if (Date.now() > deadline) throw new Error(`job ${id} did not finish in ${timeoutMs} ms (state ${row?.state})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Queues a run of `name` through pg-boss and waits until the workers finished it. */
export async function runJob(t: TestApp, name: string, timeoutMs?: number): Promise<JobRow> {
  const id = await t.queue.send(name, {});
  if (!id) throw new Error(`could not queue ${name}`);
  return waitForJob(t, id, timeoutMs);
}

/**
 * Makes the waiting run of `name` whose data contains `data` (e.g. the send job of one message, due in two days) due
 * now and waits until the workers finished it: that job as queued, run early.
 */
export async function runWaitingJob(t: TestApp, name: string, data: Record<string, string>, timeoutMs?: number): Promise<JobRow> {
  const [rows]: [Array<{ id: string }>] = await t.ds.query(
    `UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND data @> $2::jsonb AND state IN ('created', 'retry') RETURNING id`,
    [name, JSON.stringify(data)],
  );
  if (rows.length !== 1) throw new Error(`${rows.length} waiting ${name} jobs with ${JSON.stringify(data)}`);
  return waitForJob(t, rows[0]!.id, timeoutMs);
}

/** Stops the cron schedules of `names` in this test app, so only the runs a test queues happen. */
export async function unschedule(t: TestApp, names: string[]): Promise<void> {
  for (const name of names) await t.queue.db.unschedule(name);
}
