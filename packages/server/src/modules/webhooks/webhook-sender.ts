import type { DataSource } from 'typeorm';
import { postOutbound, type OutboundPolicy } from '../../platform/http/outbound';
import { signedHeaders } from '../../platform/http/standard-webhooks';
import type { JobSender } from '../../platform/jobs/job-queue';
import type { Logger } from '../../platform/logger';
import type { NotificationService } from '../notifications/notification.service';

export interface SenderSettings {
  policy: OutboundPolicy;
  /** Seconds before each retry; after the last, the delivery is DEAD. */
  retrySeconds: number[];
  /** Failed deliveries in a row (each counted once, when DEAD) that disable an endpoint. */
  disableAfter: number;
  /** Days a finished delivery (and its attempts) is kept after its last attempt. */
  retentionDays: number;
}

/** How long a claimed attempt may take before the sweeper may queue it again. */
const LEASE_SECONDS = 120;
const EXCERPT = 500;
/** Deliveries deleted per statement when pruning. */
const PRUNE_BATCH = 1_000;

export type AttemptOutcome = 'succeeded' | 'retrying' | 'dead' | 'skipped' | 'not-due';

/**
 * Makes one attempt of a delivery: claims it (due and PENDING; a lease against a second worker), signs the stored body
 * with the endpoint's secret (and the previous one during a rotation's grace), POSTs it through the outbound guard,
 * and records the attempt. A failure schedules the next attempt (exponential backoff, `retrySeconds`) or, after the
 * last, makes it DEAD; `disableAfter` deliveries DEAD in a row (any successful attempt resets the count) disable the
 * endpoint and tell the admins. URL and secret are never logged.
 */
