import WebSocket from 'ws';
import { createClient, type Client } from 'graphql-ws';
import { createApp, type App } from '../src/app';
import { generateSigningKeys, type SigningKeys } from '../src/platform/auth/keys';
import { loadConfig, type Config } from '../src/platform/config';
import { createDataSource, openDatabase } from '../src/platform/db/data-source';
import { buildAppSchema } from '../src/schema';
import { createLogger } from '../src/platform/logger';
import { createJobDefinitions, entities } from '../src/modules';
import { createCache, type Cache } from '../src/platform/cache/cache';
import { DeferredJobSender, JobQueue } from '../src/platform/jobs/job-queue';
import type { OutboxRelay } from '../src/platform/realtime/outbox-relay';
import { createEventBus, type EventBus } from '../src/platform/pubsub';
import { RecordingMessenger } from './recording-messenger';
import { createMessenger } from '../src/platform/messaging/messenger';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from './db';

export interface GqlResponse<T = any> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }> };
  headers: Headers;
}

export interface TestApp {
  url: string;
  wsUrl: string;
  ds: DataSource;
  config: Config;
  keys: SigningKeys;
  app: App;
  databaseName: string;
  databaseUrl: string;
  cache: Cache;
  /** The app's pub/sub bus (Redis when REDIS_URL is set). */
  bus: EventBus;
  queue: JobQueue;
  /** E-mail and SMS the app sent. */
  messenger: RecordingMessenger;
  /** Every SQL statement run by the app's pool, in order. */
  queries: string[];
  /** The parameters of each of `queries` (same index), e.g. to EXPLAIN a statement as it ran. */
  queryParameters: (readonly unknown[])[];
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>>;
  wsClient(token?: string | null, extra?: Partial<Parameters<typeof createClient>[0]>): Client;
  close(): Promise<void>;
}

/**
 * The real server (HTTP + WebSocket) on a random port, over its own freshly migrated PostgreSQL database, and
 * Redis when REDIS_URL is set. One per test file. Job workers are off unless `JOBS_WORKERS: 'true'` is passed.
 */
export interface TestAppOptions {
  /** Another process of the same deployment: shares this app's database and signing key; the database is not dropped on close. */
  shareDatabaseOf?: TestApp;
}

export async function startTestApp(env: Record<string, string> = {}, opts: TestAppOptions = {}): Promise<TestApp> {
  const db = opts.shareDatabaseOf
    ? { name: opts.shareDatabaseOf.databaseName, url: opts.shareDatabaseOf.databaseUrl, drop: async () => {} }
    : await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: db.url,
    REDIS_URL: process.env.REDIS_URL,
    JOBS_WORKERS: 'false',
    CACHE_PREFIX: db.name, // test files share one Redis: keep their caches apart
    JOBS_POLL_SECONDS: '0.5',
    // Relay heartbeats every 250 ms as in production, but a loaded test machine must not turn a file's viewer cache off
    // (and add viewer reads to the statements it counts); tests of liveness set 750 ms as in production.
    OUTBOX_HEARTBEAT_TIMEOUT_MS: '5000',
    ...env,
  });
  const logger = createLogger(config.logLevel);
  const queries: string[] = [];
  const queryParameters: (readonly unknown[])[] = [];
  const onQuery = (q: string, parameters: readonly unknown[] = []) => {
    queries.push(q);
    queryParameters.push(parameters);
  };
  const ds = createDataSource({ url: db.url, poolSize: 5, poolWaitMs: config.databasePoolWaitMs, logger, entities, onQuery });
  await openDatabase(ds, logger);
  const keys = opts.shareDatabaseOf?.keys ?? generateSigningKeys(); // processes of one deployment share the key
  const bus = createEventBus(config.redisUrl, logger, config.cachePrefix);
  const cache = createCache(config.redisUrl, logger, config.cachePrefix);
  const transports = createMessenger(config, logger);
  const messenger = new RecordingMessenger(transports);
  const jobs = new DeferredJobSender();
  const app = await createApp({ config, logger, ds, keys, bus, schema: buildAppSchema(), cache, jobs, messenger, databaseUrl: db.url });
  const queue = await JobQueue.start(db.url, logger, createJobDefinitions(app.services, ds), {
    work: config.jobs.workers,
    recordRun: (run) => app.services.audit.recordJobRun(run),
    pollingIntervalSeconds: config.jobs.pollSeconds,
    metrics: app.jobMetrics,
  });
  jobs.attach(queue);
  const { port } = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const clients: Client[] = [];

  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    ds,
    config,
    keys,
    app,
    databaseName: db.name,
    databaseUrl: db.url,
    cache,
    bus,
    queue,
    messenger,
    queries,
    queryParameters,
    async gql(query, variables, token) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as GqlResponse['body'], headers: res.headers };
    },
    wsClient(token, extra = {}) {
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: true,
        ...extra,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.dispose()));
      // Teardown: no request is coming on the test's idle keep-alive sockets, so skip the drain's grace for them.
      app.httpServer.closeIdleConnections();
      await app.close();
      await queue.stop();
      await cache.close();
      await bus.close();
      await ds.destroy();
      await db.drop();
    },
  };
}

