import Redis from 'ioredis';
import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createTeam, createUser, login, PASSWORD, signedIn, type Session } from '../../../test/factories';
import { startTestApp, streamLive, type TestApp } from '../../../test/harness';
import { RedisProcess } from '../../../test/redis-server';
import { channelOf, type OutboxEventModel } from '../realtime/outbox-event';

/**
 * The viewer cache (platform/auth/viewer-cache.ts): a signed-in request finds its viewer without SQL, and whatever ends
 * a session or changes what its viewer carries is refused (or seen) by the very next request on the process that made
 * the change, and on another process within 1 s. Two server processes (A makes the changes, both serve the token)
 * over one database and a Redis of this test's own, which the last test stops and restarts.
 */
let redis: RedisProcess;
let a: TestApp;
let b: TestApp;
let admin: Session;
const latencies: Array<{ cause: string; ms: number }> = [];

/** Production's heartbeat deadline (the harness's default is longer). */
const HEARTBEAT = { OUTBOX_HEARTBEAT_MS: '250', OUTBOX_HEARTBEAT_TIMEOUT_MS: '750' };

beforeAll(async () => {
  redis = await RedisProcess.start();
  a = await startTestApp({ REDIS_URL: redis.url, ...HEARTBEAT });
  b = await startTestApp({ REDIS_URL: redis.url, ...HEARTBEAT }, { shareDatabaseOf: a });
  await Promise.all([streamLive(a, true), streamLive(b, true)]); // A's relay beats: both caches are in use
  admin = await signedIn(a, 'ADMIN');
}, 30_000);
afterAll(async () => {
  process.stdout.write(`viewer cache: old token refused on the other process (or the stream not live) after: ${latencies.map((l) => `${l.cause} ${l.ms} ms`).join(', ')}\n`);
  await b?.close();
  await a?.close();
  await redis?.down();
});

/** The statement that reads a session's viewer (auth.service.ts `readViewer`). */
const isViewerRead = (sql: string) => sql.includes('FROM users u JOIN sessions s');

const ME = '{ me { id role } }';
/** Runs `query` on `app` with `token`; the response and how many viewer reads it cost there. */
async function ask(app: TestApp, token: string, query = ME, variables?: Record<string, unknown>) {
  const before = app.queries.length;
  const r = await app.gql(query, variables, token);
  return { ...r, viewerReads: app.queries.slice(before).filter(isViewerRead).length };
}
const code = (r: { body: { errors?: Array<{ extensions?: Record<string, any> }> } }) => r.body.errors?.[0]?.extensions?.code;

/** Asks twice on each process: the first request may read the viewer, the second must find it cached. */
async function warm(token: string) {
  for (const app of [a, b]) {
    await ask(app, token);
    const again = await ask(app, token);
    expect(again.body.errors).toBeUndefined();
    expect(again.viewerReads).toBe(0);
  }
}

/** Resolves with the time an outbox event of `type` (passing `match`) is delivered in `app`, after its viewer cache heard it. */
function heard(app: TestApp, type: string, match: (e: OutboxEventModel) => boolean = () => true): Promise<number> {
  const engine = app.app.outbox.engine;
  return new Promise((resolve) => {
    // Subscribed after the auth service's listener (at start), so this one runs after the cache forgot.
    const id = engine.subscribe(channelOf(type), (e: OutboxEventModel) => {
      if (e.type !== type || !match(e)) return;
      void id.then((n) => engine.unsubscribe(n));
      resolve(performance.now());
    }, {});
  });
}

/**
 * Runs `change` on A. Right after it answers, `check(A)` must hold; B must hear `type` within 1 s of the answer, and
 * then `check(B)` must hold too.
 */
async function expectAtOnceAndWithin1s(cause: string, type: string, change: () => Promise<void>, check: (app: TestApp) => Promise<void>) {
  const onB = heard(b, type);
  await change();
  const answered = performance.now();
  await check(a);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), Math.max(0, answered + 1_000 - performance.now()))));
  const at = await Promise.race([onB, deadline]);
  clearTimeout(timer);
  expect(at).not.toBeNull(); // B heard it within 1 s of the answer
  latencies.push({ cause, ms: Math.max(0, Math.round(at! - answered)) });
  await check(b);
}

