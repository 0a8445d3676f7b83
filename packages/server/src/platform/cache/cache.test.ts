import pino from 'pino';
import { RedisProcess } from '../../../test/redis-server';
import { MemoryCache, RedisCache, cacheKey } from './cache';

/** A compute function that counts its calls. */
function counter<T>(value: T) {
  const fn = async () => {
    fn.calls++;
    return value;
  };
  fn.calls = 0;
  return fn;
}

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('cache keys', () => {
  it('follow {prefix}:{entity}:{identifier}:{version}', () => {
    expect(cacheKey('dashboard', 'pipeline:team-1:LAST_30_DAYS', 7)).toBe('crm:dashboard:pipeline:team-1:LAST_30_DAYS:v7');
  });
});

describe('MemoryCache', () => {
  it('hits until the entity is invalidated', async () => {
    const cache = new MemoryCache();
    const compute = counter({ n: 1 });
    expect(await cache.wrap('dashboard', 'a', 60, compute)).toEqual({ n: 1 });
    await cache.wrap('dashboard', 'a', 60, compute);
    expect(compute.calls).toBe(1);
    await cache.invalidate('dashboard');
    await cache.wrap('dashboard', 'a', 60, compute);
    expect(compute.calls).toBe(2);
    await cache.invalidate('other');
    await cache.wrap('dashboard', 'a', 60, compute);
    expect(compute.calls).toBe(2);
  });

  it('expires by TTL', async () => {
    const cache = new MemoryCache();
    const compute = counter(1);
    await cache.wrap('x', 'k', 0.05, compute);
    await new Promise((r) => setTimeout(r, 80));
    await cache.wrap('x', 'k', 0.05, compute);
    expect(compute.calls).toBe(2);
  });
});

describe('RedisCache against a real Redis that goes down and comes back', () => {
  let redis: RedisProcess;
  let cache: RedisCache;
  const warnings: unknown[] = [];

  beforeAll(async () => {
    redis = await RedisProcess.start();
    const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(JSON.parse(line)) });
    cache = new RedisCache(redis.url, log);
    // Connected once a stored value comes back.
    await until(async () => {
      await cache.wrap('probe', 'p', 5, async () => 'ok');
      return (await cache.wrap('probe', 'p', 5, async () => 'miss')) === 'ok';
    });
  });
  afterAll(async () => {
    await cache.close();
    await redis.down();
  });

  it('caches with TTL and invalidates by version bump', async () => {
    const compute = counter({ rows: [1, 2] });
    await cache.wrap('dashboard', 'w1', 60, compute);
    await until(async () => {
      await cache.wrap('dashboard', 'w1', 60, compute);
      return compute.calls === 1;
    });
    await cache.invalidate('dashboard');
    await cache.wrap('dashboard', 'w1', 60, compute);
    expect(compute.calls).toBe(2);
  });

  it('bypasses the cache without hanging while Redis is down, logs once, and recovers by itself', async () => {
    const compute = counter('fresh');
    await cache.wrap('dashboard', 'w2', 60, compute);
    const warningsBefore = warnings.length; // the client may notice the outage before down() returns
    await redis.down();

    // Fail fast: no offline queue and a 250 ms command timeout, so no call waits for Redis to come back.
    let slowest = 0;
    for (let i = 0; i < 20; i++) {
      const started = Date.now();
      expect(await cache.wrap('dashboard', 'w2', 60, compute)).toBe('fresh');
      slowest = Math.max(slowest, Date.now() - started);
    }
    await cache.invalidate('dashboard'); // must not throw
    expect(slowest).toBeLessThan(1_000);
    expect(compute.calls).toBeGreaterThanOrEqual(20);
    const outageWarnings = warnings.slice(warningsBefore).filter((w) => (w as { msg: string }).msg.startsWith('cache unavailable'));
    expect(outageWarnings).toHaveLength(1);

    await redis.up();
    const before = compute.calls;
    await until(async () => {
      await cache.wrap('dashboard', 'w2', 60, compute);
      await cache.wrap('dashboard', 'w2', 60, compute);
      return compute.calls - before >= 1 && (await cache.wrap('dashboard', 'w2', 60, async () => 'miss')) === 'fresh';
    });
  });
});
