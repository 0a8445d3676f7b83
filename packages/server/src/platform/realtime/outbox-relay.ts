import { Client } from 'pg';
import type { Logger } from '../logger';

/** One published row of outbox_events, as the relay hands it to `publish`. */
export interface RelayedEvent {
  seq: string;
  type: string;
  entityId: string | null;
  teamId: string | null;
  recipientId: string | null;
  data: Record<string, unknown>;
  occurredAt: string;
}

/** The columns of an outbox row as a `RelayedEvent` (see `toRelayedEvent`). */
export const RELAYED_EVENT_COLUMNS = 'seq::text, type, entity_id, team_id, recipient_id, data, occurred_at';

export function toRelayedEvent(r: Record<string, any>): RelayedEvent {
  return {
    seq: r.seq,
    type: r.type,
    entityId: r.entity_id,
    teamId: r.team_id,
    recipientId: r.recipient_id,
    data: r.data,
    occurredAt: new Date(r.occurred_at).toISOString(),
  };
}

export interface RelayOptions {
  url: string;
  publish(event: RelayedEvent): Promise<void>;
  logger: Logger;
  /** Safety-net polling interval; NOTIFY normally wakes the relay at commit time. */
  pollMs?: number;
  batchSize?: number;
  /**
   * Tells every process's stream that this relay is working (see `heartbeatMs`); not stored anywhere. Without it the
   * relay sends none.
   */
  heartbeat?(): Promise<void>;
  /**
   * While it holds the lock, the relay calls `heartbeat` this often, except while its previous heartbeat is still
   * unanswered (the bus is not taking messages) or a relay pass has run longer than this (events wait behind it).
   */
  heartbeatMs?: number;
}

const LOCK_KEY = 7_300_451; // pg advisory lock: one active relay at a time, across all server processes

/**
 * Publishes committed outbox rows in commit order. Only the process holding the advisory lock relays; if it dies its
 * session ends, the lock frees and another process takes over. Each row first gets its publish sequence (`seq`, gap-free
 * and increasing), is then published, and only after a successful publish is marked published — so a crash between
 * commit and publish loses nothing, and one after publishing re-sends the same `seq`, which subscribers drop.
 * While it holds the lock it also sends heartbeats (`heartbeat`), so listeners can tell a working relay from a dead,
 * hung or cut-off one.
 */
export class OutboxRelay {
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private beatTimer: NodeJS.Timeout | null = null;
  /** Whether a heartbeat is on its way (not answered yet). */
  private beating = false;
  /** When the running pass started. */
  private passStartedAt = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private holdsLock = false;
  private stopped = false;
  private readonly watchers = new Set<(seqs: string[]) => void>();

  constructor(private readonly o: RelayOptions) {}

  /** Whether this relay holds the lock: it is the one publishing (and beating). */
  get active(): boolean {
    return this.holdsLock && !this.stopped;
  }

  /** Calls `watcher` with the seqs of each batch once it is marked published; returns a function that removes it. */
  onPublished(watcher: (seqs: string[]) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
    this.timer = setInterval(() => this.kick(), this.o.pollMs ?? 1_000);
    this.timer.unref();
    if (this.o.heartbeat) {
      this.beatTimer = setInterval(() => this.beat(), this.o.heartbeatMs ?? 250);
      this.beatTimer.unref();
    }
    // Takes the lock now if it is free, so a started relay is beating before the app serves (no backlog is awaited:
    // publishing waits for the bus, which may be down).
    await this.takeLock(this.client!).catch((err) => this.o.logger.warn({ err }, 'outbox relay could not try the lock; will retry'));
    this.kick();
  }

  /** Runs a relay pass now (or right after the current one). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.passStartedAt = performance.now();
    this.running = this.drain()
      .catch((err) => this.o.logger.warn({ err }, 'outbox relay pass failed; will retry'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Waits for the current pass, then releases the lock and the connection. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.beatTimer) clearInterval(this.beatTimer);
    this.timer = this.beatTimer = null;
    await this.running;
    const client = this.client;
    this.client = null;
    this.holdsLock = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.o.url, application_name: 'crm-outbox-relay' });
    client.on('notification', () => this.kick());
    client.on('error', (err) => {
      this.o.logger.warn({ err }, 'outbox relay connection lost; reconnecting');
      if (this.client === client) {
        this.client = null;
        this.holdsLock = false;
      }
    });
    await client.connect();
    await client.query('LISTEN outbox_events');
    this.client = client;
  }

  private async drain(): Promise<void> {
    if (!this.client) await this.connect();
    const client = this.client!;
    if (!(await this.takeLock(client))) return;
    const batch = this.o.batchSize ?? 500;
    for (;;) {
      if (this.stopped) return;
      await this.sequence(client, batch);
      const { rows } = await client.query(
        `SELECT ${RELAYED_EVENT_COLUMNS}
           FROM outbox_events WHERE seq IS NOT NULL AND published_at IS NULL
          ORDER BY outbox_events.seq LIMIT $1`, // the column, not the text alias: numeric order
        [batch],
      );
      if (!rows.length) return;
      // Publish the batch without waiting on each message (one connection keeps them in order), then mark only the
      // published prefix: anything after a failure is sent again later, and subscribers drop what they already have.
      const results = await Promise.allSettled(rows.map((r) => this.o.publish(toRelayedEvent(r))));
      const failed = results.findIndex((r) => r.status === 'rejected');
      const published = (failed === -1 ? rows : rows.slice(0, failed)).map((r) => r.seq);
      if (published.length) {
        await client.query('UPDATE outbox_events SET published_at = now() WHERE seq = ANY($1::bigint[])', [published]);
        this.watchers.forEach((w) => w(published));
      }
      if (failed !== -1) throw (results[failed] as PromiseRejectedResult).reason;
    }
  }

  /** Whether this relay holds the lock, taking it if it is free (and sending the first heartbeat at once). */
  private async takeLock(client: Client): Promise<boolean> {
    if (this.holdsLock) return true;
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LOCK_KEY]);
    this.holdsLock = rows[0]!.ok;
    if (this.holdsLock) this.beat();
    return this.holdsLock;
  }

  /** Sends a heartbeat if this relay holds the lock and is working (see `heartbeatMs`). */
  private beat(): void {
    if (!this.o.heartbeat || this.stopped || !this.holdsLock || this.beating) return;
    if (this.running && performance.now() - this.passStartedAt > (this.o.heartbeatMs ?? 250)) return; // a pass is stuck
    this.beating = true;
    this.o
      .heartbeat()
      .catch((err) => this.o.logger.debug({ err }, 'outbox relay heartbeat failed'))
      .finally(() => (this.beating = false));
  }

  /** Gives committed, unsequenced rows the next sequence numbers, in id order. */
  private async sequence(client: Client, batch: number): Promise<void> {
    await client.query(
      `WITH pending AS (
         SELECT id, row_number() OVER (ORDER BY id) AS rn
           FROM (SELECT id FROM outbox_events WHERE seq IS NULL ORDER BY id LIMIT $1) p
       )
       UPDATE outbox_events o
          SET seq = (SELECT coalesce(max(seq), 0) FROM outbox_events) + pending.rn
         FROM pending WHERE o.id = pending.id`,
      [batch],
    );
  }
}
