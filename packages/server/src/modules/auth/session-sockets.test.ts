import WebSocket from 'ws';
import { toGlobalId } from '../../platform/graphql/global-id';
import { createUser, login, PASSWORD, signedIn, type Session } from '../../../test/factories';
import { nextSubscription, outboxPublished, startTestApp, type TestApp } from '../../../test/harness';
import { RedisProcess } from '../../../test/redis-server';

/**
 * A session that ends (logout, password change, deactivation, refresh-token reuse) closes its WebSockets with 4403
 * within 1 s on every server process: A handles the mutations, the sockets live on B (and on A). Real sockets speaking
 * graphql-transport-ws by hand, so the close code and every frame received are visible.
 */
let redis: RedisProcess | null = null;
let a: TestApp;
let b: TestApp;
let admin: Session; // creates the leads that prove a socket is (still) live
const latencies: Array<{ cause: string; ms: number }> = [];

beforeAll(async () => {
  if (!process.env.REDIS_URL) redis = await RedisProcess.start(); // two processes talk through Redis
  const env: Record<string, string> = redis ? { REDIS_URL: redis.url } : {};
  a = await startTestApp(env);
  b = await startTestApp(env, { shareDatabaseOf: a });
  admin = await signedIn(a, 'ADMIN');
}, 30_000);
afterAll(async () => {
  process.stdout.write(`session socket close latency after the mutation's response: ${latencies.map((l) => `${l.cause} ${l.ms} ms`).join(', ')}\n`);
  await b?.close();
  await a?.close();
  await redis?.down();
});