/** A user of `role` signed in twice (two sessions), both viewers cached on A and B. */
async function twoCachedSessions(role: 'ADMIN' | 'SALES') {
  const user = await createUser(a.ds, { role });
  const tokens = [(await login(a, user.email)).accessToken!, (await login(a, user.email)).accessToken!] as const;
  for (const token of tokens) await warm(token);
  return { user, tokens };
}

const refused = (token: string) => async (app: TestApp) => {
  const r = await ask(app, token);
  expect(code(r)).toBe('UNAUTHENTICATED');
};

it('a signed-in request reads its viewer once per process; the next ones run no viewer SQL', async () => {
  const s = await signedIn(a, 'SALES');
  for (const app of [a, b]) {
    const first = await ask(app, s.accessToken);
    expect(first.viewerReads).toBe(1);
    expect(first.body.data.me).toEqual({ id: s.id, role: 'SALES' });
    const second = await ask(app, s.accessToken);
    expect(second.viewerReads).toBe(0);
    expect(second.body.data.me).toEqual({ id: s.id, role: 'SALES' });
  }
  // A rotated access token of the same session finds the same cached viewer.
  const rotated = await a.gql('mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }', { t: s.refreshToken });
  const next = await ask(a, rotated.body.data.refreshSession.accessToken);
  expect(next.viewerReads).toBe(0);
  expect(next.body.data.me.id).toBe(s.id);
});

it('logout: the old token is refused at once on A and within 1 s on B', async () => {
  const s = await signedIn(a, 'ADMIN');
  await warm(s.accessToken);
  await expectAtOnceAndWithin1s(
    'logout',
    'session.revoked',
    async () => expect((await a.gql('mutation { logout { loggedOut } }', {}, s.accessToken)).body.data.logout.loggedOut).toBe(true),
    refused(s.accessToken),
  );
});

it('deactivation: every token of the user is refused at once on A and within 1 s on B', async () => {
  const { user, tokens: [first, second] } = await twoCachedSessions('SALES');
  await expectAtOnceAndWithin1s(
    'deactivation',
    'session.revoked',
    async () => {
      const r = await a.gql('mutation($id: ID!) { deactivateUser(id: $id) { errors { code } } }', { id: toGlobalId('User', user.id) }, admin.accessToken);
      expect(r.body.data.deactivateUser.errors).toEqual([]);
    },
    async (app) => {
      await refused(first)(app);
      await refused(second)(app);
    },
  );
});

it('password change: the other sessions are refused at once on A and within 1 s on B; the changing one stays', async () => {
  const { user, tokens: [current, elsewhere] } = await twoCachedSessions('ADMIN');
  await expectAtOnceAndWithin1s(
    'password change',
    'session.revoked',
    async () => {
      const r = await a.gql(
        'mutation($i: ChangePasswordInput!) { changePassword(input: $i) { changed errors { code } } }',
        { i: { currentPassword: PASSWORD, newPassword: 'another long passphrase' } },
        current,
      );
      expect(r.body.data.changePassword).toEqual({ changed: true, errors: [] });
    },
    async (app) => {
      await refused(elsewhere)(app);
      expect((await ask(app, current)).body.data.me.id).toBe(toGlobalId('User', user.id));
    },
  );
});

it('refresh-token reuse: the session’s access token is refused at once on A and within 1 s on B', async () => {
  const s = await signedIn(a, 'SALES');
  const REFRESH = 'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken errors { code } } }';
  const rotated = (await a.gql(REFRESH, { t: s.refreshToken })).body.data.refreshSession.accessToken as string;
  await warm(rotated);
  await expectAtOnceAndWithin1s(
    'refresh reuse',
    'session.revoked',
    async () => expect((await a.gql(REFRESH, { t: s.refreshToken })).body.data.refreshSession.errors).toEqual([{ code: 'INVALID_SESSION' }]),
    refused(rotated),
  );
});

