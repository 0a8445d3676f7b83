/**
 * Subscriptions benchmark: N graphql-ws subscribers of `dashboardUpdated` on 1 or 2 real server processes, a producer
 * writing R `dashboard.updated` events/s into outbox_events for D seconds; reports delivery latency (occurred_at →
 * receipt) p50/p95/p99/max and lost/duplicated deliveries. Results go to bench/results/ (gitignored). See bench/README.md.
 *
 *   cd packages/server && DATABASE_URL=postgres://… REDIS_URL=redis://… npx tsx ../../bench/subscriptions/run.ts \
 *     [--subscribers 1000] [--rate 2000] [--duration 10] [--servers 1|2] [--drain 5] [--start-seq 1000000] [--own-redis] [--profile]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Client as PgClient } from 'pg';
import { ADMIN, backendPids, backlog, connect, insertDashboard, prepareDatabase, produce, relayStats, settle, type Production } from './database';
import { cpuSeconds, machineCpu, rssMb, sharedJwtKey, startRedis, startServer, stopAll, type ServerProcess } from './processes';
import { redisInfo, report, type Result } from './report';
import { RedisTap } from './redis-tap';
import { dashboardPlan, openSubscribers, Recorder, type Plan, type Subscribers } from './subscribers';
import { buildWorld, FIELDS, INSERT_RECORD_EVENTS, recordOf, selection, storeTemplates, templatesOf, type World } from './world';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stdout.write(`${line}\n`);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function options() {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '1000' },
      rate: { type: 'string', default: '2000' },
      duration: { type: 'string', default: '10' },
      servers: { type: 'string', default: '1' },
      drain: { type: 'string', default: '5' },
      'start-seq': { type: 'string', default: '1000000' },
      'own-redis': { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      events: { type: 'string', default: 'dashboard' },
    },
  });
  const o = {
    subscribers: Number(values.subscribers),
    rate: Number(values.rate),
    duration: Number(values.duration),
    servers: Number(values.servers),
    drain: Number(values.drain),
    startSeq: Number(values['start-seq']),
    ownRedis: values['own-redis'],
    profile: values.profile,
    events: values.events as 'dashboard' | 'records',
  };
  if (o.events !== 'dashboard' && o.events !== 'records') throw new Error('--events must be dashboard or records');
  if (!(o.subscribers >= 1 && o.subscribers <= 5_000)) throw new Error('--subscribers must be 1 to 5000');
  if (!(o.rate > 0 && o.rate <= 50_000)) throw new Error('--rate must be 1 to 50000 events/s');
  if (!(o.duration > 0 && o.duration <= 900)) throw new Error('--duration must be 1 to 900 s');
  if (o.servers !== 1 && o.servers !== 2) throw new Error('--servers must be 1 or 2');
  if (!(o.drain >= 0 && o.drain <= 120)) throw new Error('--drain must be 0 to 120 s');
  if (!(Number.isInteger(o.startSeq) && o.startSeq >= 0 && o.startSeq < 2 ** 52)) throw new Error('--start-seq must be an integer ≥ 0');
  return o;
}

function loopbackUrl(name: string, value: string | undefined): string {
  if (!value) throw new Error(`set ${name}`);
  if (!LOOPBACK.has(new URL(value).hostname)) throw new Error(`${name} must point at this machine (loopback only)`);
  return value;
}

async function login(server: ServerProcess, credentials: { email: string; password: string } = ADMIN): Promise<string> {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: LoginInput!) { login(input: $i) { accessToken errors { code message } } }',
      variables: { i: credentials },
    }),
  });
  const body = (await res.json()) as { data?: { login: { accessToken: string | null; errors: unknown[] } } };
  const token = body.data?.login.accessToken;
  if (!token) throw new Error(`login failed: ${JSON.stringify(body)}`);
  return token;
}

let cleaning: Promise<void> | null = null;
const resources: { subs?: Subscribers; tap?: RedisTap; pg: PgClient[]; closeDs?: () => Promise<void> } = { pg: [] };
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await resources.subs?.dispose().catch(() => undefined);
    await resources.tap?.close();
    await stopAll();
    for (const c of resources.pg) await c.end().catch(() => undefined);
    await resources.closeDs?.().catch(() => undefined);
  })();
  return cleaning;
}

async function main(): Promise<void> {
  const o = options();
  const databaseUrl = loopbackUrl('DATABASE_URL', process.env.DATABASE_URL);
  const deadline = setTimeout(() => {
    process.stderr.write('bench took too long; stopping\n');
    void cleanup().finally(() => process.exit(2));
  }, (240 + o.duration + o.drain) * 1000);
  deadline.unref();

  const loadAverageAtStart = os.loadavg()[0]!;
  const db = await prepareDatabase(databaseUrl, o.startSeq);
  resources.closeDs = () => db.ds.destroy();
  const producer = await connect(databaseUrl, 'crm-bench-producer');
  const monitor = await connect(databaseUrl, 'crm-bench-monitor');
  resources.pg.push(producer, monitor);
  const redis = { url: o.ownRedis ? await startRedis() : loopbackUrl('REDIS_URL', process.env.REDIS_URL) };
  resources.tap = new RedisTap();
  await resources.tap.start(redis.url);
  if (!o.ownRedis) log('note: pub/sub channels are global to a Redis server; use a Redis nothing else publishes crm.events.* on (or --own-redis)');

  const profileDir = o.profile ? path.resolve(__dirname, '../results/profiles') : undefined;
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, ...sharedJwtKey() };
  const servers = await Promise.all(Array.from({ length: o.servers }, (_, i) => startServer(`server${i + 1}`, env, profileDir)));
  log(`${o.servers} server process(es) ready: ${servers.map((s) => `${s.url} (pid ${s.pid})`).join(', ')}`);
  let world: World | null = null;
  let plan: (i: number) => Plan;
  let insert: (n: number) => Promise<unknown>;
  let offset = 0; // records: where the producer's round robin over the templates is
  if (o.events === 'records') {
    const w = (world = await buildWorld(db.ds));
    await storeTemplates(db.ds, w);
    // Statistics for the rows just written, as autovacuum would keep them in a running deployment: without them the
    // planner runs the field techs' crew rule (a subquery per viewer and record) over every project, 30-150x slower.
    await db.ds.query('VACUUM ANALYZE users, teams, customers, leads, projects, project_members, appointments');
    const tokens: string[] = [];
    for (const u of w.users) tokens.push(await login(servers[0]!, { email: u.email, password: w.password }));
    log(`records: ${w.users.length} users (admins, and per team a manager, sales and field techs), ${w.templates.length} event templates`);
    plan = (i) => {
      const u = i % w.users.length;
      const field = FIELDS[Math.floor(i / w.users.length) % FIELDS.length]!;
      return { token: tokens[u]!, query: selection(field), field, record: recordOf(field) };
    };
    insert = async (n) => {
      await producer.query(INSERT_RECORD_EVENTS, [offset, n]);
      offset += n;
    };
  } else {
    const token = await login(servers[0]!);
    plan = () => dashboardPlan(token);
    insert = (n) => insertDashboard(producer, db.teamId, n);
  }
  /** Whether client i may see template k (records) — the bench's restatement of the policies over its world. */
  const sees = (i: number, k: number): boolean => {
    const w = world!;
    const t = w.templates[k]!;
    return t.field === plan(i).field && t.sees(w.users[i % w.users.length]!);
  };

  const rec = new Recorder(o.subscribers);
  if (world) for (let i = 0; i < o.subscribers; i++) if (!world.templates.some((_, k) => sees(i, k))) rec.warm[i] = 1; // never sees any
  const t = performance.now();
  resources.subs = await openSubscribers(servers.map((s) => s.wsUrl), plan, o.subscribers, rec);
  log(`${o.subscribers} clients connected in ${((performance.now() - t) / 1000).toFixed(1)} s; waiting until every one receives a probe event`);
  const readyBy = Date.now() + 60_000;
  while (!rec.allWarm) {
    if (Date.now() > readyBy) throw new Error(`only ${rec.warm.filter((n) => n > 0).length} of ${o.subscribers} subscribers got a probe in 60 s`);
    await insert(world ? world.templates.length - (offset % world.templates.length) : 1); // records: a full round
    for (let i = 0; i < (world ? 10 : 1) && !rec.allWarm; i++) await sleep(500);
  }
  const base = await settle(monitor, 30_000);
  // Let the servers hand out every probe before measuring: until no subscriber has received one for 1 s (30 s at most).
  const warmed = () => rec.warm.reduce((a, b) => a + b, 0);
  for (let seen = -1, quietSince = Date.now(), until = Date.now() + 30_000; Date.now() < until; await sleep(100)) {
    if (warmed() !== seen) [seen, quietSince] = [warmed(), Date.now()];
    else if (Date.now() - quietSince >= 1_000) break;
  }

  const target = Math.round(o.rate * o.duration);
  const t0 = Date.now();
  rec.measure(base.seq, target, t0);
  resources.tap.measure(base.seq, target);
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  const pgPids = await backendPids(monitor);
  const procs = [...servers.map((s) => ({ name: s.name, pid: s.pid })), { name: 'bench (clients + producer)', pid: process.pid }, ...pgPids.map((pid) => ({ name: 'postgres', pid }))];
  const cpu0 = procs.map((p) => cpuSeconds(p.pid));
  const machine0 = machineCpu();
  const redis0 = await redisInfo(redis.url);
  const samples: Result['timeline'] = [];
  let sampling = true;
  const sampler = (async () => {
    for (let s = 1; sampling; s++) {
      await sleep(t0 + s * 1000 - Date.now());
      const b = await backlog(monitor).catch(() => null);
      samples.push({ second: s, delivered: rec.unique, backlog: b ? b.unsequenced + b.unpublished : null, serverRssMb: servers.map((x) => rssMb(x.pid)) });
    }
  })();

  log(`producing ${target} events at ${o.rate}/s for ${o.duration} s to ${o.subscribers} subscribers on ${o.servers} server(s)`);
  const startOffset = offset;
  const production: Production = await produce(insert, o.rate, o.duration);
  let expected = production.produced * o.subscribers;
  let templateOf: Int32Array | null = null;
  if (world) {
    // Who should get each measured event: its template (read back by seq once published) and the oracle.
    const w = world;
    const k0 = (startOffset + 1) % w.templates.length;
    expected = 0;
    for (let k = 0; k < production.produced; k++) for (let i = 0; i < o.subscribers; i++) if (sees(i, (k0 + k) % w.templates.length)) expected++;
    templateOf = new Int32Array(production.produced).map((_, k) => (k0 + k) % w.templates.length);
  }
  const drainEnd = Date.now() + o.drain * 1000;
  while (rec.unique < expected && Date.now() < drainEnd) await sleep(50);
  const window = (Date.now() - t0) / 1000;
  sampling = false;
  await sampler;
  eld.disable();
  const cpu1 = procs.map((p) => cpuSeconds(p.pid));
  const machine1 = machineCpu();
  const redis1 = await redisInfo(redis.url);
  const relay = await relayStats(monitor, base.id);
  let rowRules: { expected: number; lost: number; unexpected: number; templatesMismatched: number } | null = null;
  if (world && templateOf) {
    const stored = await templatesOf(monitor, base.seq, production.produced);
    const mismatched = stored.reduce((n, k, i) => n + (k !== -1 && k !== templateOf![i] ? 1 : 0), 0);
    const byEvent = templateOf;
    rowRules = { ...rec.tally((i, k) => sees(i, byEvent[k]!)), templatesMismatched: mismatched };
  }
  const end = await backlog(monitor);

  const cpu: Record<string, number> = {};
  procs.forEach((p, i) => {
    const a = cpu0[i];
    const b = cpu1[i];
    if (a != null && b != null) cpu[p.name] = (cpu[p.name] ?? 0) + (b - a);
  });
  if (redis0 && redis1) cpu[o.ownRedis ? 'redis' : 'redis (whole server)'] = redis1.cpu - redis0.cpu;
  const result: Result = {
    at: new Date().toISOString(),
    config: { events: o.events, subscribers: o.subscribers, rate: o.rate, duration: o.duration, servers: o.servers, drain: o.drain, startSeq: o.startSeq, ownRedis: o.ownRedis },
    host: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtStart },
    production,
    relay: {
      ...relay,
      backlogAtEnd: end.unsequenced + end.unpublished,
      onRedis: {
        events: resources.tap.unique,
        duplicates: resources.tap.duplicates,
        outOfOrder: resources.tap.outOfOrder,
        outOfRange: resources.tap.outOfRange,
        rate: resources.tap.rate,
        latencyMs: { p50: resources.tap.latency.percentile(50), p99: resources.tap.latency.percentile(99), max: resources.tap.latency.max() },
      },
    },
    deliveries: {
      expected,
      delivered: rec.delivered,
      unique: rec.unique,
      lost: rowRules ? rowRules.lost : expected - rec.unique,
      unexpected: rowRules?.unexpected ?? 0,
      duplicated: rec.duplicates,
      outOfRange: rec.outOfRange,
      errors: rec.errors,
      socketsClosedEarly: resources.subs.closedEarly(),
      ratePerSecond: rec.unique / window,
      coverage: world ? { none: 0, some: 0, sample: [] } : rec.coverage(), // records: `unexpected` and `lost` say it
    },
    latencyMs: { p50: rec.latency.percentile(50), p95: rec.latency.percentile(95), p99: rec.latency.percentile(99), max: rec.latency.max() },
    windowSeconds: window,
    cpuSeconds: cpu,
    machineBusyPercent: machine0 && machine1 ? (100 * (machine1.busy - machine0.busy)) / (machine1.total - machine0.total) : null,
    benchEventLoopDelayP99Ms: Math.max(0, eld.percentile(99) / 1e6 - 10), // the histogram includes the 10 ms sampling interval
    serverRssMaxMb: servers.map((_, i) => Math.max(0, ...samples.map((s) => s.serverRssMb[i] ?? 0))),
    timeline: samples.map((s, i) => ({ ...s, worstLatencyMs: rec.worstPerSecond[i] ?? null, deliveredInSecond: rec.perSecond[i] ?? 0 })),
  };
  await cleanup();
  clearTimeout(deadline);

  report(result, log);
  const dir = path.resolve(__dirname, '../results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `subscriptions-${o.events}-${o.servers}srv-${o.subscribers}sub-${o.rate}eps-${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
  log(`\nwritten to ${path.relative(process.cwd(), file)}`);
  if (profileDir) log(`CPU profiles of the servers: ${path.relative(process.cwd(), profileDir)}`);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the servers\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

main().catch(async (err) => {
  if (interrupted) return; // the signal handler is cleaning up and exits
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  await cleanup();
  process.exit(1);
});
