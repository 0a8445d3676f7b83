import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { RedisProcess } from '../../../test/redis-server';
import { sample } from '../../../test/metrics';
import { createLogger } from '../logger';
import { Metrics } from '../metrics/metrics';
import { MemoryTokenBuckets, RedisTokenBuckets, type BucketState, type TokenBuckets } from './token-buckets';

/** Both kinds of bucket answer alike: a burst up to the capacity, then refusals that say when to retry. */
const kinds: Array<[string, () => TokenBuckets]> = [['in-process', () => new MemoryTokenBuckets()]];
if (process.env.REDIS_URL) kinds.push(['Redis', () => new RedisTokenBuckets(process.env.REDIS_URL!, createLogger('silent'), `test-${randomUUID()}`)]);

describe.each(kinds)('%s token buckets', (_kind, make) => {
  let buckets: TokenBuckets;
  beforeAll(() => {
    buckets = make();
  });
  afterAll(() => buckets.close());

  it('lets a burst of the capacity through, then refuses without taking, with a retry time', async () => {
    const key = randomUUID();
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await buckets.take(key, 1, 3));
    expect(states.map((s) => [s.ok, s.limit, s.remaining])).toEqual([
      [true, 3, 2],
      [true, 3, 1],
      [true, 3, 0],
      [false, 3, 0],
    ]);
    // One token comes back every 20 s at 3 a minute.
    expect(states[3]!.retryAfterSeconds).toBeGreaterThanOrEqual(19);
    expect(states[3]!.retryAfterSeconds).toBeLessThanOrEqual(20);
    expect(states[3]!.resetSeconds).toBeGreaterThanOrEqual(59);
  });

  it('takes a cost of many tokens at once, and refuses one larger than what is left', async () => {
    const key = randomUUID();
    expect(await buckets.take(key, 700, 1000)).toMatchObject({ ok: true, remaining: 300 });
    const refused = await buckets.take(key, 400, 1000);
    expect(refused).toMatchObject({ ok: false, remaining: 300 });
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(6);
    expect(await buckets.take(key, 300, 1000)).toMatchObject({ ok: true, remaining: 0 });
  });

  it('gives tokens back with a negative cost, never above the capacity', async () => {
    const key = randomUUID();
    await buckets.take(key, 1, 2);
    await buckets.take(key, 1, 2);
    expect(await buckets.take(key, 1, 2)).toMatchObject({ ok: false, remaining: 0 });
    expect(await buckets.take(key, -1, 2)).toMatchObject({ ok: true, remaining: 1 });
    expect(await buckets.take(key, 1, 2)).toMatchObject({ ok: true, remaining: 0 });
    expect(await buckets.take(randomUUID(), -1, 2)).toMatchObject({ ok: true, remaining: 2 });
  });

  it('refills over a period other than a minute', async () => {
    const key = randomUUID();
    await buckets.take(key, 2, 2, 1_000);
    const refused = await buckets.take(key, 1, 2, 1_000);
    // One token comes back every 500 ms.
    expect(refused).toMatchObject({ ok: false, limit: 2, remaining: 0, retryAfterSeconds: 1, resetSeconds: 1 });
    let state = refused;
    for (let i = 0; i < 100 && !state.ok; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = await buckets.take(key, 1, 2, 1_000);
    }
    expect(state.ok).toBe(true);
  });

  it('keeps buckets apart by key', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await buckets.take(a, 1, 1);
    expect((await buckets.take(a, 1, 1)).ok).toBe(false);
    expect((await buckets.take(b, 1, 1)).ok).toBe(true);
  });
});

it('refills by the clock it is given (in-process)', async () => {
  let now = 1_000_000;
  const buckets = new MemoryTokenBuckets(() => now);
  await buckets.take('k', 3, 3, 3_000);
  expect(await buckets.take('k', 1, 3, 3_000)).toMatchObject({ ok: false, retryAfterSeconds: 1, resetSeconds: 3 });
  now += 999;
  expect((await buckets.take('k', 1, 3, 3_000)).ok).toBe(false);
  now += 1;
  expect(await buckets.take('k', 1, 3, 3_000)).toMatchObject({ ok: true, remaining: 0 });
  now += 60_000;
  expect(await buckets.take('k', 0, 3, 3_000)).toMatchObject({ ok: true, remaining: 3 });
});

