/**
 * Dashboard widget benchmark: runs each widget's DashboardService method with the cache bypassed, N times per
 * scope (company, the busiest team, the busiest sales member) and range, and prints p50/p95/p99 in milliseconds.
 * Results go to bench/results/ (gitignored). See bench/README.md.
 *
 * Then the whole dashboard's throughput: `--concurrency` clients (default 10) asking for cold dashboards back to back
 * for `--seconds` (default 10) per scope and range (req/s, p50, p99).
 *
 *   cd packages/server && DATABASE_URL=postgres://… npx tsx ../../bench/dashboard/run.ts [--iterations 50] [--ranges LAST_30_DAYS,LAST_12_MONTHS]
 *     [--concurrency 10] [--seconds 10]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DashboardRange } from '../../packages/server/src/generated/graphql';
import { rangeBounds, type Db } from '../../packages/server/src/modules/analytics/dashboard-scope';
import { DashboardService, type DashboardModel } from '../../packages/server/src/modules/analytics/dashboard.service';
import { NoCache } from '../../packages/server/src/platform/cache/cache';
import { createDataSource, openDatabase } from '../../packages/server/src/platform/db/data-source';
import { createLogger } from '../../packages/server/src/platform/logger';


const WIDGETS: Record<string, (s: DashboardService, d: DashboardModel) => Promise<unknown>> = {
  pipeline: (s, d) => s.pipeline(d),
  funnel: (s, d) => s.funnel(d),
  winRate: (s, d) => s.winRate(d),
  averageDealSize: (s, d) => s.averageDealSize(d),
  revenueByMonth: (s, d) => s.revenueByMonth(d),
  sourceRoi: (s, d) => s.sourceRoi(d),
  leaderboard: (s, d) => s.leaderboard(d),
  projectStatus: (s, d) => s.projectStatus(d),
  onBudgetRatio: (s, d) => s.onBudgetRatio(d),
  upcomingAppointments: (s, d) => s.upcomingAppointmentIds(d),
  timeSeries: (s, d) => s.timeSeries(d, null),
};

const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (n: number) => n.toFixed(1).padStart(8);

interface Scope {
  name: string;
  teamId: string | null;
  userId: string | null;
}

/** Rows per table the widgets read. */
function rowCounts(ds: Db): Promise<Array<{ table: string; n: string }>> {
  return ds.query(
    `SELECT 'leads' AS table, count(*)::text AS n FROM leads UNION ALL SELECT 'projects', count(*)::text FROM projects
     UNION ALL SELECT 'appointments', count(*)::text FROM appointments UNION ALL SELECT 'interactions', count(*)::text FROM interactions`,
  );
}

/** The company, the team with the most leads and the sales member with the most leads. */
async function pickScopes(ds: Db): Promise<Scope[]> {
  const [team]: Array<{ id: string; name: string }> = await ds.query(
    `SELECT t.id, t.name FROM teams t JOIN leads l ON l.team_id = t.id GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`,
  );
  const [seller]: Array<{ id: string; name: string }> = await ds.query(
    `SELECT u.id, u.name FROM users u JOIN leads l ON l.assignee_id = u.id WHERE u.role = 'SALES' GROUP BY u.id ORDER BY count(*) DESC LIMIT 1`,
  );
  if (!team || !seller) throw new Error('the database has no leads: seed it first');
  return [
    { name: 'company', teamId: null, userId: null },
    { name: `team (${team.name})`, teamId: team.id, userId: null },
    { name: `sales (${seller.name})`, teamId: null, userId: seller.id },
  ];
}

