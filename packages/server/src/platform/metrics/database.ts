import type { DataSource, EntitySubscriberInterface } from 'typeorm';
import type { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { type MetricsRegistry } from './metrics';

/** What the pool gauges read from pg's Pool (TypeORM's `driver.master`). */
interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

const TRANSACTION = new Set(['begin', 'start', 'commit', 'rollback', 'savepoint', 'release']);
const COMMANDS = new Set(['select', 'insert', 'update', 'delete', 'with']);

/** The statement's kind from its first word: select, insert, update, delete, with, transaction or other. */
export function commandOf(sql: string): string {
  const word = /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toLowerCase() ?? '';
  return COMMANDS.has(word) ? word : TRANSACTION.has(word) ? 'transaction' : 'other';
}

/**
 * The main pool's connections (in use, idle, clients waiting for one, its size), read at scrape time, and the
 * duration of every statement run through TypeORM (a subscriber's `afterQuery`: TypeORM times statements to the
 * millisecond) by kind, and failed statements. pg-boss and the outbox relay have connections of their own, not
 * counted here.
 */
export function databaseMetrics(metrics: MetricsRegistry, ds: DataSource): () => void {
  const inUse = metrics.gauge({ name: 'crm_db_pool_connections_in_use', help: 'Connections of the main pool running a statement or transaction.' });
  const idle = metrics.gauge({ name: 'crm_db_pool_connections_idle', help: 'Open connections of the main pool waiting for work.' });
  const waiting = metrics.gauge({ name: 'crm_db_pool_waiting_clients', help: 'Requests waiting for a connection of the main pool.' });
  const max = metrics.gauge({ name: 'crm_db_pool_connections_max', help: 'Size of the main pool (DATABASE_POOL_SIZE).' });
  const duration = metrics.histogram({
    name: 'crm_db_query_duration_seconds',
    help: 'Duration of SQL statements on the main pool, by kind (select, insert, update, delete, with, transaction, other).',
    labelNames: ['command'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const failed = metrics.counter({ name: 'crm_db_query_errors_total', help: 'SQL statements on the main pool that failed, by kind.', labelNames: ['command'] });

  const subscriber: EntitySubscriberInterface = {
    afterQuery(event: AfterQueryEvent) {
      const command = commandOf(event.query);
      if (!event.success) failed.inc({ command });
      else if (event.executionTime !== undefined) duration.observe({ command }, event.executionTime / 1000);
    },
  };
  ds.subscribers.push(subscriber);
  const stop = metrics.onScrape('db-pool', () => {
    const pool = (ds.driver as unknown as { master?: PoolCounts }).master;
    if (!pool) return;
    inUse.set(pool.totalCount - pool.idleCount);
    idle.set(pool.idleCount);
    waiting.set(pool.waitingCount);
    if (pool.options?.max) max.set(pool.options.max);
  });
  return () => {
    stop();
    const at = ds.subscribers.indexOf(subscriber);
    if (at !== -1) ds.subscribers.splice(at, 1);
  };
}

/**
 * The outbox's lag: the age of its oldest unpublished event (0 when none waits), from the two partial indexes the
 * relay reads (unsequenced rows by id, sequenced unpublished rows by seq) — two one-row index reads per scrape — and
 * whether this process holds the relay's lock.
 */
export function outboxMetrics(metrics: MetricsRegistry, query: (sql: string) => Promise<Array<{ lag: number | null }>>, relayActive: () => boolean): () => void {
  const lag = metrics.gauge({ name: 'crm_outbox_lag_seconds', help: 'Age of the oldest committed outbox event not yet published (0: none waiting).' });
  const relay = metrics.gauge({ name: 'crm_outbox_relay_active', help: 'Whether this process holds the outbox relay lock and publishes (1) or not (0).' });
  const stopLag = metrics.onScrape('outbox', async () => {
    const [row] = await query(
      `SELECT greatest(0, extract(epoch FROM now() - least(
                (SELECT occurred_at FROM outbox_events WHERE seq IS NULL ORDER BY id LIMIT 1),
                (SELECT occurred_at FROM outbox_events WHERE seq IS NOT NULL AND published_at IS NULL ORDER BY seq LIMIT 1))))::float8 AS lag`,
    );
    lag.set(row?.lag ?? 0);
  });
  const stopRelay = metrics.onScrape('outbox-relay', () => relay.set(relayActive() ? 1 : 0));
  return () => {
    stopLag();
    stopRelay();
  };
}

/**
 * `/readyz` as a series: 1 while the process is not draining and the database answers a `SELECT 1` (within the
 * collector's time), else 0 — so an alert sees a process its load balancer has taken out.
 */
export function readinessMetric(metrics: MetricsRegistry, draining: () => boolean, ping: () => Promise<unknown>): () => void {
  const ready = metrics.gauge({ name: 'crm_ready', help: 'Whether this process is ready for traffic as /readyz says (1) or not (0).' });
  return metrics.onScrape('ready', async () => {
    if (draining()) return void ready.set(0);
    ready.set(0); // until the database answers
    await ping();
    ready.set(1);
  });
}
