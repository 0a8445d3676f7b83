/**
 * Capacity of one server process over a scaled database: the base of the scaling plan in docs/operations.md.
 *
 * One real server (`node --import tsx src/main.ts`, production mode, job workers on as on a deployment's first node,
 * the response cache on, a private Redis), signed in as the demo company's admin and manager. For each workload and
 * round, autocannon for --duration seconds at --concurrency connections; the table shows medians over the rounds and
 * the range. A response is a failure when it is not 2xx or carries GraphQL `errors`.
 *
 *   cd bench
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_scale npx tsx capacity/run.ts \
 *     [--rounds 3] [--duration 10] [--concurrency 10] [--workloads keyset,list,dashboard,lead-create,login,mix] \
 *     [--cold-dashboard] [--no-vacuum] [--server-dir DIR]
 *
 * Workloads: `keyset` interactions(first: 20, after:) half-way down (at most 500,000 rows deep); `list` customers the
 * same; `dashboard` every widget over 12 months as the admin (the company), the cache as in production (it expires
 * after its TTL and whenever a write changes what it shows); `lead-create` createLead as the manager (a new contact
 * each time: scoring, assignment, a notification, the dashboard aggregates, outbox and audit rows); `login` (argon2);
 * `mix` each connection cycling through keyset, list, dashboard, a first page of customers and a lead create (one
 * write in five requests). `--cold-dashboard` also measures the dashboard on a second server with CACHE_DISABLED=true.
 *
 * `--server-dir`: the packages/server directory to run (default this checkout's), e.g. a `git archive` of a commit with
 * a symlink to this checkout's node_modules, so that others' unfinished changes in the working tree are not measured.
 *
 * It writes to the database: leads (with their notifications, audit and outbox rows) and sessions, and VACUUM ANALYZE
 * first (a fresh seed has no planner statistics; `--no-vacuum` skips it). Never point it at real data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { machineCpu, SERVER_DIR, SERVER_ENV, sharedJwtKey, startHttpProcess, startRedis, stopAll } from '../subscriptions/processes';
import { prepare, workloads as graphqlWorkloads } from '../graphql/workloads';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    duration: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '10' },
    workloads: { type: 'string', default: 'keyset,list,dashboard,lead-create,login,mix' },
    'cold-dashboard': { type: 'boolean', default: false },
    'no-vacuum': { type: 'boolean', default: false },
    'server-dir': { type: 'string', default: SERVER_DIR },
  },
});
const ROUNDS = Number(values.rounds);
const DURATION = Number(values.duration);
const CONCURRENCY = Number(values.concurrency);
const SELECTED = values.workloads!.split(',');
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) throw new Error('set DATABASE_URL to a scaled bench database (see bench/README.md)');

const ADMIN = { email: 'admin@iswitchroofs.test', password: 'RoofDemo!2026' };
const MANAGER = { email: 'manager@iswitchroofs.test', password: 'RoofDemo!2026' };
const SALES = { email: 'sales@iswitchroofs.test', password: 'RoofDemo!2026' };
const LOGIN = 'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }';
const CREATE_LEAD = `mutation CreateLead($i: CreateLeadInput!) {
  createLead(input: $i) { lead { id score status assignee { id } } errors { field code message } }
}`;
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Request {
  body: string;
  headers: Record<string, string>;
  /** A new body for every request (unique lead contacts). */
  vary?: (n: number) => string;
}
interface Sample {
  reqPerSec: number;
  p50: number;
  p99: number;
  failures: number;
  load: [number, number];
  busy: number | null;
}

async function signIn(url: string, who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { input: who } }),
  });
  const json = (await res.json()) as { data?: { login?: { accessToken?: string } } };
  const token = json.data?.login?.accessToken;
  if (!token) throw new Error(`login as ${who.email} failed: ${JSON.stringify(json)}`);
  return token;
}