export interface UseTestAppOptions {
  /** Config overrides, as for `startTestApp`; a function is called when the app starts (after earlier `beforeAll`s). */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Time for starting the app and running the setup, in ms (jest's default: 5 s). */
  timeout?: number;
}

/**
 * The test file's app, and what `setup` made in it: `beforeAll` starts the app and runs `setup`, `afterAll` closes the
 * app. Both objects are filled in place by that `beforeAll` (`setup` must return an object): read them inside tests
 * and hooks, not at the top level of the file. A file's own `beforeAll`, registered after this call, runs after it.
 *
 *     const { t, w } = useTestApp(leadWorld);
 */
export function useTestApp(opts?: UseTestAppOptions): { t: TestApp };
export function useTestApp<W extends object>(setup: (t: TestApp) => Promise<W>, opts?: UseTestAppOptions): { t: TestApp; w: W };
export function useTestApp<W extends object>(
  setupOrOpts?: ((t: TestApp) => Promise<W>) | UseTestAppOptions,
  opts: UseTestAppOptions = {},
): { t: TestApp; w: W } {
  const setup = typeof setupOrOpts === 'function' ? setupOrOpts : undefined;
  const { env, timeout } = typeof setupOrOpts === 'object' ? setupOrOpts : opts;
  const t = {} as TestApp;
  const w = {} as W;
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(typeof env === 'function' ? env() : env);
    fill(t, started);
    if (setup) fill(w, await setup(started));
  }, timeout);
  afterAll(() => started?.close());
  return { t, w };
}

/** Makes `target` what `source` is: its own properties (getters included) and its prototype. */
function fill<T extends object>(target: T, source: T): void {
  Object.defineProperties(target, Object.getOwnPropertyDescriptors(source));
  Object.setPrototypeOf(target, Object.getPrototypeOf(source));
}

/** Collects up to `count` results of one subscription (or until it ends/errors). */
export function subscribe<T = any>(client: Client, query: string, variables?: Record<string, unknown>) {
  const results: Array<{ data?: T; errors?: any[] }> = [];
  let error: unknown;
  let done = false;
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const waiters: Array<() => void> = [];
  const notify = () => {
    if (done) end();
    waiters.splice(0).forEach((w) => w());
  };
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (r) => {
        results.push(r as any);
        notify();
      },
      error: (e) => {
        error = e;
        done = true;
        notify();
      },
      complete: () => {
        done = true;
        notify();
      },
    },
  );
  return {
    results,
    get error() {
      return error;
    },
    get done() {
      return done;
    },
    /** Resolves when the subscription ends (completes or errors). */
    ended,
    /** Resolves when `n` results arrived or the subscription ended; rejects after `ms`. */
    waitFor(n: number, ms = 5_000): Promise<void> {
      return this.until(() => results.length >= n, ms, () => `${n} results (got ${results.length})`);
    },
    /** Resolves when `check()` holds after a result, or the subscription ended; rejects after `ms`. */
    async until(check: () => boolean, ms = 5_000, what = () => 'a result that passes the check'): Promise<void> {
      const deadline = Date.now() + ms;
      while (!check() && !done) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out waiting for ${what()}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
    unsubscribe,
  };
}

