/**
 * GraphQL side-by-side bench (issue 12): our server in production mode and PostGraphile 5 (amber preset) on the same
 * database, optionally a baseline build of another checkout of our server as a third contender. Checks that all
 * return the same data, then measures each workload in alternating rounds (autocannon) and prints medians of req/s,
 * p50, p99 and SQL statements per request, and with --scales a table of p99 per database size. See bench/README.md.
 *
 *   cd bench && DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_scale npx tsx graphql/run.ts \
 *     [--duration 10] [--rounds 3] [--concurrency 10] [--warmup 3] [--workloads simple,mid,…] \
 *     [--sql-log] [--server-env NAME=value,…] [--ours /path/to/checkout (default: this one)] [--baseline /path/to/other/checkout] [--no-peer] [--scales 10k=postgres://…/bench_10k,100k=postgres://…/bench_scale]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { startRedis, stopAll } from '../subscriptions/processes';
import { BENCH_DIR, cacheBypassingRedis, describeCheckout, post, REPO_DIR, startOurs, startPostGraphile, type Contender } from './contenders';
import { check, measure, type Checked, type Options, type Sample } from './measure';
import { mainTable, scaleTable, type Run } from './report';
import { PEER_CURSOR_QUERIES, prepare, SCALE_WORKLOADS, workloads, type Prepared, type Workload } from './workloads';

const log = (line: string) => process.stderr.write(`${line}\n`);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function options() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '3' },
      concurrency: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '3' },
      workloads: { type: 'string' },
      ours: { type: 'string' },
      baseline: { type: 'string' },
      'no-peer': { type: 'boolean', default: false },
      'sql-log': { type: 'boolean', default: false },
      'server-env': { type: 'string' },
      scales: { type: 'string' },
    },
  });
  const database = process.env.DATABASE_URL;
  if (!database) throw new Error('set DATABASE_URL (a database seeded with `seed --scale N`)');
  const scales = (values.scales ?? '')
    .split(',')
    .filter(Boolean)
    .map((s) => {
      const eq = s.indexOf('=');
      if (eq < 1) throw new Error(`--scales: "${s}" is not label=postgres://…`);
      return { label: s.slice(0, eq), url: s.slice(eq + 1) };
    });
  for (const url of [database, ...scales.map((s) => s.url)]) {
    if (!LOOPBACK.has(new URL(url).hostname)) throw new Error(`${url}: the bench runs against a local database only`);
  }
  const o: Options & { database: string; workloads: string[] | null; ours: string; baseline: string | null; peer: boolean; sqlLog: boolean; serverEnv: Record<string, string>; scales: typeof scales } = {
    duration: Number(values.duration),
    rounds: Number(values.rounds),
    concurrency: Number(values.concurrency),
    warmup: Number(values.warmup),
    workloads: values.workloads ? values.workloads.split(',') : null,
    ours: values.ours ? path.resolve(values.ours) : REPO_DIR,
    baseline: values.baseline ? path.resolve(values.baseline) : null,
    peer: !values['no-peer'],
    sqlLog: values['sql-log'],
    serverEnv: Object.fromEntries(
      (values['server-env'] ?? '').split(',').filter(Boolean).map((kv) => {
        const eq = kv.indexOf('=');
        if (eq < 1) throw new Error(`--server-env: "${kv}" is not NAME=value`);
        return [kv.slice(0, eq), kv.slice(eq + 1)];
      }),
    ) as Record<string, string>,
    database,
    scales,
  };
  if (!(o.duration >= 1 && o.duration <= 300)) throw new Error('--duration must be 1 to 300 s');
  if (!(Number.isInteger(o.rounds) && o.rounds >= 1 && o.rounds <= 50)) throw new Error('--rounds must be 1 to 50');
  if (!(Number.isInteger(o.concurrency) && o.concurrency >= 1 && o.concurrency <= 200)) throw new Error('--concurrency must be 1 to 200');
  if (!(o.warmup >= 0 && o.warmup <= 60)) throw new Error('--warmup must be 0 to 60 s');
  return o;
}

/** PostGraphile's operation: the deep-page workloads need its own cursor for the row at the depth. */
function peerOperation(w: Workload, p: Prepared) {
  return async (c: Contender) => {
    if (!w.peer) return undefined;
    const cursorQuery = w.name === 'keyset' ? PEER_CURSOR_QUERIES.keyset(p.interactionAt.id) : w.name === 'customers-deep' ? PEER_CURSOR_QUERIES['customers-deep'](p.customerAt.id) : null;
    if (!cursorQuery) return w.peer.operation;
    const { json } = await post(c, { query: cursorQuery.query, variables: cursorQuery.variables });
    return { ...w.peer.operation, variables: { after: cursorQuery.pick(json.data) } };
  };
}