const loadavg = () => Number(fs.readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

async function load(url: string, requests: Request[], connections: number, seconds: number): Promise<Sample> {
  let failures = 0;
  let n = 0;
  const cpu0 = machineCpu();
  const load0 = loadavg();
  const r = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    connections,
    duration: seconds,
    requests: requests.map((q) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...q.headers },
      body: q.body,
      ...(q.vary && { setupRequest: (req: object) => ({ ...req, body: q.vary!(n++) }) }),
      onResponse: (status: number, body: string) => {
        if (status !== 200 || body.startsWith('{"errors"') || body.includes('"errors":[{')) failures++;
      },
    })) as never,
  });
  const cpu1 = machineCpu();
  const busy = cpu0 && cpu1 ? (cpu1.busy - cpu0.busy) / (cpu1.total - cpu0.total) : null;
  return {
    reqPerSec: (r['2xx'] + r.non2xx) / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: failures + r.errors + r.timeouts,
    load: [load0, loadavg()],
    busy,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x >= 10 ? x.toFixed(0) : x.toFixed(1));
const range = (xs: number[]) => (xs.length > 1 ? `${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}` : fmt(xs[0]!));

async function main(): Promise<void> {
  const db = new Client({ connectionString: DATABASE_URL });
  await db.connect();
  if (!values['no-vacuum']) {
    log('VACUUM ANALYZE (a fresh seed has no planner statistics and an unset visibility map)…');
    await db.query('VACUUM ANALYZE');
  }
  const sizes = (
    await db.query(`SELECT (SELECT count(*) FROM customers)::int AS customers, (SELECT count(*) FROM leads)::int AS leads,
      (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM appointments)::int AS appointments,
      (SELECT count(*) FROM interactions)::int AS interactions, pg_size_pretty(pg_database_size(current_database())) AS size`)
  ).rows[0];
  const prepared = await prepare(db);
  await db.end();
  log(`database: ${JSON.stringify(sizes)}`);

  const ops = graphqlWorkloads(prepared);
  const op = (name: string) => ops.find((w) => w.name === name)!.ours.operation;
  const redisUrl = await startRedis();
  const env = {
    DATABASE_URL: DATABASE_URL!,
    REDIS_URL: redisUrl,
    ...sharedJwtKey(),
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    JOBS_WORKERS: 'true',
    LOG_LEVEL: 'warn',
  };
  // As `pnpm start` and the Docker image run it (a 32 MB young generation), through tsx from the sources.
  const start = (name: string, extra: Record<string, string>) =>
    startHttpProcess(name, {
      cwd: values['server-dir']!,
      args: ['--max-semi-space-size=32', '--import', 'tsx', 'src/main.ts'],
      env: { ...SERVER_ENV, ...env, ...extra },
    });
  const servers: Array<{ label: string; server: { url: string }; only?: string[] }> = [];
  try {
    servers.push({ label: 'cache on', server: await start('capacity', { CACHE_PREFIX: 'capacity' }) });
    if (values['cold-dashboard']) {
      servers.push({
        label: 'cache off',
        server: await start('capacity-cold', { CACHE_PREFIX: 'capacity-cold', JOBS_WORKERS: 'false', CACHE_DISABLED: 'true' }),
        only: ['dashboard'],
      });
    }
    const results: Array<{ workload: string; server: string; samples: Sample[] }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const { label, server, only } of servers) {
        const url = server.url;
        const admin = { authorization: `Bearer ${await signIn(url, ADMIN)}` };
        const manager = { authorization: `Bearer ${await signIn(url, MANAGER)}` };
        const body = (o: { query: string; variables?: Record<string, unknown> }) => JSON.stringify(o);
        const leadBody = (n: number) =>
          body({
            query: CREATE_LEAD,
            variables: {
              i: {
                contactName: `Capacity Homeowner ${round}-${n}`,
                contactPhone: `612-555-${String(n % 10_000).padStart(4, '0')}`,
                contactEmail: `capacity-${Date.now().toString(36)}-${n}@example.com`,
                source: 'WEBSITE',
                projectType: 'FULL_REPLACEMENT',
                estimatedValue: '14500.00',
                propertyAddress: { street: `${n} Capacity Ave`, city: 'Minneapolis', state: 'MN', zip: '55401' },
              },
            },
          });
        const lead: Request = { body: leadBody(0), headers: manager, vary: leadBody };
        const workloads: Record<string, Request[]> = {
          keyset: [{ body: body(op('keyset')), headers: admin }],
          list: [{ body: body(op('customers-deep')), headers: admin }],
          dashboard: [{ body: body(op('dashboard')), headers: admin }],
          'lead-create': [lead],
          login: [{ body: body({ query: LOGIN, variables: { input: SALES } }), headers: {} }],
          mix: [
            { body: body(op('keyset')), headers: admin },
            { body: body(op('customers-deep')), headers: admin },
            { body: body(op('dashboard')), headers: admin },
            { body: body(op('simple')), headers: manager },
            lead,
          ],
        };
        for (const name of SELECTED) {
          if (only && !only.includes(name)) continue;
          if (!workloads[name]) throw new Error(`unknown workload ${name}`);
          if (round === 0) await load(url, workloads[name]!, CONCURRENCY, 3); // warm-up
          const s = await load(url, workloads[name]!, CONCURRENCY, DURATION);
          let entry = results.find((e) => e.workload === name && e.server === label);
          if (!entry) results.push((entry = { workload: name, server: label, samples: [] }));
          entry.samples.push(s);
          log(
            `round ${round + 1}/${ROUNDS} ${name.padEnd(12)} ${label.padEnd(9)} ${s.reqPerSec.toFixed(1).padStart(7)} req/s  p50 ${s.p50} ms  p99 ${s.p99} ms` +
              `  load ${s.load[0].toFixed(1)}→${s.load[1].toFixed(1)}  machine ${s.busy === null ? '?' : Math.round(s.busy * 100)} % busy` +
              (s.failures ? `  FAILURES ${s.failures}` : ''),
          );
        }
      }
    }
    const lines = [
      `Database: ${sizes.customers.toLocaleString('en-US')} customers, ${sizes.leads.toLocaleString('en-US')} leads, ` +
        `${sizes.projects.toLocaleString('en-US')} projects, ${sizes.appointments.toLocaleString('en-US')} appointments, ` +
        `${sizes.interactions.toLocaleString('en-US')} interactions (${sizes.size}); keyset ${prepared.keysetDepth.toLocaleString('en-US')} ` +
        `rows deep, list ${prepared.customersDepth.toLocaleString('en-US')}. ${ROUNDS} rounds × ${DURATION} s at ${CONCURRENCY} connections.`,
      '',
      '| workload | server | req/s median (range) | p50 ms median | p99 ms median (range) | failed | load average | machine busy |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...results.map(({ workload, server, samples }) => {
        const busy = samples.map((s) => s.busy).filter((b): b is number => b !== null);
        return (
          `| ${workload} | ${server} | ${fmt(median(samples.map((s) => s.reqPerSec)))} (${range(samples.map((s) => s.reqPerSec))}) | ` +
          `${fmt(median(samples.map((s) => s.p50)))} | ${fmt(median(samples.map((s) => s.p99)))} (${range(samples.map((s) => s.p99))}) | ` +
          `${samples.reduce((a, s) => a + s.failures, 0)} | ${range(samples.flatMap((s) => s.load))} | ` +
          `${busy.length ? `${range(busy.map((b) => b * 100))} %` : '?'} |`
        );
      }),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    const out = path.resolve(__dirname, '../results');
    fs.mkdirSync(out, { recursive: true });
    const file = path.join(out, `capacity-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify({ sizes, prepared: { keysetDepth: prepared.keysetDepth, customersDepth: prepared.customersDepth }, results }, null, 2));
    log(`results: ${file}`);
  } finally {
    await stopAll();
  }
}

main().catch(async (err) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  await stopAll().catch(() => undefined);
  process.exit(1);
});
