import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import Redis from 'ioredis';
import type { Logger } from './logger';

export interface EventBus {
  engine: PubSubEngine;
  kind: 'redis' | 'memory';
  close(): Promise<void>;
}

/** Redis pub/sub when REDIS_URL is set (many server processes), in-process otherwise. */
export function createEventBus(redisUrl: string | undefined, logger: Logger): EventBus {
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
  const engine = new RedisPubSub({ publisher, subscriber });
  return {
    engine,
    kind: 'redis',
    close: async () => {
      await engine.close();
    },
  };
}
