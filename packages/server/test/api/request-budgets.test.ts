import { Client } from 'pg';
import { createLogger } from '../../src/platform/logger';
import { seedDemo } from '../../src/seed/demo';
import { toGlobalId } from '../../src/platform/graphql/global-id';
import { createTestDatabase } from '../db';
import { login, type Session } from '../factories';
import { startServerProcess, stopAllServerProcesses, type Server } from '../server-process';
import { startTestApp, useTestApp, subscribed, type TestApp } from '../harness';

/**
 * What an accepted request may spend: the heaviest queries the cost limit lets through finish inside the default
 * budgets on the demo company without starving `/healthz`; a request past its time or response-size budget stops
 * with one QUERY_TOO_COMPLEX error (`limit: time | responseSize`), over HTTP and per WebSocket delivery.
 */
const { t } = useTestApp(); // default budgets: cost 100,000, 10 s, 5 MB
let admin: Session;

beforeAll(async () => {
  await seedDemo(t.ds, createLogger('silent'));
  admin = (await login(t, 'admin@iswitchroofs.test', 'RoofDemo!2026')) as unknown as Session;
}, 120_000);

const WIDE = 'id type direction subject notes outcome occurredAt';
/** Near the cost limit, each in its own way: deep lists, wide pages, every nested list of a customer. */
const HEAVIEST: Record<string, string> = {
  'interactions × their customer × 100 interactions': `{ interactions(first: 100) { edges { node { ${WIDE} customer { name interactions(first: 100) { ${WIDE} } } } } } }`,
  'customers × every nested list': `{ customers(first: 25) { edges { node { name phone leads { contactName score status } projects { name status team { name } appointments { title startsAt } } appointments { title startsAt } interactions(first: 30) { ${WIDE} user { name } } } } } }`,
  'leads × customer × projects × crew': `{ leads(first: 60) { edges { node { contactName score scoreFactors { factor points } customer { name projects { name team { name email } } } } } } }`,
  'teams × members × their team': `{ teams { name members { name email role team { name manager { name } } } territories { zipPrefix user { name } } } }`,
};

describe('the heaviest accepted queries on the demo company', () => {
  it.each(Object.keys(HEAVIEST))('%s: accepted, inside the time and size budgets', async (name) => {
    const started = Date.now();
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
      body: JSON.stringify({ query: HEAVIEST[name] }),
    });
    const text = await res.text();
    const ms = Date.now() - started;
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
    // Past 1 s or 5 MB the server itself would have answered QUERY_TOO_COMPLEX instead of the data.
    expect(body.errors).toBeUndefined();
    expect(body.data).toBeTruthy();
    expect(text.length).toBeLessThan(5_000_000);
    console.log(`${name}: ${ms} ms, ${(text.length / 1024).toFixed(0)} KiB`);
  });

});

describe('a production server process under ten heaviest queries at once', () => {
  // Its own process (as deployed, production mode): what /healthz waits for is the server's work alone.
  let server: Server;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServerProcess(db, { JOBS_WORKERS: 'false' });
  }, 60_000);
  afterAll(async () => {
    await stopAllServerProcesses();
    await db.drop();
  });

  it('keeps /healthz answering at once, and answers all ten within their budgets', async () => {
    const signIn = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { login(input: { email: "admin@iswitchroofs.test", password: "RoofDemo!2026" }) { accessToken } }' }),
    });
    const token = ((await signIn.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    const heavy = () =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: HEAVIEST['interactions × their customer × 100 interactions'] }),
        // Read as text and parsed after the probes: parsing ten 350 KiB answers here would delay the probes' own
        // timing in this process, which is not the server's latency.
      }).then((r) => r.text());
    await heavy(); // warm
    let running = true;
    const load = Promise.all(Array.from({ length: 10 }, heavy)).finally(() => (running = false));
    const latencies: number[] = [];
    while (running) {
      const started = performance.now();
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      latencies.push(Math.round(performance.now() - started));
      await new Promise((r) => setTimeout(r, 10));
    }
    for (const text of await load) {
      const r = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
      expect(r.errors).toBeUndefined();
      expect(r.data).toBeTruthy();
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(`/healthz during 10 parallel heaviest queries: ${latencies.length} probes, median ${sorted[sorted.length >> 1]} ms, worst ${sorted.at(-1)} ms`);
    expect(latencies.length).toBeGreaterThan(0);
    // Heavy operations take turns (heavy-lane.ts); /healthz waits at most for one synchronous stretch of one of them.
    // Target 100 ms (measured alone: worst 43 ms). Bounds, not speed: the typical probe (the median) within 250 ms and
    // none past two seconds. Single probes are not bounded tighter: on the 2-vCPU CI machine, shared with browsers and
    // other test files, one probe of seven took 593 ms (median 50) while another process held the CPU.
    expect(sorted[sorted.length >> 1]!).toBeLessThan(250);
    expect(sorted.at(-1)!).toBeLessThan(2_000);
  });
});