/**
 * Resolves when the next subscription goes live in `app`'s process: its engine (the outbox stream's, or the bus's)
 * has applied it, so every event committed from then on reaches it. Call before subscribing, await after; rejects
 * after `ms`.
 */
export function nextSubscription(app: TestApp, ms = 10_000): Promise<void> {
  return signal(ms, 'no subscription went live', (done) =>
    [app.app.outbox.engine, app.bus.engine].map((engine) => engine.watch(({ started }) => started && done())),
  );
}

/** `subscribe`, resolved once the server has the subscription live (see nextSubscription); rejects if it ends first. */
export async function subscribed<T = any>(app: TestApp, client: Client, query: string, variables?: Record<string, unknown>) {
  const live = nextSubscription(app);
  const sub = subscribe<T>(client, query, variables);
  await Promise.race([
    live,
    sub.ended.then(() => {
      throw new Error(`the subscription ended before it was live: ${JSON.stringify(sub.error ?? sub.results)}`);
    }),
  ]);
  return sub;
}

/** Resolves once `channel` of `app`'s outbox stream has exactly `count` live subscriptions; rejects after `ms`. */
export function liveSubscriptions(app: TestApp, channel: string, count: number, ms = 10_000): Promise<void> {
  const engine = app.app.outbox.engine;
  return signal(ms, `${channel} did not reach ${count} live subscriptions`, (done) => {
    if (engine.subscriptions(channel) === count) done();
    return [engine.watch(({ trigger, live }) => trigger === channel && live === count && done())];
  });
}

/**
 * Resolves once `app`'s outbox stream is (or is not) live (a relay's heartbeats are heard there); rejects after `ms`.
 * Resolves with the milliseconds waited.
 */
export async function streamLive(app: TestApp, live: boolean, ms = 10_000): Promise<number> {
  const started = performance.now();
  const stream = app.app.outbox;
  await signal(ms, `the outbox stream was not ${live ? 'live' : 'down'}`, (done) => {
    if (stream.live === live) done();
    return [stream.onLiveChange((now) => now === live && done())];
  });
  return performance.now() - started;
}

/**
 * Resolves once no committed outbox event awaits publishing (so `missedEvents` returns it): checked now and each time
 * one of `relays` marks a batch published. Pass every relay that may hold the relay lock; rejects after `ms`.
 */
export function outboxPublished(t: TestApp, relays: OutboxRelay[] = [t.app.relay], ms = 10_000): Promise<void> {
  return signal(ms, 'outbox events still unpublished', (done) => {
    let checks = Promise.resolve();
    const check = () => {
      checks = checks
        .then(async () => {
          const [row] = await t.ds.query('SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL');
          if (row.n === 0) done();
        })
        .catch(done);
    };
    check();
    return relays.map((relay) => relay.onPublished(check));
  });
}

/**
 * Waits for a signal: `watch` installs its watchers (returning their removers) and calls `done()` when the awaited
 * thing happened, `done(err)` on a failure. Rejects with `timeout` after `ms`; the watchers are removed either way.
 */
function signal(ms: number, timeout: string, watch: (done: (err?: unknown) => void) => Array<() => void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let stops: Array<() => void> = [];
    const done = (err?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stops.forEach((stop) => stop());
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`${timeout} within ${ms} ms`)), ms);
    stops = watch(done);
    if (settled) stops.forEach((stop) => stop()); // done before the watchers were returned
  });
}
