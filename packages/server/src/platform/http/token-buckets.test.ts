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

  it('keeps buckets apart by key', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await buckets.take(a, 1, 1);
    expect((await buckets.take(a, 1, 1)).ok).toBe(false);
    expect((await buckets.take(b, 1, 1)).ok).toBe(true);
  });
});

it('does not limit while Redis cannot answer (fails open)', async () => {
  const buckets = new RedisTokenBuckets('redis://127.0.0.1:1', createLogger('silent'));
  try {
    expect(await buckets.take(randomUUID(), 5, 1)).toMatchObject({ ok: true });
  } finally {
    await buckets.close();
  }
});
