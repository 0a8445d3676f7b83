import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import zlib from 'node:zlib';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { migrations } from '../../src/platform/db/migrations';
import { adminQuery, databaseUrl } from '../db';
import { startServerProcess, stopAllServerProcesses, type Server } from '../server-process';
import { makeWebDist, type WebDist } from '../web-dist';
import { admin, call, gql, LOGIN, login, sales, within, type Answer, type Target } from './edge-client';
import { startNginx, type Nginx } from './nginx';

/**
 * deploy/nginx in front of two server processes of one deployment (production mode, one PostgreSQL database, the
 * Redis at REDIS_URL, one signing key), as issue 16 asks:
 * - both processes start at the same moment on an empty database: both become ready, each migration is applied once,
 *   the demo company is seeded once;
 * - through nginx over HTTPS (its self-signed certificate trusted by the client): HTTP/2, the HTTP->HTTPS redirect,
 *   precompressed assets from disk, the client's real address, host and scheme reaching the server (TRUST_PROXY),
 *   one set of security headers, sign-in, queries and the strict limit on anonymous POSTs (the body limits:
 *   nginx-limits.test.ts);
 * - a subscriber connected through nginx to one process receives a mutation handled by the other;
 * - every scheduled job runs once across the two processes (each job on one process, at most one job per schedule
 *   tick);
 * - SIGTERM to one process while a few hundred requests flow through nginx: none fails; the subscriber reconnects
 *   through nginx to the other process.
 * Requests per second through nginx and straight to a process are printed, never asserted.
 */

const CUSTOMERS = '{ customers(first: 20) { edges { node { id name } } } }';
const CREATE_LEAD = 'mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code } } }';

/** Resolves once `check()` holds, checking again whenever one of the processes prints (jobs log as they complete). */
function whenLogsShow(servers: Server[], check: () => Promise<boolean>): Promise<void> {
  return new Promise((resolve, reject) => {
    let running = false;
    let again = false;
    const listeners = servers.map((s) => {
      const l = () => void run();
      s.child.stdout!.on('data', l);
      return () => s.child.stdout!.off('data', l);
    });
    const run = async (): Promise<void> => {
      if (running) return void (again = true);
      running = true;
      try {
        if (await check()) {
          listeners.forEach((off) => off());
          return resolve();
        }
      } catch (err) {
        listeners.forEach((off) => off());
        return reject(err);
      } finally {
        running = false;
      }
      if (again) {
        again = false;
        void run();
      }
    };
    void run();
  });
}

/**
 * `total` requests, `concurrency` at a time, each made by `request(i)`; a request fails when it throws or its answer is
 * not a 200 with data and no errors. `onAnswered(n)` runs after each answer.
 */