export class WebhookSender {
  private readonly listeners = new Set<(attempt: { deliveryId: string; endpointId: string; outcome: AttemptOutcome }) => void>();

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobSender,
    private readonly notifications: NotificationService,
    private readonly settings: () => SenderSettings,
    private readonly logger: Logger,
  ) {}

  /** Hears of every recorded attempt in this process (after its transaction commits); returns a function that stops it. */
  onAttempt(listener: (attempt: { deliveryId: string; endpointId: string; outcome: AttemptOutcome }) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async attempt(deliveryId: string): Promise<AttemptOutcome> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [[claimed]] = await this.ds.query(
      `UPDATE webhook_deliveries d SET attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
         FROM webhook_endpoints e
        WHERE d.id = $1 AND e.id = d.endpoint_id AND d.status = 'PENDING' AND d.next_attempt_at <= now() + interval '1 second'
        RETURNING d.id, d.endpoint_id, d.event_id, d.payload, d.attempts, e.url, e.secret, e.active,
                  CASE WHEN e.previous_valid_until > now() THEN e.previous_secret END AS previous_secret`,
      [deliveryId, LEASE_SECONDS],
    );
    if (!claimed) return 'not-due';
    if (!claimed.active) {
      await this.ds.query(`UPDATE webhook_deliveries SET status = 'SKIPPED', next_attempt_at = NULL, attempts = attempts - 1 WHERE id = $1`, [deliveryId]);
      return 'skipped';
    }
    const s = this.settings();
    const secrets = [claimed.secret, claimed.previous_secret].filter(Boolean) as string[];
    const result = await postOutbound(claimed.url, claimed.payload, signedHeaders(secrets, claimed.event_id, claimed.payload), s.policy);
    const number: number = claimed.attempts;
    const retryIn = result.ok ? null : s.retrySeconds[number - 1];
    const outcome: AttemptOutcome = result.ok ? 'succeeded' : retryIn === undefined ? 'dead' : 'retrying';
    await this.ds.transaction(async (m) => {
      await m.query(
        `INSERT INTO webhook_attempts (delivery_id, number, status_code, latency_ms, response_excerpt, error, succeeded)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [deliveryId, number, result.statusCode, result.latencyMs, result.body?.slice(0, EXCERPT) ?? null, result.ok ? null : result.error?.slice(0, 200) ?? null, result.ok],
      );
      await m.query(
        `UPDATE webhook_deliveries SET status = $2::varchar, next_attempt_at = CASE WHEN $2::varchar = 'PENDING' THEN now() + make_interval(secs => $3) END WHERE id = $1`,
        [deliveryId, outcome === 'succeeded' ? 'SUCCEEDED' : outcome === 'dead' ? 'DEAD' : 'PENDING', retryIn ?? 0],
      );
      if (result.ok) {
        await m.query('UPDATE webhook_endpoints SET consecutive_failures = 0 WHERE id = $1', [claimed.endpoint_id]);
      } else if (outcome === 'dead') {
        await this.failed(m, claimed.endpoint_id, s.disableAfter);
      }
    });
    this.logger.info({ deliveryId, attempt: number, status: result.statusCode, ms: result.latencyMs, outcome }, 'webhook attempt');
    for (const l of this.listeners) l({ deliveryId, endpointId: claimed.endpoint_id, outcome });
    if (outcome === 'retrying') await this.jobs.send('webhook-deliver', { deliveryId }, { startAfter: new Date(Date.now() + retryIn! * 1000) });
    return outcome;
  }

  /**
   * One more failed delivery in a row (one atomic increment, so deliveries dying at once each count, and exactly one
   * reaches `disableAfter`); at `disableAfter`, the endpoint is disabled and every admin told once.
   */
  private async failed(m: import('typeorm').EntityManager, endpointId: string, disableAfter: number): Promise<void> {
    const [[e]] = await m.query(
      `UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1,
              active = CASE WHEN consecutive_failures + 1 >= $2 THEN false ELSE active END,
              disabled_reason = CASE WHEN consecutive_failures + 1 >= $2 AND active THEN $3 ELSE disabled_reason END
        WHERE id = $1 RETURNING active, consecutive_failures, disabled_reason`,
      [endpointId, disableAfter, `Disabled after ${disableAfter} failed deliveries in a row.`],
    );
    if (e && !e.active && e.consecutive_failures === disableAfter) {
      const admins: Array<{ id: string }> = await m.query(`SELECT id FROM users WHERE role = 'ADMIN' AND deactivated_at IS NULL`);
      await this.notifications.notifyAll(
        m,
        admins.map((a) => ({
          recipientId: a.id,
          kind: 'ALERT' as const,
          title: 'A webhook endpoint was disabled',
          body: `${disableAfter} deliveries in a row failed; it was turned off. Check Settings → Developers, then turn it back on.`,
          dedupeKey: `webhook-disabled:${endpointId}:${a.id}:${Date.now()}`,
        })),
      );
    }
  }

  /** Queues again the deliveries that are due but whose job was lost (a crash after commit, an expired lease). */
  async sweep(): Promise<number> {
    const due: Array<{ id: string }> = await this.ds.query(
      `SELECT id FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at < now() - interval '30 seconds' ORDER BY next_attempt_at LIMIT 500`,
    );
    for (const d of due) await this.jobs.send('webhook-deliver', { deliveryId: d.id });
    return due.length;
  }

  /**
   * Deletes finished deliveries (SUCCEEDED, DEAD, SKIPPED; never PENDING) created more than `retentionDays` ago and
   * with no attempt since (a redelivery keeps one), their attempts with them, `batch` at a time.
   */
  async prune(batch = PRUNE_BATCH): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [, count]: [unknown, number] = await this.ds.query(
        // The status again on the deleted row: one made PENDING meanwhile (redelivered) stays.
        `DELETE FROM webhook_deliveries WHERE status <> 'PENDING' AND id IN (
           SELECT d.id FROM webhook_deliveries d
            WHERE d.status <> 'PENDING' AND d.created_at < now() - make_interval(days => $1)
              AND NOT EXISTS (SELECT 1 FROM webhook_attempts a WHERE a.delivery_id = d.id AND a.at >= now() - make_interval(days => $1))
            LIMIT $2)`,
        [this.settings().retentionDays, batch],
      );
      deleted += count;
      if (count < batch) return deleted;
    }
  }
}