it('role change: the next request acts with the new role at once on A and within 1 s on B', async () => {
  const team = await createTeam(a.ds);
  const s = await signedIn(a, 'MANAGER', team.id);
  const USERS = '{ users(first: 1) { totalCount } }';
  for (const app of [a, b]) {
    await ask(app, s.accessToken, USERS);
    const cached = await ask(app, s.accessToken, USERS);
    expect(cached).toMatchObject({ viewerReads: 0, body: { data: { users: { totalCount: expect.any(Number) } } } });
  }
  await expectAtOnceAndWithin1s(
    'role change',
    'viewer.updated',
    async () => {
      const r = await a.gql('mutation($i: UpdateUserInput!) { updateUser(input: $i) { errors { code } } }', { i: { id: s.id, role: 'SALES' } }, admin.accessToken);
      expect(r.body.data.updateUser.errors).toEqual([]);
    },
    async (app) => {
      expect(code(await ask(app, s.accessToken, USERS))).toBe('FORBIDDEN');
      expect((await ask(app, s.accessToken)).body.data.me.role).toBe('SALES');
    },
  );
});

it('a team’s new manager sees its records at once on A and within 1 s on B', async () => {
  const [own, other] = [await createTeam(a.ds), await createTeam(a.ds)];
  const s = await signedIn(a, 'MANAGER', own.id);
  const customer = await createCustomer(a.ds, { teamId: other.id });
  const CUSTOMER = 'query($id: ID!) { customer(id: $id) { id } }';
  const id = toGlobalId('Customer', customer.id);
  const sees = async (app: TestApp) => (await ask(app, s.accessToken, CUSTOMER, { id })).body.data?.customer?.id ?? null;
  await warm(s.accessToken);
  for (const app of [a, b]) expect(await sees(app)).toBeNull();
  await expectAtOnceAndWithin1s(
    'team manager',
    'viewer.updated',
    async () => {
      const r = await a.gql('mutation($i: UpdateTeamInput!) { updateTeam(input: $i) { errors { code } } }', { i: { id: toGlobalId('Team', other.id), managerId: s.id } }, admin.accessToken);
      expect(r.body.data.updateTeam.errors).toEqual([]);
    },
    async (app) => expect(await sees(app)).toBe(id),
  );
});

/**
 * While `stop` keeps the relay's heartbeats (and events) off the bus and both processes stay subscribed, A and B stop
 * being live within 1 s of it; meanwhile every request reads its viewer, so a session revoked straight in the database
 * (no event at all) is refused on B's next request. After `resume` both are live again and cache from empty.
 */