/** Starts the contenders on `database`, checks every workload, measures, stops them. */
async function runOn(database: string, names: string[] | null, o: ReturnType<typeof options>): Promise<Run> {
  const db = new Client({ connectionString: database, application_name: 'bench-prepare' });
  await db.connect();
  const started = Date.now();
  const prepared = await prepare(db).finally(() => db.end());
  log(`${new URL(database).pathname.slice(1)}: ${prepared.customers.toLocaleString('en-US')} customers, ${prepared.interactions.toLocaleString('en-US')} interactions (read in ${Date.now() - started} ms)`);
  const chosen = workloads(prepared).filter((w) => !names || names.includes(w.name));
  if (!chosen.length) throw new Error(`no such workloads: ${names?.join(', ')}`);

  const redis = cacheBypassingRedis(await startRedis());
  const contenders: Contender[] = [];
  try {
    contenders.push(await startOurs('ours', o.ours, database, redis, o.serverEnv));
    if (o.baseline) contenders.push(await startOurs('baseline', o.baseline, database, redis, o.serverEnv));
    if (o.peer) contenders.push(await startPostGraphile(database));
    const checked = new Map<string, Checked>();
    for (const w of chosen) {
      checked.set(w.name, await check(w, contenders, peerOperation(w, prepared)));
      const c = checked.get(w.name)!;
      log(`checked ${w.name}: ${[...c.operation.keys()].join(', ')} return the same data${w.expected ? ' as plain SQL' : ''}`);
      if (o.sqlLog) for (const [name, texts] of c.sql) log(`  ${name} sent ${texts.length}:\n${texts.map((t) => `    ${t.replace(/\s+/g, ' ').slice(0, 400)}`).join('\n')}`);
    }
    const samples = await measure(chosen, contenders, checked, o);
    const sql = Object.fromEntries([...checked].map(([w, c]) => [w, Object.fromEntries(c.sql)]));
    return { database, prepared, workloads: chosen, contenders: contenders.map((c) => c.name), samples, sql };
  } finally {
    await stopAll();
    for (const c of contenders) await c.counter.stop().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const o = options();
  const runs: Run[] = [await runOn(o.database, o.workloads, o)];
  const scaleRuns: Array<{ label: string; run: Run }> = [];
  for (const s of o.scales) {
    const same = s.url === o.database && SCALE_WORKLOADS.every((w) => runs[0]!.samples.has(w));
    scaleRuns.push({ label: s.label, run: same ? runs[0]! : await runOn(s.url, SCALE_WORKLOADS, o) });
  }

  const setup = [
    `Setup: ${os.cpus().length} vCPUs (${os.cpus()[0]?.model.trim() ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ` +
      `load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}.`,
    `ours: ${describeCheckout(o.ours)}` + (o.baseline ? `; baseline: ${describeCheckout(o.baseline)}` : ''),
    `${o.rounds} rounds × ${o.duration} s per workload and server, concurrency ${o.concurrency} (unless the row says otherwise), ` +
      `${o.warmup} s warm-up each; medians over the rounds.` +
      (Object.keys(o.serverEnv).length ? ` Our servers' environment also had ${Object.entries(o.serverEnv).map(([k, v]) => `${k}=${v}`).join(', ')}.` : ''),
  ].join('\n');
  let md = `## GraphQL bench, ${new Date().toISOString()}\n\n${setup}\n\n${mainTable(runs[0]!)}`;
  if (scaleRuns.length) md += `\n\n### p99 by database size\n\n${scaleTable(scaleRuns)}`;
  process.stdout.write(`${md}\n`);

  const dir = path.join(BENCH_DIR, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(dir, `graphql-${stamp}.md`), `${md}\n`);
  const json = (r: Run) => ({ database: r.database, prepared: { ...r.prepared, keysetRows: undefined, customersDeepRows: undefined }, samples: Object.fromEntries([...r.samples].map(([w, m]) => [w, Object.fromEntries(m)])), sql: r.sql });
  fs.writeFileSync(
    path.join(dir, `graphql-${stamp}.json`),
    JSON.stringify({ options: o, main: json(runs[0]!), scales: scaleRuns.map((s) => ({ label: s.label, ...json(s.run) })) }, null, 1),
  );
  log(`written to bench/results/graphql-${stamp}.md and .json`);
}

main().then(
  () => process.exit(0),
  async (err: unknown) => {
    log(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    await stopAll().catch(() => undefined);
    process.exit(1);
  },
);

export type { Sample };
