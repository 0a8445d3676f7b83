import Redis from 'ioredis';
import type { Counter } from 'prom-client';
import type { Logger } from '../logger';
import type { MetricsRegistry } from '../metrics/metrics';

/** What taking from a bucket answered. `resetSeconds`: until the bucket is full again; `retryAfterSeconds`: until `take` would succeed. */
export interface BucketState {
  ok: boolean;
  limit: number;
  remaining: number;
  resetSeconds: number;
  retryAfterSeconds: number;
}

/**
 * Token buckets: each holds up to `capacity` tokens and refills evenly, `capacity` per period (a minute unless
 * `periodMs` says otherwise). `take` removes `cost` tokens when there are that many (ok) and otherwise removes none; a
 * negative cost gives tokens back (never above the capacity). Shared by every process through Redis, or in-process
 * without it (and, per process, while Redis is down).
 */
export interface TokenBuckets {
  readonly kind: 'redis' | 'memory';
  take(key: string, cost: number, capacity: number, periodMs?: number): Promise<BucketState>;
  close(): Promise<void>;
}

const MINUTE_MS = 60_000;

/** The arithmetic both kinds share: a bucket last seen with `tokens` at `at`, asked for `cost` at `now`. */
function settle(tokens: number, at: number, cost: number, capacity: number, now: number, periodMs: number) {
  const rate = capacity / periodMs;
  const available = Math.min(capacity, tokens + Math.max(0, now - at) * rate);
  const ok = cost <= available;
  const left = ok ? Math.min(capacity, available - cost) : available;
  return {
    left,
    state: {
      ok,
      limit: capacity,
      remaining: Math.floor(left),
      resetSeconds: Math.ceil((capacity - left) / rate / 1000),
      retryAfterSeconds: ok ? 0 : Math.max(1, Math.ceil((Math.min(cost, capacity) - left) / rate / 1000)),
    },
  };
}

export class MemoryTokenBuckets implements TokenBuckets {
  readonly kind = 'memory';
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** `now`: the clock (milliseconds), for tests. */
  constructor(private readonly now: () => number = Date.now) {}

  async take(key: string, cost: number, capacity: number, periodMs = MINUTE_MS): Promise<BucketState> {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    const { left, state } = settle(bucket.tokens, bucket.at, cost, capacity, now, periodMs);
    // Least recently used first: past 10,000 buckets the one idle longest goes (a busy key's bucket is never the one).
    this.buckets.delete(key);
    this.buckets.set(key, { tokens: left, at: now });
    if (this.buckets.size > 10_000) this.buckets.delete(this.buckets.keys().next().value!);
    return state;
  }

  async close(): Promise<void> {
    this.buckets.clear();
  }
}

/** One atomic script per take: read the bucket, refill by the time passed (the server's clock), take or not, store. */
const TAKE = `
local capacity = tonumber(ARGV[2])
local cost = tonumber(ARGV[1])
local period = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or capacity
local at = tonumber(b[2]) or now
local available = math.min(capacity, tokens + math.max(0, now - at) * capacity / period)
local ok = 0
if cost <= available then available = math.min(capacity, available - cost); ok = 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(available), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.max(120000, 2 * period))
return { ok, tostring(available), tostring(now) }`;

/** While Redis does not answer, it is tried again at most this often (every take goes to the process's buckets meanwhile). */
const REDIS_RETRY_MS = 1_000;

/**
 * Buckets in Redis, shared by every process. While Redis cannot answer, each process limits with buckets of its own —
 * the same capacities and periods, so with N processes a caller may get up to N times its limits until Redis is back —
 * rather than not limiting at all or refusing everyone. The client fails fast (no offline queue, a 500 ms command
 * timeout), and during an outage Redis is tried at most once a second (and as soon as its connection is ready again),
 * so requests do not wait on it. The outage is logged once as it starts and once as it ends; `metrics` counts the
 * takes the process's buckets answered (`crm_rate_limit_fallback_total`, by result).
 */
export class RedisTokenBuckets implements TokenBuckets {
  readonly kind = 'redis';
  private readonly redis: Redis;
  private readonly local = new MemoryTokenBuckets();
  /** Set while Redis does not answer: when to try it again. */
  private outage: { retryAt: number } | null = null;
  private readonly fallbacks: Counter<'result'> | null;
  /** The first connection (at most a second): later, commands fail fast instead of waiting for Redis. */
  private readonly connected: Promise<void>;

  constructor(url: string, private readonly logger: Logger, private readonly prefix = 'crm', metrics?: MetricsRegistry) {
    this.redis = new Redis(url, { enableOfflineQueue: false, commandTimeout: 500, maxRetriesPerRequest: 1, connectionName: 'crm-rate-limits' });
    this.redis.on('error', () => undefined);
    this.redis.on('ready', () => this.recovered());
    this.connected = new Promise((resolve) => {
      this.redis.once('ready', () => resolve());
      setTimeout(resolve, 1_000).unref();
    });
    this.fallbacks =
      metrics?.counter({
        name: 'crm_rate_limit_fallback_total',
        help: "Rate-limit takes answered by this process's own buckets because Redis did not answer, by result (allowed, refused).",
        labelNames: ['result'],
      }) ?? null;
  }

  async take(key: string, cost: number, capacity: number, periodMs = MINUTE_MS): Promise<BucketState> {
    if (this.outage && Date.now() < this.outage.retryAt) return this.fallback(key, cost, capacity, periodMs);
    try {
      if (this.redis.status !== 'ready') await this.connected;
      const [ok, left] = (await this.redis.eval(TAKE, 1, `${this.prefix}:bucket:${key}`, cost, capacity, periodMs)) as [number, string, string];
      this.recovered();
      const { state } = settle(Number(left) + (ok ? cost : 0), 0, cost, capacity, 0, periodMs);
      return state;
    } catch (err) {
      if (!this.outage) this.logger.warn({ err }, 'rate limits: Redis unavailable, limiting per process until it answers');
      this.outage = { retryAt: Date.now() + REDIS_RETRY_MS };
      return this.fallback(key, cost, capacity, periodMs);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.local.close();
  }

  private async fallback(key: string, cost: number, capacity: number, periodMs: number): Promise<BucketState> {
    const state = await this.local.take(key, cost, capacity, periodMs);
    this.fallbacks?.inc({ result: state.ok ? 'allowed' : 'refused' });
    return state;
  }

  private recovered(): void {
    if (!this.outage) return;
    this.outage = null;
    this.logger.info('rate limits: Redis answers again, limits are shared again');
  }
}

export function createTokenBuckets(redisUrl: string | null | undefined, logger: Logger, prefix?: string, metrics?: MetricsRegistry): TokenBuckets {
  return redisUrl ? new RedisTokenBuckets(redisUrl, logger, prefix, metrics) : new MemoryTokenBuckets();
}

/** A bucket's state as response headers: RateLimit (IETF draft `RateLimit-Limit/Remaining/Reset`), and Retry-After when refused. */
export function rateLimitHeaders(state: BucketState): Record<string, string> {
  return {
    'RateLimit-Limit': String(state.limit),
    'RateLimit-Remaining': String(state.remaining),
    'RateLimit-Reset': String(state.resetSeconds),
    ...(state.ok ? {} : { 'Retry-After': String(state.retryAfterSeconds) }),
  };
}
