import type { DataSource, EntityManager } from 'typeorm';
import type { JobSender } from '../../platform/jobs/job-queue';
import type { Logger } from '../../platform/logger';
import { route, webhookBody, type DomainEvent } from './webhook.payloads';

const LOCK_KEY = 7_300_452; // one dispatcher pass at a time across all processes
const BATCH = 200;

interface EndpointRow {
  id: string;
  partner_id: string | null;
  event_types: string[];
  created_at: Date;
}

/**
 * Turns domain events into deliveries: reads the outbox (published rows, in `seq` order) after its cursor, and for each
 * event the active endpoints that want it — company endpoints the staff event, a partner's endpoint the `referral.*`
 * event of its own referrals or the `claim.photo.*` event of a file shared with it on a claim it adjusts
 * (webhook.payloads.ts) — gets one delivery with the exact body to send (`ON CONFLICT DO NOTHING`: at most one per
 * endpoint and event). Deliveries and the cursor move in one transaction; the first attempt is queued after commit
 * (the sweeper re-queues any whose job was lost). Woken when the relay publishes, and every minute as a safety net.
 */
export class WebhookDispatcher {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobSender,
    private readonly logger: Logger,
  ) {}

  /** Runs a pass now, or right after the current one. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.dispatch()
      .then(() => undefined)
      .catch((err) => this.logger.warn({ err }, 'webhook dispatch failed; the next pass retries'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Dispatches every event after the cursor; returns how many deliveries it made (0 when another process holds the pass). */
  async dispatch(): Promise<number> {
    let made = 0;
    for (;;) {
      const pass = await this.ds.transaction((m) => this.batch(m));
      if (!pass) return made;
      for (const id of pass.deliveries) await this.jobs.send('webhook-deliver', { deliveryId: id });
      made += pass.deliveries.length;
      if (!pass.more) return made;
    }
  }

  private async batch(m: EntityManager): Promise<{ deliveries: string[]; more: boolean } | null> {
    const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [LOCK_KEY]);
    if (!locked) return null;
    const [cursor] = await m.query('SELECT last_seq::text AS seq FROM webhook_cursor WHERE id = 1 FOR UPDATE');
    const rows: Array<{ seq: string; type: string; entity_id: string | null; occurred_at: Date }> = await m.query(
      `SELECT seq::text, type, entity_id, occurred_at FROM outbox_events
        WHERE seq > $1 AND published_at IS NOT NULL ORDER BY seq LIMIT ${BATCH}`,
      [cursor?.seq ?? '0'],
    );
    if (!rows.length) return { deliveries: [], more: false };
    const endpoints: EndpointRow[] = await m.query('SELECT id, partner_id, event_types, created_at FROM webhook_endpoints WHERE active');
    const deliveries: string[] = [];
    for (const r of endpoints.length ? rows : []) {
      const event: DomainEvent = { seq: r.seq, type: r.type, entityId: r.entity_id, occurredAt: r.occurred_at };
      deliveries.push(...(await this.deliveriesFor(m, event, endpoints)));
    }
    await m.query('UPDATE webhook_cursor SET last_seq = $1 WHERE id = 1', [rows[rows.length - 1]!.seq]);
    return { deliveries, more: rows.length === BATCH };
  }

  private async deliveriesFor(m: EntityManager, event: DomainEvent, endpoints: EndpointRow[]): Promise<string[]> {
    const routed = await route(m, event);
    const made: string[] = [];
    for (const e of endpoints) {
      if (e.created_at > event.occurredAt) continue;
      const target = e.partner_id === null ? routed.company : routed.partner?.partnerId === e.partner_id ? routed.partner : undefined;
      if (!target || !e.event_types.includes(target.type)) continue;
      const id = await this.insert(m, e.id, `evt_${event.seq}`, target.type, webhookBody(target.type, event.occurredAt, target.data));
      if (id) made.push(id);
    }
    return made;
  }

  /** A new PENDING delivery due now; null if the endpoint already has this event. */
  async insert(m: EntityManager, endpointId: string, eventId: string, eventType: string, payload: string): Promise<string | null> {
    const [row] = await m.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at)
       VALUES ($1, $2, $3, $4, 'PENDING', 0, now()) ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id`,
      [endpointId, eventId, eventType, payload],
    );
    return row?.id ?? null;
  }
}