const CREATE_LEAD = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code } } }`;
/** Creates a lead through the API (so its event goes through the outbox) on `app`, as `as`. */
const createLead = async (name: string, app = a, as = admin) => {
  const r = await app.gql(CREATE_LEAD, { i: { contactName: name, contactPhone: '612-555-0177', source: 'WEBSITE' } }, as.accessToken);
  return r.body.data.createLead.lead.id as string;
};

/** A graphql-transport-ws connection with one `leadCreated` subscription, recording the lead ids it receives. */
class LeadSocket {
  readonly leads: string[] = [];
  readonly closed: Promise<{ code: number; reason: string; at: number }>;
  private waiters: Array<() => void> = [];

  private constructor(private readonly ws: WebSocket) {
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: String(reason), at: performance.now() })));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw));
      if (msg.type === 'next') this.leads.push(msg.payload.data.leadCreated.lead.id);
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  /** Connects with `token` to `app` and subscribes; resolves once the server has the subscription live. */
  static async open(app: TestApp, token: string): Promise<LeadSocket> {
    const ws = new WebSocket(app.wsUrl, 'graphql-transport-ws');
    const s = new LeadSocket(ws);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const acked = new Promise<void>((resolve, reject) => {
      ws.on('message', (raw) => JSON.parse(String(raw)).type === 'connection_ack' && resolve());
      ws.once('close', (code) => reject(new Error(`closed ${code} before connection_ack`)));
    });
    ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
    await acked;
    const live = nextSubscription(app);
    ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { leadCreated { lead { id } } }' } }));
    await Promise.race([live, s.closed.then(({ code }) => Promise.reject(new Error(`closed ${code} while subscribing`)))]);
    return s;
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Whether lead `id` arrives within `ms` (false if the socket closes first). */
  async received(id: string, ms = 5_000): Promise<boolean> {
    const deadline = performance.now() + ms;
    while (!this.leads.includes(id)) {
      const left = deadline - performance.now();
      if (left <= 0 || this.ws.readyState !== WebSocket.OPEN) return this.leads.includes(id);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
        void this.closed.then(() => resolve());
      });
    }
    return true;
  }

  close(): void {
    this.ws.close();
  }
}

/**
 * Runs `mutation`, then expects every socket of `ended` to close with 4403 within 1 s of the response, and records
 * the latency. Then creates a lead: none of the closed sockets gets it, every socket of `kept` does and stays open.
 */
async function expectSessionsEnded(
  cause: string,
  mutation: () => Promise<void>,
  ended: LeadSocket[],
  kept: LeadSocket[],
  newLead = (name: string) => createLead(name),
) {
  await mutation();
  const answered = performance.now();
  const afterwards = newLead(`After ${cause}`); // created right after the response: must reach no ended socket
  for (const s of ended) {
    const closed = await Promise.race([s.closed, new Promise<null>((r) => setTimeout(() => r(null), 1_000))]);
    expect(closed).toMatchObject({ code: 4403, reason: 'Forbidden: session ended' });
    latencies.push({ cause, ms: Math.max(0, Math.round(closed!.at - answered)) });
  }
  const lead = await afterwards;
  for (const s of kept) {
    expect(await s.received(lead)).toBe(true);
    expect(s.open).toBe(true);
  }
  for (const s of ended) expect(s.leads).not.toContain(lead);
}

const LOGOUT = 'mutation { logout { loggedOut } }';
const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { refreshToken errors { code } } }';
const CHANGE = 'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { changed errors { code } } }';
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { errors { code } } }';

it('socket closed on logout on another process: 4403 within 1 s on B and on A; another session stays open', async () => {
  const victim = await signedIn(a, 'ADMIN');
  const bystander = await signedIn(a, 'ADMIN');
  const onB = await LeadSocket.open(b, victim.accessToken);
  const onA = await LeadSocket.open(a, victim.accessToken);
  const other = await LeadSocket.open(b, bystander.accessToken);
  await expectSessionsEnded(
    'logout',
    async () => expect((await a.gql(LOGOUT, {}, victim.accessToken)).body.data.logout.loggedOut).toBe(true),
    [onB, onA],
    [other],
  );
  other.close();
});

it('a password change closes the sockets of the user’s other sessions; the session that changed it keeps its socket', async () => {
  const user = await createUser(a.ds, { role: 'ADMIN' });
  const [current, elsewhere] = [await login(a, user.email), await login(a, user.email)];
  const own = await LeadSocket.open(b, current.accessToken!);
  const other = await LeadSocket.open(b, elsewhere.accessToken!);
  await expectSessionsEnded(
    'password change',
    async () => {
      const r = await a.gql(CHANGE, { i: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } }, current.accessToken!);
      expect(r.body.data.changePassword).toEqual({ changed: true, errors: [] });
    },
    [other],
    [own],
  );
  own.close();
});

it('deactivation closes every socket of the user, on every process', async () => {
  const user = await createUser(a.ds, { role: 'ADMIN' });
  const [first, second] = [await login(a, user.email), await login(a, user.email)];
  const sockets = [await LeadSocket.open(b, first.accessToken!), await LeadSocket.open(a, second.accessToken!)];
  const bystander = await LeadSocket.open(b, admin.accessToken);
  await expectSessionsEnded(
    'deactivation',
    async () => {
      const r = await a.gql(DEACTIVATE, { id: toGlobalId('User', user.id) }, admin.accessToken);
      expect(r.body.data.deactivateUser.errors).toEqual([]);
    },
    sockets,
    [bystander],
  );
  bystander.close();
});

it('refresh-token reuse revokes the family and closes its sockets; a plain rotation does not', async () => {
  const s = await signedIn(a, 'ADMIN');
  const socket = await LeadSocket.open(b, s.accessToken);
  const rotated = await a.gql(REFRESH, { t: s.refreshToken });
  expect(rotated.body.data.refreshSession.errors).toEqual([]);
  const stillLive = await createLead('After rotation');
  expect(await socket.received(stillLive)).toBe(true);
  await expectSessionsEnded(
    'refresh reuse',
    async () => expect((await a.gql(REFRESH, { t: s.refreshToken })).body.data.refreshSession.errors).toEqual([{ code: 'INVALID_SESSION' }]),
    [socket],
    [],
  );
});

describe('one process without Redis (in-process bus)', () => {
  let solo: TestApp;
  let soloAdmin: Session;
  const soloLead = (name: string) => createLead(name, solo, soloAdmin);
  beforeAll(async () => {
    solo = await startTestApp({ REDIS_URL: '', WS_SESSION_CHECK_MS: '200' });
    soloAdmin = await signedIn(solo, 'ADMIN');
  });
  afterAll(() => solo?.close());

  it('logout closes the session’s socket within 1 s', async () => {
    const s = await signedIn(solo, 'ADMIN');
    const socket = await LeadSocket.open(solo, s.accessToken);
    const other = await LeadSocket.open(solo, soloAdmin.accessToken);
    await expectSessionsEnded('logout (one process)', async () => void (await solo.gql(LOGOUT, {}, s.accessToken)), [socket], [other], soloLead);
    other.close();
  });

  it('a session ended without its signal (here: straight in the database) closes its socket at the next periodic check', async () => {
    const s = await signedIn(solo, 'ADMIN');
    const socket = await LeadSocket.open(solo, s.accessToken);
    await solo.ds.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'test' WHERE user_id = $1`, [s.user.id]);
    expect(await socket.closed).toMatchObject({ code: 4403, reason: 'Forbidden: session ended' });
  });

  it('the signal never reaches clients: missedEvents skips it', async () => {
    const since = (await solo.gql('{ latestEventId }', {}, soloAdmin.accessToken)).body.data.latestEventId;
    const s = await signedIn(solo, 'ADMIN');
    await solo.gql(LOGOUT, {}, s.accessToken);
    const lead = await soloLead('After the signal');
    await outboxPublished(solo); // missedEvents returns published events
    const r = await solo.gql(
      'query($since: String!) { missedEvents(since: $since) { events { __typename ... on LeadEvent { lead { id } } } } }',
      { since },
      soloAdmin.accessToken,
    );
    expect(r.body.errors).toBeUndefined(); // a session.revoked among them would fail to resolve to a GraphQL type
    const events: Array<{ __typename: string; lead?: { id: string } }> = r.body.data.missedEvents.events;
    expect(events.map((e) => e.__typename).sort()).toEqual(['DashboardEvent', 'LeadEvent']);
    expect(events.find((e) => e.lead)?.lead?.id).toBe(lead);
  });
});
