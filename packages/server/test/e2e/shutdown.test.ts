import dc from 'node:diagnostics_channel';
import net from 'node:net';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { createTestDatabase } from '../db';
import { startServerProcess, stopAllServerProcesses, type Server } from '../server-process';

/**
 * Graceful shutdown of the real start path (`src/main.ts` as its own process, like a deployment runs it): SIGTERM with
 * 200 requests in flight answers all 200; the listener refuses new connections while what it already received is still
 * answered; readiness turns 503 first (during SHUTDOWN_DELAY_MS); WebSocket subscribers get 1001 "Going away" and a
 * graphql-ws client reconnects, here to a second process of the same deployment, and keeps receiving events; a socket
 * that never answers the close handshake does not hold the shutdown past SHUTDOWN_TIMEOUT_MS (which would exit 1).
 */
const IN_FLIGHT = 200;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
// At debug level a process logs "live subscriptions" with the channel each time a subscription starts or ends on it
// (platform/realtime/outbox-stream.ts).
const startServer = (env: Record<string, string> = {}) => startServerProcess(db, { LOG_LEVEL: 'debug', ...env });

async function gql(server: Server, query: string, variables?: Record<string, unknown>, token?: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, connection: res.headers.get('connection'), body: (await res.json()) as { data?: any; errors?: any[] } };
}

/** How a connection attempt ends: 'connected' or the error code (ECONNREFUSED once the listener is closed). */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
  });
}

/** Resolves after fetch has written `count` more request bodies to their sockets. */
function bodiesSent(count: number): Promise<void> {
  return new Promise((resolve) => {
    let sent = 0;
    const onSent = () => {
      if (++sent < count) return;
      dc.unsubscribe('undici:request:bodySent', onSent);
      resolve();
    };
    dc.subscribe('undici:request:bodySent', onSent);
  });
}

const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken errors { code } } }';
const CUSTOMERS = '{ customers(first: 50) { edges { node { id name } } } }';
const CREATE_LEAD = 'mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code } } }';
const sales = { email: 'sales@iswitchroofs.test', password: 'RoofDemo!2026' };
const admin = { email: 'admin@iswitchroofs.test', password: 'RoofDemo!2026' }; // sees every lead, whoever it is assigned to

/** A graphql-ws client (retrying at once) whose every connection attempt goes to `target()`. */
function subscriber(target: () => string, token: string) {
  const closes: number[] = [];
  const leads: string[] = [];
  let connects = 0;
  const waiters: Array<() => void> = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  const client: WsClient = createClient({
    url: target,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 3,
    retryWait: async () => {},
    on: {
      connected: () => {
        connects++;
        notify();
      },
      closed: (event) => {
        closes.push((event as { code: number }).code);
        notify();
      },
    },
  });
  client.subscribe<{ leadCreated: { lead: { id: string } } }>(
    { query: 'subscription { leadCreated { eventId lead { id } } }' },
    {
      next: (r) => {
        leads.push(r.data!.leadCreated.lead.id);
        notify();
      },
      error: () => notify(),
      complete: () => notify(),
    },
  );
  const until = (done: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (done() ? resolve() : waiters.push(check));
      check();
    });
  return {
    client,
    closes,
    connects: () => connects,
    until,
    /** Once `server` has the subscription live (it logged its channel), creates a lead through it and waits for its event. */
    async receivesLeadCreatedOn(server: Server) {
      await server.logged('crm.events.lead'); // only this subscriber listens to leads
      const res = await gql(server, CREATE_LEAD, { i: { contactName: 'Live', contactPhone: '651-555-0101', source: 'STORM_CANVASS' } }, token);
      const id = res.body.data?.createLead.lead?.id as string;
      if (!id) throw new Error(`createLead failed: ${JSON.stringify(res.body)}`);
      await until(() => leads.includes(id));
    },
  };
}

/** A WebSocket that signed in and then stopped reading: it never answers the server's close handshake. */
async function frozenSocket(server: Server, token: string): Promise<WebSocket> {
  const socket = new WebSocket(server.wsUrl, 'graphql-transport-ws');
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await new Promise((resolve) => socket.once('message', resolve)); // connection_ack
  (socket as unknown as { _socket: net.Socket })._socket.pause();
  return socket;
}

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await stopAllServerProcesses();
  await db.drop();
});

