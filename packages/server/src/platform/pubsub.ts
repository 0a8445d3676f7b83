import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import Redis from 'ioredis';
import type { Logger } from './logger';

export interface EventBus {
  engine: PubSubEngine;
  kind: 'redis' | 'memory';
  close(): Promise<void>;
}

/**
 * Puts every channel under `prefix:` so deployments (or test databases) sharing one Redis never hear each other's
 * events. The base class's iterators subscribe through `subscribe`, so they are namespaced too.
 */
export class NamespacedPubSub extends PubSubEngine {
  constructor(
    private readonly inner: PubSubEngine,
    private readonly prefix: string,
  ) {
    super();
  }
  publish(trigger: string, payload: unknown): Promise<void> {
    return this.inner.publish(`${this.prefix}:${trigger}`, payload);
  }
  subscribe(trigger: string, onMessage: (...args: any[]) => void, options: object): Promise<number> {
    return this.inner.subscribe(`${this.prefix}:${trigger}`, onMessage, options);
  }
  unsubscribe(subId: number): void {
    this.inner.unsubscribe(subId);
  }
}

/**
 * Redis pub/sub when REDIS_URL is set (many server processes), in-process otherwise. Channels are namespaced by
 * `prefix` (CACHE_PREFIX), like cache keys.
 */
export function createEventBus(redisUrl: string | undefined, logger: Logger, prefix: string): EventBus {
  if (!redisUrl) {
    return { engine: new PubSub(), kind: 'memory', close: async () => {} };
  }
  const connect = (role: string) => {
    const client = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: false, connectionName: `crm-${role}` });
    let down = false;
    client.on('error', (err) => {
      if (!down) logger.error({ err, role }, 'redis pub/sub connection error');
      down = true;
    });
    client.on('ready', () => {
      if (down) logger.info({ role }, 'redis pub/sub reconnected');
      down = false;
    });
    return client;
  };
  const publisher = connect('publisher');
  const subscriber = connect('subscriber');
  const redis = new RedisPubSub({ publisher, subscriber });
  return {
    engine: new NamespacedPubSub(redis, prefix),
    kind: 'redis',
    close: async () => {
      await redis.close();
    },
  };
}
