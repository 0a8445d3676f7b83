/**
 * The bench's side of PostgreSQL: migrating the bench database and creating its admin, the producer (which writes
 * `dashboard.updated` rows straight into outbox_events, as a committed change would), and the relay's numbers.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../../packages/server/src/platform/auth/passwords';
import { createDataSource, openDatabase } from '../../packages/server/src/platform/db/data-source';
import { createLogger } from '../../packages/server/src/platform/logger';
import { entities } from '../../packages/server/src/modules';

const serverRequire = createRequire(path.resolve(__dirname, '../../packages/server/package.json'));
const pg = serverRequire('pg') as typeof import('pg');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const ADMIN = { email: 'bench-admin@example.test', password: 'bench-realtime-password' };
const TEAM = 'Bench Realtime';

export interface BenchDatabase {
  ds: DataSource;
  teamId: string;
}

/**
 * Migrates (as the server does at start), forgets the events of earlier runs, and makes sure the team and the admin
 * exist. With `startSeq` > 0, one already-published placeholder row with that seq makes the relay number the run's
 * events from startSeq + 1 on, as in a deployment that has been running a while (see bench/README.md: seqs that
 * cross a power of ten within one relay batch are published out of order).
 */
export async function prepareDatabase(url: string, startSeq: number): Promise<BenchDatabase> {
  const logger = createLogger('warn');
  const ds = createDataSource({ url, poolSize: 3, logger, applicationName: 'crm-bench', entities });
  await openDatabase(ds, logger);
  await ds.query('TRUNCATE outbox_events');
  if (startSeq > 0) {
    await ds.query(`INSERT INTO outbox_events (seq, type, published_at) VALUES ($1, 'dashboard.updated', now())`, [startSeq]);
  }
  const [team] = await ds.query(
    `INSERT INTO teams (name) VALUES ($1) ON CONFLICT (lower(name)) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [TEAM],
  );
  const hash = await hashPassword(ADMIN.password);
  await ds.query(
    `INSERT INTO users (name, email, role, team_id, password_hash) VALUES ('Bench Admin', $1, 'ADMIN', NULL, $2)
     ON CONFLICT (lower(email)) DO UPDATE SET role = 'ADMIN', active = true, deactivated_at = NULL, password_hash = EXCLUDED.password_hash`,
    [ADMIN.email, hash],
  );
  return { ds, teamId: team.id };
}

export async function connect(url: string, name: string): Promise<PgClient> {
  const client = new pg.Client({ connectionString: url, application_name: name });
  await client.connect();
  return client;
}

const INSERT = `INSERT INTO outbox_events (type, team_id, occurred_at)
  SELECT 'dashboard.updated', $1, clock_timestamp() FROM generate_series(1, $2)`;

/** `n` dashboard events now. */
export async function insertDashboard(client: PgClient, teamId: string, n: number): Promise<void> {
  await client.query(INSERT, [teamId, n]);
}

export interface Production {
  target: number;
  produced: number;
  seconds: number;
  statements: number;
  maxStatementMs: number;
}

/**
 * Inserts `rate × seconds` events, about every `tickMs`: each statement adds the events due by then (so a late tick
 * catches up), each row stamped with clock_timestamp() as its send time. Gives up 5 s after the planned end.
 */
export async function produce(insert: (n: number) => Promise<unknown>, rate: number, seconds: number, tickMs = 10): Promise<Production> {
  const target = Math.round(rate * seconds);
  const t0 = performance.now();
  let produced = 0;
  let statements = 0;
  let maxStatementMs = 0;
  while (produced < target) {
    const elapsed = (performance.now() - t0) / 1000;
    if (elapsed > seconds + 5) break;
    const due = Math.min(target, Math.floor(rate * elapsed)) - produced;
    if (due > 0) {
      const s = performance.now();
      await insert(due);
      maxStatementMs = Math.max(maxStatementMs, performance.now() - s);
      produced += due;
      statements++;
    }
    await sleep(tickMs);
  }
  return { target, produced, seconds: (performance.now() - t0) / 1000, statements, maxStatementMs };
}

/** Rows the relay has not sequenced or not published yet. */
export async function backlog(client: PgClient): Promise<{ unsequenced: number; unpublished: number }> {
  const { rows } = await client.query(
    `SELECT (SELECT count(*) FROM outbox_events WHERE seq IS NULL)::int AS unsequenced,
            (SELECT count(*) FROM outbox_events WHERE seq IS NOT NULL AND published_at IS NULL)::int AS unpublished`,
  );
  return rows[0];
}

/** Waits until the relay has published everything (up to `ms`); then the highest seq and id. */
export async function settle(client: PgClient, ms: number): Promise<{ seq: number; id: number }> {
  const deadline = Date.now() + ms;
  for (;;) {
    const b = await backlog(client);
    if (b.unsequenced + b.unpublished === 0) break;
    if (Date.now() > deadline) throw new Error(`the relay did not publish the warm-up events within ${ms / 1000} s`);
    await sleep(100);
  }
  const { rows } = await client.query(`SELECT coalesce(max(seq), 0)::text AS seq, coalesce(max(id), 0)::text AS id FROM outbox_events`);
  return { seq: Number(rows[0].seq), id: Number(rows[0].id) };
}

export interface RelayStats {
  rows: number;
  /** Rows with a seq, and whether their seqs are consecutive. */
  sequenced: number;
  seqConsecutive: boolean;
  /** Rows marked published (published_at set). */
  published: number;
  /** Published events per second, from the first to the last `published_at` (set per batch, after publishing). */
  publishRate: number | null;
  /** occurred_at → published_at (the relay's part of the latency), ms. */
  publishLagP50: number | null;
  publishLagP99: number | null;
  publishLagMax: number | null;
}

export async function relayStats(client: PgClient, afterId: number): Promise<RelayStats> {
  const { rows } = await client.query(
    `WITH e AS (SELECT seq, occurred_at, published_at, extract(epoch FROM published_at - occurred_at) * 1000 AS lag
                  FROM outbox_events WHERE id > $1)
     SELECT count(*)::int AS rows, count(seq)::int AS sequenced, (max(seq) - min(seq) + 1)::int AS seq_span,
            count(published_at)::int AS published,
            extract(epoch FROM max(published_at) - min(published_at))::float8 AS span,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY lag)::float8 AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY lag)::float8 AS p99,
            max(lag)::float8 AS max
       FROM e`,
    [afterId],
  );
  const r = rows[0];
  return {
    rows: r.rows,
    sequenced: r.sequenced,
    seqConsecutive: r.sequenced === 0 || r.seq_span === r.sequenced,
    published: r.published,
    publishRate: r.span > 0 ? r.published / r.span : null,
    publishLagP50: r.p50,
    publishLagP99: r.p99,
    publishLagMax: r.max,
  };
}

/** Backend pids of this database (to read their CPU time from /proc when PostgreSQL runs on this machine). */
export async function backendPids(client: PgClient): Promise<number[]> {
  const { rows } = await client.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  return rows.map((r: { pid: number }) => r.pid);
}