it('answers every request in flight at SIGTERM, refuses new connections, and moves subscribers to another process', async () => {
  const a = await startServer();
  const b = await startServer({ SHUTDOWN_DELAY_MS: '4000', SHUTDOWN_TIMEOUT_MS: '60000' });
  const { accessToken: token } = (await gql(a, LOGIN, { i: sales })).body.data.login;
  expect(token).toMatch(/^ey/);

  // A subscriber on A, live (it receives an event).
  let wsTarget = a.wsUrl;
  const sub = subscriber(() => wsTarget, (await gql(a, LOGIN, { i: admin })).body.data.login.accessToken);
  await sub.receivesLeadCreatedOn(a);
  wsTarget = b.wsUrl; // where it reconnects once A goes away
  // And one that will never answer A's close frame: it is cut, it does not hold the shutdown past its timeout.
  const frozen = await frozenSocket(a, token);

  // 200 requests: reads through the database, and sign-ins (password hashing). SIGTERM once all 200 are written.
  const allSent = bodiesSent(IN_FLIGHT);
  let answered = 0;
  const results = Array.from({ length: IN_FLIGHT }, (_, i) =>
    (i % 20 === 0 ? gql(a, LOGIN, { i: sales }) : gql(a, CUSTOMERS, undefined, token))
      .then((r) => ({ i, ...r }))
      .catch((err: Error & { cause?: { code?: string } }) => ({ i, error: err.cause?.code ?? err.message }))
      .finally(() => answered++),
  );
  await allSent;
  const inFlightAtSignal = IN_FLIGHT - answered;
  a.child.kill('SIGTERM');

  await a.logged('stopped accepting connections');
  expect(await tryConnect(a.port)).toBe('ECONNREFUSED');
  const settled = await Promise.all(results);
  const failed = settled.filter((r) => !('status' in r) || r.status !== 200 || !r.body.data || r.body.errors);
  process.stdout.write(`shutdown with ${inFlightAtSignal} of ${IN_FLIGHT} requests in flight at SIGTERM: ${failed.length} failed\n`);
  expect(failed).toEqual([]);
  expect(inFlightAtSignal).toBeGreaterThan(0);
  for (const r of settled as Array<{ i: number; body: { data: any } }>) {
    if (r.i % 20 === 0) expect(r.body.data.login.accessToken).toMatch(/^ey/);
    else expect(r.body.data.customers.edges.length).toBeGreaterThan(0);
  }
  expect(await a.exited).toBe(0);
  expect(a.output()).toContain('"shutdown complete"');
  frozen.terminate();

  // The subscriber was closed with 1001 "Going away", reconnected to B by itself, and receives B's events.
  await sub.until(() => sub.connects() >= 2);
  expect(sub.closes[0]).toBe(1001);
  await sub.receivesLeadCreatedOn(b);

  // B, with SHUTDOWN_DELAY_MS: one request is held in the database (a row lock) across the whole shutdown.
  const customerId = (await gql(b, CUSTOMERS, undefined, token)).body.data.customers.edges[0].node.id as string;
  const pg = new PgClient({ connectionString: db.url });
  await pg.connect();
  try {
    await pg.query('BEGIN');
    await pg.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [Buffer.from(customerId, 'base64url').toString().split(':')[1]]);
    const held = gql(b, 'mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { customer { name } errors { code } } }', {
      i: { id: customerId, name: 'Held Across Shutdown' },
    }, token);
    await waitForLockWaiter(pg, db.name);

    b.child.kill('SIGTERM');
    await b.logged('shutting down');
    // Readiness is down at once, while the listener still serves (load balancers stop sending first).
    const ready = await fetch(`${b.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'unavailable', reason: 'shutting down' });
    expect((await fetch(`${b.url}/healthz`)).status).toBe(200);
    const during = await gql(b, '{ me { name } }', undefined, token);
    expect(during).toMatchObject({ status: 200, connection: 'close', body: { data: { me: { name: expect.any(String) } } } });

    // After the delay: the listener closes and the subscriber gets 1001, while the held request is still running.
    await b.logged('stopped accepting connections');
    expect(await tryConnect(b.port)).toBe('ECONNREFUSED');
    await sub.until(() => sub.closes.length >= 2);
    expect(sub.closes[1]).toBe(1001);
    await sub.client.dispose();
    expect(b.child.exitCode).toBeNull();

    await pg.query('ROLLBACK');
    expect(await held).toMatchObject({
      status: 200,
      connection: 'close',
      body: { data: { updateCustomer: { customer: { name: 'Held Across Shutdown' }, errors: [] } } },
    });
  } finally {
    await pg.end();
  }
  expect(await b.exited).toBe(0);
  expect(b.output()).toContain('"shutdown complete"');
}, 120_000);

/** Until a backend of this database waits on a lock (the held mutation reached its UPDATE). */
async function waitForLockWaiter(pg: PgClient, database: string): Promise<void> {
  for (;;) {
    const { rows } = await pg.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
      [database],
    );
    if (rows[0].n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