/** Runs the snapshot job's work for today (timed), then fills the year before with copies so timeSeries reads a year of rows. */
async function prepareSnapshots(ds: Db, service: DashboardService): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  const started = performance.now();
  await service.snapshot(today);
  const elapsed = performance.now() - started;
  await ds.query(
    `INSERT INTO analytics_snapshots (snapshot_date, metric_type, metric_value)
     SELECT d::date, s.metric_type, s.metric_value FROM analytics_snapshots s
      CROSS JOIN generate_series($1::date - 366, $1::date - 1, interval '1 day') d
      WHERE s.snapshot_date = $1::date
     ON CONFLICT (snapshot_date, metric_type) DO NOTHING`,
    [today],
  );
  return elapsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      iterations: { type: 'string', default: '50' },
      warmup: { type: 'string', default: '3' },
      ranges: { type: 'string', default: 'LAST_30_DAYS,LAST_12_MONTHS' },
      concurrency: { type: 'string', default: '10' },
      seconds: { type: 'string', default: '10' },
    },
  });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL to the database seeded with `pnpm seed --scale 100000`');
  const iterations = Number(values.iterations);
  const warmup = Number(values.warmup);
  const ranges = values.ranges.split(',') as DashboardRange[];
  const concurrency = Number(values.concurrency);
  const seconds = Number(values.seconds);

  const logger = createLogger('warn');
  const ds = createDataSource({ url, poolSize: Math.max(10, concurrency), logger, applicationName: 'crm-bench' });
  await openDatabase(ds, logger);
  try {
    const service = new DashboardService(ds, new NoCache());
    // Steady state, as autovacuum leaves it (fresh seeds and migrations leave dead rows and no statistics).
    await ds.query('VACUUM ANALYZE leads, projects, project_members, appointments, interactions, users, analytics_snapshots, dashboard_lead_days, dashboard_project_days, dashboard_project_users');
    const counts = await rowCounts(ds);
    const scopes = await pickScopes(ds);
    const snapshotMs = await prepareSnapshots(ds, service);
    const results: Array<{ range: string; scope: string; widget: string; p50: number; p95: number; p99: number; max: number }> = [];
    const throughput: Array<{ range: string; scope: string; concurrency: number; requests: number; perSecond: number; p50: number; p99: number }> = [];
    process.stdout.write(`rows: ${counts.map((c) => `${c.table} ${Number(c.n).toLocaleString('en-US')}`).join(', ')}\n`);
    process.stdout.write(`analytics-snapshot job (one day): ${snapshotMs.toFixed(0)} ms\n`);
    process.stdout.write(`${iterations} runs per widget after ${warmup} warm-up runs, cache bypassed; milliseconds\n`);
    /** Times `run` (a fresh model each time, so the period ends now) and records its percentiles. */
    const measure = async (range: DashboardRange, scope: Scope, widget: string, run: (d: DashboardModel) => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < warmup + iterations; i++) {
        const model: DashboardModel = { range, ...rangeBounds(range, new Date()), teamId: scope.teamId, userId: scope.userId };
        const t0 = performance.now();
        await run(model);
        if (i >= warmup) times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const r = { range, scope: scope.name, widget, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times[times.length - 1]! };
      results.push(r);
      process.stdout.write(`${widget.padEnd(22)}${ms(r.p50)}${ms(r.p95)}${ms(r.p99)}${ms(r.max)}\n`);
    };
    for (const range of ranges) {
      for (const scope of scopes) {
        process.stdout.write(`\n${range} — ${scope.name}\n${'widget'.padEnd(22)}     p50     p95     p99     max\n`);
        for (const [widget, run] of Object.entries(WIDGETS)) await measure(range, scope, widget, (d) => run(service, d));
        // A cold dashboard request: every widget at once over the pool, as Apollo resolves the fields.
        await measure(range, scope, '(all, concurrently)', (d) => Promise.all(Object.values(WIDGETS).map((run) => run(service, d))));
      }
    }
    // Throughput: `concurrency` clients, each asking for whole cold dashboards back to back for `seconds`.
    process.stdout.write(`\nwhole dashboard, ${concurrency} concurrent clients for ${seconds} s, cache bypassed\n${'range / scope'.padEnd(40)}   req/s     p50     p99\n`);
    for (const range of ranges) {
      for (const scope of scopes) {
        const times: number[] = [];
        const until = performance.now() + seconds * 1000;
        const client = async () => {
          while (performance.now() < until) {
            const model: DashboardModel = { range, ...rangeBounds(range, new Date()), teamId: scope.teamId, userId: scope.userId };
            const t0 = performance.now();
            await Promise.all(Object.values(WIDGETS).map((run) => run(service, model)));
            times.push(performance.now() - t0);
          }
        };
        const started = performance.now();
        await Promise.all(Array.from({ length: concurrency }, client));
        const elapsed = (performance.now() - started) / 1000;
        times.sort((a, b) => a - b);
        const r = { range, scope: scope.name, concurrency, requests: times.length, perSecond: times.length / elapsed, p50: percentile(times, 50), p99: percentile(times, 99) };
        throughput.push(r);
        process.stdout.write(`${`${range} ${scope.name}`.padEnd(40)}${ms(r.perSecond)}${ms(r.p50)}${ms(r.p99)}\n`);
      }
    }
    const dir = path.resolve(__dirname, '../results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `dashboard-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const [pg]: Array<{ version: string }> = await ds.query('SELECT version()');
    fs.writeFileSync(
      file,
      JSON.stringify({ at: new Date().toISOString(), iterations, warmup, host: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30) }, postgres: pg?.version, rows: counts, snapshotMs, results, throughput }, null, 2),
    );
    process.stdout.write(`\nwritten to ${path.relative(process.cwd(), file)}\n`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