async function load(total: number, concurrency: number, request: (i: number) => Promise<Answer>, onAnswered?: (n: number) => void) {
  const failures: string[] = [];
  let next = 0;
  let answered = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      try {
        const res = await request(i);
        const body = res.status === 200 ? res.json() : null;
        if (!body?.data || body.errors) failures.push(`#${i}: ${res.status} ${res.body.toString().slice(0, 200)}`);
      } catch (err) {
        failures.push(`#${i}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      onAnswered?.(++answered);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { failures, rps: Math.round(total / seconds) };
}

/** A graphql-ws client through nginx (wss, the self-signed certificate trusted), retrying at once when closed. */
function leadSubscriber(url: string, ca: Buffer, token: string) {
  class TrustingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { ca });
    }
  }
  const leads: string[] = [];
  const closes: number[] = [];
  let connects = 0;
  const waiters: Array<() => void> = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  const client: WsClient = createClient({
    url,
    webSocketImpl: TrustingWebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 5,
    retryWait: async () => {},
    on: {
      connected: () => (connects++, notify()),
      closed: (e) => (closes.push((e as { code: number }).code), notify()),
    },
  });
  client.subscribe<{ leadCreated: { lead: { id: string } } }>(
    { query: 'subscription { leadCreated { eventId lead { id } } }' },
    { next: (r) => (leads.push(r.data!.leadCreated.lead.id), notify()), error: notify, complete: notify },
  );
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (done() ? resolve() : waiters.push(check));
      check();
    });
  return { client, leads, closes, connects: () => connects, until };
}

function newLead(name: string) {
  return { i: { contactName: name, contactPhone: '651-555-0101', source: 'STORM_CANVASS' } };
}

/** The JSON log lines of a process with this message. */
function logLines(server: Server, msg: string): Array<Record<string, any>> {
  return server
    .output()
    .split('\n')
    .filter((l) => l.includes(`"msg":"${msg}"`))
    .map((l) => JSON.parse(l.slice(l.indexOf('{'))) as Record<string, any>);
}

const minuteOf = (d: Date) => Math.floor(d.getTime() / 60_000);
const dbNow = async (pg: PgClient) => (await pg.query<{ now: Date }>('SELECT now()')).rows[0]!.now;

let db: { name: string; url: string };
let web: WebDist | undefined;
let nginx: Nginx | undefined;
let pg: PgClient | undefined;
let subscriber: ReturnType<typeof leadSubscriber> | undefined;
const agents: http.Agent[] = [];
const agent = <A extends http.Agent>(a: A): A => (agents.push(a), a);

beforeAll(async () => {
  const name = `${process.env.TEST_TEMPLATE_DATABASE}_nodes_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`); // empty: not cloned from the migrated template
  db = { name, url: databaseUrl(name) };
});

afterAll(async () => {
  // Each step runs whatever failed before it.
  const steps: Array<() => Promise<unknown> | void> = [
    () => subscriber?.client.dispose(),
    () => agents.forEach((a) => a.destroy()),
    () => stopAllServerProcesses(),
    () => nginx?.stop(),
    () => web?.remove(),
    () => pg?.end(),
    () => db && adminQuery(`DROP DATABASE IF EXISTS "${db.name}" WITH (FORCE)`),
  ];
  for (const step of steps) await Promise.resolve(step()).catch((err: unknown) => process.stderr.write(`cleanup: ${String(err)}\n`));
});

it('serves two processes behind nginx: concurrent first start, HTTPS edge, cross-node events, SIGTERM under load, jobs once', async () => {
  const report: string[] = [];
  web = makeWebDist();
  fs.chmodSync(web.dir, 0o755); // nginx's workers (nobody, when the test runs as root) read the assets

  // 1. Both processes start at the same moment over the empty database.
  const env = { TRUST_PROXY: 'loopback', WEB_DIST_DIR: web.dir, LOG_LEVEL: 'debug', JOBS_POLL_SECONDS: '1', SHUTDOWN_TIMEOUT_MS: '30000' };
  const bootStarted = Date.now();
  const [a, b] = await within(60_000, 'both processes ready', Promise.all([startServerProcess(db, env), startServerProcess(db, env)]));
  report.push(`both processes ready ${Date.now() - bootStarted} ms after a simultaneous start on an empty database`);
  pg = new PgClient({ connectionString: db.url });
  await pg.connect();
  const applied = await pg.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id');
  expect(applied.rows.map((r) => r.name)).toEqual(migrations.map((m) => m.name));
  expect([a, b].filter((s) => s.output().includes('"seeded demo company"'))).toHaveLength(1);
  expect((await pg.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [admin.email])).rows[0].n).toBe(1);
  expect([a, b].filter((s) => s.output().includes('"applied migrations"'))).toHaveLength(1);

  // Every schedule due each minute from now on (instead of at 03:00, every 10 minutes, ...), and the cron monitor's
  // last pass forgotten: the next check of either process sends them.
  const scheduled = (await pg.query<{ name: string }>(`UPDATE pgboss.schedule SET cron = '* * * * *' RETURNING name`)).rows.map((r) => r.name);
  expect(scheduled.length).toBeGreaterThanOrEqual(5);
  await pg.query('UPDATE pgboss.version SET cron_on = NULL');
  const schedulesDueAt = await dbNow(pg);

  // 2. nginx in front of both.
  nginx = await startNginx({ upstreams: [a.port, b.port], webRoot: web.dir, apiRate: '2000r/s', apiBurst: 4000, loginRate: '6r/m', loginBurst: 3 });
  const edge: Target = { name: 'nginx', url: `https://127.0.0.1:${nginx.httpsPort}`, agent: agent(new https.Agent({ keepAlive: true, maxSockets: 32, ca: nginx.ca })) };
  const direct = (s: Server): Target => ({ name: `:${s.port}`, url: s.url, agent: agent(new http.Agent({ keepAlive: true, maxSockets: 32 })) });

  // HTTP is redirected to HTTPS, method and path kept.
  const plain = await call({ name: 'http', url: `http://127.0.0.1:${nginx.httpPort}`, agent: agent(new http.Agent()) }, '/customers?view=all');
  expect(plain.status).toBe(308);
  expect(plain.headers.location).toBe(`https://127.0.0.1:${nginx.httpsPort}/customers?view=all`);

  // HTTP/2: an asset precompressed from disk, a page and the health check from the processes.
  const h2 = http2.connect(edge.url, { ca: nginx.ca });
  try {
    await new Promise<void>((resolve, reject) => h2.once('connect', () => resolve()).once('error', reject));
    expect(h2.alpnProtocol).toBe('h2');
    const h2get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ headers: http2.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const s = h2.request({ ':path': path, ...headers });
        const chunks: Buffer[] = [];
        let head: http2.IncomingHttpHeaders = {};
        s.on('response', (h) => (head = h));
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => resolve({ headers: head, body: Buffer.concat(chunks) }));
        s.on('error', reject);
      });
    const asset = await h2get(web.script.path, { 'accept-encoding': 'gzip' });
    expect(asset.headers).toMatchObject({ ':status': 200, 'content-encoding': 'gzip', vary: 'Accept-Encoding', 'x-content-type-options': 'nosniff' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.gunzipSync(asset.body).equals(web.script.bytes)).toBe(true);
    expect(asset.headers['content-security-policy']).toBeUndefined();
    // Not on nginx's disk: the processes answer (their own copy, or 404), never cached for good.
    const missing = await h2get('/assets/missing-Qq1.js');
    expect(missing.headers[':status']).toBe(404);
    expect(String(missing.headers['cache-control'] ?? '')).not.toContain('immutable');

    // A page from a process: one set of security headers (the server's), and the connect-src it builds from the
    // forwarded scheme and host (wss://host:port) proves X-Forwarded-Proto/-Host arrive and are trusted.
    const page = await h2get('/customers', { accept: 'text/html' });
    expect(page.headers[':status']).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp.match(/default-src/g)).toHaveLength(1);
    expect(csp).toContain(`connect-src 'self' wss://127.0.0.1:${nginx.httpsPort}`);
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await h2get('/healthz')).headers[':status']).toBe(200);
    expect((await h2get('/metrics')).headers[':status']).toBe(404);
  } finally {
    h2.close();
  }

  // Sign-in through nginx from 127.0.0.2, claiming another address: the session records the real one.
  const salesToken = await login(edge, sales, '127.0.0.2');
  const sessions = await pg.query<{ ip: string }>(`SELECT s.ip FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = $1`, [sales.email]);
  expect(sessions.rows.map((r) => r.ip)).toEqual(['127.0.0.2']);
  const spoofed = await gql(edge, LOGIN, { i: { email: 'nobody@example.test', password: 'wrong' } }, undefined, {
    localAddress: '127.0.0.2',
    headers: { 'x-forwarded-for': '203.0.113.9' },
  });
  expect(spoofed.json().data.login.errors[0].code).toBe('INVALID_CREDENTIALS');
  expect((await pg.query(`SELECT ip FROM login_failures WHERE email = 'nobody@example.test'`)).rows).toEqual([{ ip: '127.0.0.2' }]);
  const customers = await gql(edge, CUSTOMERS, undefined, salesToken);
  expect(customers.json().data.customers.edges.length).toBeGreaterThan(0);

  // The strict zone: anonymous POSTs (sign-in) from one address beyond the burst get nginx's 429 in the API's shape;
  // signed-in requests from the same address are not held back by it.
  const attempts = [];
  for (let i = 0; i < 8; i++) attempts.push(await gql(edge, LOGIN, { i: { email: 'nobody@example.test', password: `guess-${i}` } }, undefined, { localAddress: '127.0.0.3' }));
  const limited = attempts.filter((r) => r.status === 429);
  expect(limited.length).toBeGreaterThan(0);
  expect(limited[0]!.headers['content-type']).toContain('application/json');
  expect(limited[0]!.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'RATE_LIMITED' } }] });
  expect((await gql(edge, CUSTOMERS, undefined, salesToken, { localAddress: '127.0.0.3' })).status).toBe(200);
  report.push(`anonymous POSTs from one address: ${attempts.length - limited.length} passed, ${limited.length} refused (429) by the login zone`);

  // 3. A subscriber through nginx lands on one process; a mutation handled by the other reaches it.
  const adminToken = await login(edge, admin);
  subscriber = leadSubscriber(`wss://127.0.0.1:${nginx.httpsPort}/graphql`, nginx.ca, adminToken);
  const [home, other] = await within(
    15_000,
    'the subscription live on a process',
    Promise.race([a.logged('crm.events.lead').then((): [Server, Server] => [a, b]), b.logged('crm.events.lead').then((): [Server, Server] => [b, a])]),
  );
  const crossing = (await gql(direct(other), CREATE_LEAD, newLead('Across Nodes'), adminToken)).json().data.createLead.lead.id as string;
  await within(10_000, 'the event from the other process', subscriber.until(() => subscriber!.leads.includes(crossing)));
  report.push(`subscriber on :${home.port} (through nginx) received a lead created on :${other.port}`);

  // 4. While both processes run, every scheduled job (due each minute since `schedulesDueAt`) runs: each job on one
  // process, once, and at most one job per schedule and minute (plus one queued just before), however many processes.
  const jobsSince = () =>
    pg!.query<{ id: string; name: string; state: string }>(
      `SELECT id, name, state FROM pgboss.job WHERE name = ANY($1) AND created_on >= $2
       UNION ALL SELECT id, name, state FROM pgboss.archive WHERE name = ANY($1) AND created_on >= $2`,
      [scheduled, schedulesDueAt],
    );
  // How long that may take is pg-boss's cron: a schedule sent in the minute before (one due every minute at boot)
  // holds its send for that minute (singleton per name and minute), so the next is sent in the next minute, at the
  // first cron pass (every 30 s) after it: up to ~100 s. The deadline names what has not run yet.
  let waiting: string[] = scheduled;
  await within(
    150_000,
    'every scheduled job to run',
    whenLogsShow([a, b], async () => {
      const done = new Set((await jobsSince()).rows.filter((j) => j.state === 'completed').map((j) => j.name));
      waiting = scheduled.filter((n) => !done.has(n));
      return waiting.length === 0;
    }),
  ).catch((err: Error) => {
    throw new Error(`${err.message}; not run yet: ${waiting.join(', ')}`);
  });
  const jobs = (await jobsSince()).rows;
  const finishedAt = await dbNow(pg);
  const minutes = minuteOf(finishedAt) - minuteOf(schedulesDueAt) + 1;
  for (const name of scheduled) expect(jobs.filter((j) => j.name === name).length).toBeLessThanOrEqual(minutes + 1);
  const runs = [a, b].map((s) => logLines(s, 'job completed').map((l) => l.jobId as string));
  const ranOn = (id: string) => runs.reduce((n, ids) => n + ids.filter((x) => x === id).length, 0);
  const completed = jobs.filter((j) => j.state === 'completed');
  for (const job of completed) expect({ job: job.name, runs: ranOn(job.id) }).toEqual({ job: job.name, runs: 1 });
  const audited = await pg.query(
    `SELECT entity_id, count(*)::int AS n FROM audit_log WHERE entity_type = 'Job' AND action = 'RUN' GROUP BY entity_id HAVING count(*) > 1`,
  );
  expect(audited.rows).toEqual([]);
  const byNode = [a, b].map((s, i) => `:${s.port} ${completed.filter((j) => runs[i]!.includes(j.id)).length}`).join(', ');
  report.push(`${scheduled.length} schedules due every minute: ${completed.length} jobs over ${minutes} minute(s), each run once (${byNode})`);

  // 5. Requests per second (the scheduled jobs done): straight to one process, and through nginx (HTTPS, both).
  const perSecond = async (target: Target) => (await load(300, 16, () => gql(target, CUSTOMERS, undefined, salesToken))).rps;
  const directRps = await perSecond(direct(other));
  const edgeRps = await perSecond(edge);
  report.push(`customers(first: 20), 300 requests, 16 at a time: ${directRps} req/s straight to one process, ${edgeRps} req/s through nginx (TLS, two processes)`);

  // 6. SIGTERM to the subscriber's process while 400 requests flow through nginx (every 25th a mutation).
  const TOTAL = 400;
  let signalledAt = -1;
  const stopping = load(
    TOTAL,
    16,
    (i) => (i % 25 === 0 ? gql(edge, CREATE_LEAD, newLead(`Load ${i}`), salesToken) : gql(edge, CUSTOMERS, undefined, salesToken)),
    (n) => {
      if (n === 100) {
        signalledAt = n;
        home.child.kill('SIGTERM');
      }
    },
  );
  const { failures } = await within(60_000, 'the load through nginx', stopping);
  expect(signalledAt).toBe(100);
  expect(await within(30_000, 'the signalled process to exit', home.exited)).toBe(0);
  expect(home.output()).toContain('"shutdown complete"');
  const afterSignal = nginx
    .accessLog()
    .split('\n')
    .filter((l) => l.includes('POST /graphql') && / upstream=\S+, /.test(l)).length;
  report.push(`SIGTERM to :${home.port} after 100 of ${TOTAL} requests through nginx: ${failures.length} failed; nginx retried ${afterSignal} on the other process`);
  if (failures.length) process.stderr.write(`nginx errors:\n${nginx.output().split('\n').filter((l) => /\[(error|warn)\]/.test(l)).join('\n')}\n`);
  expect(failures).toEqual([]);

  // The subscriber was sent away (1001) and reconnected through nginx, now to the remaining process.
  await within(10_000, 'the subscriber to reconnect', subscriber.until(() => subscriber!.connects() >= 2)).catch((err: Error) => {
    const upgrades = nginx!.accessLog().split('\n').filter((l) => l.includes('GET /graphql'));
    throw new Error(`${err.message}: closes ${JSON.stringify(subscriber!.closes)}, connects ${subscriber!.connects()}\n${upgrades.join('\n')}`);
  });
  expect(subscriber.closes[0]).toBe(1001);
  const afterMove = (await gql(edge, CREATE_LEAD, newLead('After The Move'), adminToken)).json().data.createLead.lead.id as string;
  await within(10_000, 'an event after the reconnect', subscriber.until(() => subscriber!.leads.includes(afterMove)));

  process.stdout.write(`two nodes behind nginx:\n  ${report.join('\n  ')}\n`);
}, 240_000);