describe('Redis buckets while Redis cannot answer', () => {
  /** A logger whose lines the test reads, and a way to wait for one. */
  function recordingLogger() {
    const lines: Array<{ level: number; msg: string }> = [];
    const waiters: Array<() => void> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => (lines.push(JSON.parse(line)), waiters.splice(0).forEach((w) => w())) });
    const logged = async (msg: RegExp) => {
      while (!lines.some((l) => msg.test(l.msg))) await new Promise<void>((resolve) => waiters.push(resolve));
    };
    return { logger, lines, logged };
  }
  const WARN = 40;
  const states = (list: BucketState[]) => list.map((s) => [s.ok, s.remaining]);
  const takeN = async (buckets: TokenBuckets, key: string, n: number, capacity: number) => {
    const taken: BucketState[] = [];
    for (let i = 0; i < n; i++) taken.push(await buckets.take(key, 1, capacity));
    return taken;
  };

  it('limits per process with the same capacity when Redis was never reachable', async () => {
    const buckets = new RedisTokenBuckets('redis://127.0.0.1:1', createLogger('silent'));
    try {
      const key = randomUUID();
      expect(await buckets.take(key, 5, 5)).toMatchObject({ ok: true, limit: 5, remaining: 0 });
      const refused = await buckets.take(key, 1, 5);
      expect(refused).toMatchObject({ ok: false, limit: 5, remaining: 0 });
      expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(11); // one token every 12 s at 5 a minute
    } finally {
      await buckets.close();
    }
  });

  describe('an outage of a Redis of its own', () => {
    let redis: RedisProcess;
    beforeAll(async () => {
      redis = await RedisProcess.start();
    }, 30_000);
    afterAll(() => redis.down());

    it('falls back to per-process buckets (each process its own: up to N× the limit), logs once, counts, and shares again after', async () => {
      const prefix = `test-${randomUUID()}`;
      const a = { ...recordingLogger(), metrics: new Metrics({ defaultMetrics: false }) };
      const one = new RedisTokenBuckets(redis.url, a.logger, prefix, a.metrics);
      const b = recordingLogger();
      const two = new RedisTokenBuckets(redis.url, b.logger, prefix); // another process of the deployment
      const fallbacks = async (result: string) => sample(await a.metrics.scrape(), 'crm_rate_limit_fallback_total', { result });
      try {
        const key = randomUUID();
        // Shared while Redis answers: the second process sees what the first took.
        expect(states([await one.take(key, 1, 3), await two.take(key, 1, 3)])).toEqual([[true, 2], [true, 1]]);

        await redis.down();
        // Each process limits on its own, from a full bucket of the same capacity.
        expect(states(await takeN(one, key, 4, 3))).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
        expect(states(await takeN(two, key, 4, 3))).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
        const refused = await one.take(key, 1, 3);
        expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(19); // a token every 20 s at 3 a minute
        expect([await fallbacks('allowed'), await fallbacks('refused')]).toEqual([3, 2]);
        // One warning for the outage, not one per take.
        expect(a.lines.filter((l) => l.level === WARN).map((l) => l.msg)).toEqual(['rate limits: Redis unavailable, limiting per process until it answers']);

        await redis.up();
        // Both clients reconnected (each on its own backoff).
        await Promise.all([a.logged(/Redis answers again/), b.logged(/Redis answers again/)]);
        const shared = randomUUID();
        expect(states([await one.take(shared, 1, 3), await two.take(shared, 1, 3), await one.take(shared, 1, 3)])).toEqual([[true, 2], [true, 1], [true, 0]]);
        expect([await fallbacks('allowed'), await fallbacks('refused')]).toEqual([3, 2]); // none since

        // The next outage is logged again, once.
        await redis.down();
        await takeN(one, randomUUID(), 3, 3);
        expect(a.lines.filter((l) => l.level === WARN)).toHaveLength(2);
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    }, 30_000);
  });
});
