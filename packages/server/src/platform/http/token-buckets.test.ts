import { randomUUID } from 'node:crypto';
import { createLogger } from '../logger';
import { MemoryTokenBuckets, RedisTokenBuckets, type TokenBuckets } from './token-buckets';

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

it('does not limit while Redis cannot answer (fails open)', async () => {
  const buckets = new RedisTokenBuckets('redis://127.0.0.1:1', createLogger('silent'));
  try {
    expect(await buckets.take(randomUUID(), 5, 1)).toMatchObject({ ok: true });
  } finally {
    await buckets.close();
  }
});