async function withoutHeartbeats(cause: string, stop: () => Promise<void>, resume: () => Promise<void>) {
  const [s, t] = [await signedIn(a, 'SALES'), await signedIn(a, 'SALES')];
  await warm(s.accessToken);
  const stopped = performance.now();
  await stop();
  try {
    const left = () => Math.max(0, Math.round(stopped + 1_000 - performance.now()));
    await Promise.all([streamLive(a, false, left()), streamLive(b, false, left())]);
    latencies.push({ cause: `${cause} (not live)`, ms: Math.round(performance.now() - stopped) });
    expect([a.bus.hearing(), b.bus.hearing()]).toEqual([true, true]); // the subscriber connections are up throughout
    await a.ds.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'test' WHERE user_id = $1`, [s.user.id]);
    await refused(s.accessToken)(b);
    for (const app of [a, b]) {
      expect((await ask(app, t.accessToken)).viewerReads).toBe(1);
      expect((await ask(app, t.accessToken)).viewerReads).toBe(1); // nothing is cached meanwhile
    }
  } finally {
    await resume(); // also when an expectation failed: the next tests need a relay
  }
  await Promise.all([streamLive(a, true), streamLive(b, true)]);
  for (const app of [a, b]) {
    await refused(s.accessToken)(app);
    expect((await ask(app, t.accessToken)).viewerReads).toBe(1); // empty when live again
    expect((await ask(app, t.accessToken)).viewerReads).toBe(0);
  }
}

it('the relay holder stops (no other relay takes over): not live within 1 s on A and B; live again once B takes over', async () => {
  const holder = [a, b].find((app) => app.app.relay.active)!;
  const other = holder === a ? b : a;
  await other.app.relay.stop(); // cannot take over meanwhile, as when every other process is busy, hung or gone
  await withoutHeartbeats(
    'relay stopped',
    () => holder.app.relay.stop(),
    async () => {
      await other.app.relay.start();
      expect(other.app.relay.active).toBe(true);
      await holder.app.relay.start();
      expect(holder.app.relay.active).toBe(false); // the lock is taken: only one relay beats
    },
  );
}, 15_000);

it('the relay cannot publish (Redis refuses writes, subscribers stay connected): not live within 1 s; live again after', async () => {
  const admin = new Redis(redis.url);
  try {
    await withoutHeartbeats(
      'publishing paused',
      async () => void (await admin.call('CLIENT', 'PAUSE', '30000', 'WRITE')), // PUBLISH waits; SUBSCRIBE, PING do not
      async () => void (await admin.call('CLIENT', 'UNPAUSE')),
    );
  } finally {
    admin.disconnect();
  }
}, 15_000);

it('one process without Redis is its own relay: live while its relay runs, not within 1 s of its stop, at once when it starts', async () => {
  // Over A's database: while another process's relay holds the lock, an in-memory bus hears nobody's events.
  const solo = await startTestApp({ REDIS_URL: '', ...HEARTBEAT }, { shareDatabaseOf: a });
  try {
    expect(solo.bus.kind).toBe('memory');
    expect(solo.app.outbox.live).toBe(false);
    await Promise.all([a, b, solo].map((app) => app.app.relay.stop()));
    await solo.app.relay.start();
    expect(solo.app.outbox.live).toBe(true); // it took the lock and beat (in process, at once) before start resolved

    const s = await signedIn(solo, 'SALES');
    const reads = async () => [(await ask(solo, s.accessToken)).viewerReads, (await ask(solo, s.accessToken)).viewerReads];
    expect(await reads()).toEqual([1, 0]);
    const stopped = performance.now();
    await solo.app.relay.stop();
    await streamLive(solo, false, Math.max(0, Math.round(stopped + 1_000 - performance.now())));
    latencies.push({ cause: 'memory bus, relay stopped (not live)', ms: Math.round(performance.now() - stopped) });
    expect(await reads()).toEqual([1, 1]);
    await solo.app.relay.start();
    expect(solo.app.outbox.live).toBe(true);
    expect(await reads()).toEqual([1, 0]);
  } finally {
    await solo.close();
    for (const app of [a, b]) await app.app.relay.start();
  }
  await Promise.all([streamLive(a, true), streamLive(b, true)]);
});

it('while the stream is not live (Redis down) every request reads its viewer; the cache starts empty when it is back', async () => {
  const s = await signedIn(a, 'SALES');
  await warm(s.accessToken);

  await redis.down();
  try {
    await Promise.all([streamLive(a, false), streamLive(b, false)]);
    for (const app of [a, b]) {
      expect((await ask(app, s.accessToken)).viewerReads).toBe(1);
      expect((await ask(app, s.accessToken)).viewerReads).toBe(1); // nothing is cached meanwhile
    }
    // A session ended with no event anyone hears (straight in the database) is refused by the next request anywhere.
    await a.ds.query(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'test' WHERE user_id = $1`, [s.user.id]);
    for (const app of [a, b]) await refused(s.accessToken)(app);
  } finally {
    await redis.up(); // also when an expectation failed: the apps close over a live Redis
  }
  await Promise.all([streamLive(a, true), streamLive(b, true)]);
  const t = await signedIn(a, 'SALES');
  for (const app of [a, b]) {
    await refused(s.accessToken)(app);
    expect((await ask(app, t.accessToken)).viewerReads).toBe(1);
    expect((await ask(app, t.accessToken)).viewerReads).toBe(0);
  }
}, 30_000);