describe('budgets', () => {
  let small: TestApp;
  let s: Session;
  beforeAll(async () => {
    small = await startTestApp({ GRAPHQL_TIMEOUT_MS: '300', GRAPHQL_MAX_RESPONSE_BYTES: '20000' }, { shareDatabaseOf: t });
    s = (await login(small, 'admin@iswitchroofs.test', 'RoofDemo!2026')) as unknown as Session;
  });
  afterAll(() => small.close());

  it('stops a query past its time budget with one coded error, and lets a blocked mutation finish', async () => {
    const locker = new Client({ connectionString: t.databaseUrl });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE customers IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const r = await small.gql('{ customers(first: 5) { edges { node { name } } } }', {}, s.accessToken);
      const ms = Date.now() - started;
      expect(r.body.data ?? null).toBeNull();
      expect(r.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'time' } })]);
      expect(ms).toBeGreaterThanOrEqual(290);
      expect(ms).toBeLessThan(3_000);
      expect((await fetch(`${small.url}/healthz`)).status).toBe(200);
      // A mutation is never cut short once it runs: it waits for the lock and commits.
      const mutation = small.gql(
        'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } errors { code } } }',
        { input: { name: 'Budget Blocked', phone: '612-555-0199' } },
        s.accessToken,
      );
      await new Promise((r) => setTimeout(r, 500)); // past the 300 ms budget while blocked
      await locker.query('COMMIT');
      const m = await mutation;
      expect(m.body.errors).toBeUndefined();
      expect(m.body.data.createCustomer.customer.id).toBeTruthy();
    } finally {
      await locker.end();
    }
  });

  it('stops a response past its size budget with one coded error', async () => {
    const r = await small.gql(`{ interactions(first: 100) { edges { node { ${WIDE} } } } }`, {}, s.accessToken);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'responseSize' } })]);
    const ok = await small.gql('{ interactions(first: 5) { edges { node { id subject } } } }', {}, s.accessToken);
    expect(ok.body.errors).toBeUndefined();
  });

  it('bounds each WebSocket delivery on its own', async () => {
    const client = small.wsClient(s.accessToken);
    const heavy = await subscribed(small, client, `subscription { leadCreated { lead { customer { interactions(first: 100) { ${WIDE} customer { interactions(first: 100) { ${WIDE} } } } } } } }`);
    const light = await subscribed(small, client, 'subscription { leadCreated { lead { id } } }');
    const customers = await t.ds.query(`SELECT c.id FROM customers c JOIN interactions i ON i.customer_id = c.id GROUP BY c.id ORDER BY count(*) DESC LIMIT 1`);
    const r = await small.gql(
      'mutation($input: CreateLeadInput!) { createLead(input: $input) { lead { id } errors { field code } } }',
      { input: { customerId: toGlobalId('Customer', customers[0].id), source: 'DOOR_KNOCK', projectType: 'REPAIR' } },
      s.accessToken,
    );
    expect(r.body.data.createLead.errors).toEqual([]);
    await Promise.all([heavy.waitFor(1, 10_000), light.waitFor(1, 10_000)]);
    expect(heavy.results[0]).toEqual({ data: null, errors: [expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'responseSize' } })] });
    expect(light.results[0]?.errors).toBeUndefined();
    expect(light.results[0]?.data.leadCreated.lead.id).toBeTruthy();
  });
});

describe('introspection for signed-in callers only (the production default)', () => {
  let prod: TestApp;
  beforeAll(async () => {
    // Production mode (keys come from the harness; the configured PEM is never read by the test server).
    prod = await startTestApp({ NODE_ENV: 'production', JWT_PRIVATE_KEY: 'unused', JWT_KEY_ID: 'test', MESSAGE_CHANNELS: 'none' }, { shareDatabaseOf: t });
  });
  afterAll(() => prod.close());

  it('refuses anonymous introspection with UNAUTHENTICATED and serves it to a signed-in caller', async () => {
    expect(prod.config.graphql.introspection).toBe('signed-in');
    for (const q of ['{ __schema { queryType { name } } }', '{ __type(name: "User") { name } }']) {
      const anon = await prod.gql(q);
      expect(anon.status).toBe(401);
      expect(anon.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'UNAUTHENTICATED' } })]);
    }
    const s = await login(prod, 'admin@iswitchroofs.test', 'RoofDemo!2026');
    const r = await prod.gql('{ __schema { queryType { name } } }', {}, s.accessToken!);
    expect(r.body.data.__schema.queryType.name).toBe('Query');
    expect((await prod.gql('{ __typename }')).body.data.__typename).toBe('Query');
  });

  it('answers body errors as coded JSON without stacks or paths in production', async () => {
    for (const [body, status] of [['{"query": ', 400], [`{"query": "{ __typename }", "x": "${'y'.repeat(1_100_000)}"}`, 413]] as const) {
      const res = await fetch(`${prod.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status).toBe(status);
      const text = await res.text();
      expect(text).not.toMatch(/<html|<pre|node_modules|\.js:\d+|stack/i);
      expect(JSON.parse(text).errors[0].extensions.code).toBe(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
    }
  });
});
