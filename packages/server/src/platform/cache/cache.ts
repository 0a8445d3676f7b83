import Redis from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger';

/**
 * Cache for hot aggregates. Keys follow `{prefix}:{entity}:{identifier}:{version}`; `invalidate(entity)` bumps the
 * entity's version, so every older key is dead at once (no `KEYS *`) and expires by TTL.
 */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  /** The cached value of `entity`/`identifier`, or `compute()` stored for `ttlSeconds`. Never fails because of the cache. */
  wrap<T>(entity: string, identifier: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T>;
  /** Makes every cached value of `entity` stale. */
  invalidate(entity: string): Promise<void>;
  close(): Promise<void>;
}

export const cacheKey = (entity: string, identifier: string, version: number | string, prefix = 'crm') =>
  `${prefix}:${entity}:${identifier}:v${version}`;
const versionKey = (entity: string, prefix: string) => `${prefix}:${entity}:version`;

/** In-process LRU, used when no REDIS_URL is set. */
export class MemoryCache implements Cache {
  readonly kind = 'memory';
  private readonly versions = new Map<string, number>();
  private readonly lru = new LRUCache<string, { value: unknown }>({ max: 2_000 });

  async wrap<T>(entity: string, identifier: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T> {
    const key = cacheKey(entity, identifier, this.versions.get(entity) ?? 0);
    const hit = this.lru.get(key);
    if (hit) return hit.value as T;
    const value = await compute();
    this.lru.set(key, { value }, { ttl: ttlSeconds * 1000 });
    return value;
  }

  async invalidate(entity: string): Promise<void> {
    this.versions.set(entity, (this.versions.get(entity) ?? 0) + 1);
  }

  async close(): Promise<void> {
    this.lru.clear();
  }
}

/**
 * Redis cache that fails fast: no offline queue and a short command timeout, so an outage bypasses the cache instead
 * of hanging requests. The outage is logged once; on recovery every known entity is invalidated (writes during the
 * outage could not bump versions) and caching resumes by itself.
 */
export class RedisCache implements Cache {
  readonly kind = 'redis';
  private readonly redis: Redis;
  private healthy = true;
  private readonly entities = new Set<string>();

  constructor(
    url: string,
    private readonly logger: Logger,
    private readonly prefix = 'crm',
    commandTimeoutMs = 250,
  ) {
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      commandTimeout: commandTimeoutMs,
      maxRetriesPerRequest: 0,
      connectTimeout: 1_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
      connectionName: 'crm-cache',
    });
    this.redis.on('error', (err) => this.down(err));
    this.redis.on('ready', () => void this.up());
  }

  async wrap<T>(entity: string, identifier: string, ttlSeconds: number, compute: () => Promise<T>): Promise<T> {
    this.entities.add(entity);
    let key: string | null = null;
    try {
      const version = (await this.redis.get(versionKey(entity, this.prefix))) ?? '0';
      key = cacheKey(entity, identifier, version, this.prefix);
      const hit = await this.redis.get(key);
      if (hit !== null) return JSON.parse(hit) as T;
    } catch (err) {
      this.down(err);
      return compute();
    }
    const value = await compute();
    this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds).catch((err) => this.down(err));
    return value;
  }

  async invalidate(entity: string): Promise<void> {
    this.entities.add(entity);
    try {
      await this.redis.incr(versionKey(entity, this.prefix));
    } catch (err) {
      this.down(err);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private down(err: unknown): void {
    if (!this.healthy) return;
    this.healthy = false;
    this.logger.warn({ err }, 'cache unavailable: bypassing it until Redis is back');
  }

  private async up(): Promise<void> {
    if (this.healthy) return;
    this.healthy = true;
    await Promise.all([...this.entities].map((e) => this.redis.incr(versionKey(e, this.prefix)).catch(() => undefined)));
    this.logger.info({ invalidated: [...this.entities] }, 'cache recovered');
  }
}

/** Never hits: every `wrap` computes (`CACHE_DISABLED=true`, for measuring cold paths such as the dashboard's). */
export class NoCache implements Cache {
  readonly kind = 'memory';
  wrap<T>(_entity: string, _identifier: string, _ttlSeconds: number, compute: () => Promise<T>): Promise<T> {
    return compute();
  }
  async invalidate(): Promise<void> {}
  async close(): Promise<void> {}
}

/** Redis when a URL is given, else in-process. `prefix` separates deployments (or test runs) sharing one Redis. */
export function createCache(redisUrl: string | undefined, logger: Logger, prefix = 'crm'): Cache {
  return redisUrl ? new RedisCache(redisUrl, logger, prefix) : new MemoryCache();
}
