import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, PubSubEngine } from 'graphql-subscriptions';
import Redis from 'ioredis';
import type { Logger } from './logger';

export interface EventBus {
  engine: WatchedPubSub;
  kind: 'redis' | 'memory';
  /**
   * Calls `listener` each time the bus's subscriber connection is ready and Redis has applied all its subscriptions
   * again (after the first connect and after every reconnect). Messages published while it was away never reach this
   * process: a listener that must not miss any catches up from its source of truth. Never called in memory.
   * Returns a function that removes the listener.
   */
  onResubscribed(listener: () => void): () => void;
  /**
   * Whether what is published now reaches this process: always in memory; with Redis, from the moment Redis has
   * applied its subscriptions (as for `onResubscribed`) until the subscriber connection drops.
   */
  hearing(): boolean;
  /** Calls `listener` each time `hearing()` changes; returns a function that removes it. */
  onHearingChange(listener: (hearing: boolean) => void): () => void;
  close(): Promise<void>;
}

export interface SubscriptionChange {
  trigger: string;
  /** Live subscriptions on the trigger now. */
  live: number;
  /** Whether one started (else one ended). */
  started: boolean;
}

/**
 * A PubSubEngine that knows its live subscriptions: how many there are on each trigger, counted once the inner engine
 * has applied a subscription (Redis answered its SUBSCRIBE) and until it is removed, and who wants to hear each change.
 */
export class WatchedPubSub extends PubSubEngine {
  private readonly triggers = new Map<number, string>();
  private readonly live = new Map<string, number>();
  private readonly watchers = new Set<(change: SubscriptionChange) => void>();

  constructor(private readonly inner: PubSubEngine) {
    super();
  }
  publish(trigger: string, payload: unknown): Promise<void> {
    return this.inner.publish(trigger, payload);
  }
  async subscribe(trigger: string, onMessage: (...args: any[]) => void, options: object): Promise<number> {
    const id = await this.inner.subscribe(trigger, onMessage, options);
    this.triggers.set(id, trigger);
    this.count(trigger, 1);
    return id;
  }
  unsubscribe(subId: number): void {
    this.inner.unsubscribe(subId);
    const trigger = this.triggers.get(subId);
    if (trigger === undefined) return;
    this.triggers.delete(subId);
    this.count(trigger, -1);
  }
  /** Live subscriptions on `trigger`. */
  subscriptions(trigger: string): number {
    return this.live.get(trigger) ?? 0;
  }
  /** Calls `watcher` each time a subscription starts or ends; returns a function that removes it. */
  watch(watcher: (change: SubscriptionChange) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }
  private count(trigger: string, by: number): void {
    const live = this.subscriptions(trigger) + by;
    if (live) this.live.set(trigger, live);
    else this.live.delete(trigger);
    this.watchers.forEach((w) => w({ trigger, live, started: by > 0 }));
  }
}

/**
 * Puts every channel under `prefix:` so deployments (or test databases) sharing one Redis never hear each other's
 * events. The base class's iterators subscribe through `subscribe`, so they are namespaced too.
 */
export class NamespacedPubSub extends PubSubEngine {
  constructor(
    private readonly inner: PubSubEngine,
    private readonly prefix: string,
    /** Resolves when a subscription may be sent (see createEventBus). */
    private readonly subscribable: () => Promise<void> = async () => {},
  ) {
    super();
  }
  publish(trigger: string, payload: unknown): Promise<void> {
    return this.inner.publish(`${this.prefix}:${trigger}`, payload);
  }
  async subscribe(trigger: string, onMessage: (...args: any[]) => void, options: object): Promise<number> {
    await this.subscribable();
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
    const none = () => () => {};
    return { engine: new WatchedPubSub(new PubSub()), kind: 'memory', onResubscribed: none, hearing: () => true, onHearingChange: none, close: async () => {} };
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
  const resubscribed = new Set<() => void>();
  const hearingWatchers = new Set<(hearing: boolean) => void>();
  let hearing = false;
  const hear = (now: boolean) => {
    if (now === hearing) return;
    hearing = now;
    hearingWatchers.forEach((listener) => listener(now));
  };
  subscriber.on('close', () => hear(false)); // nothing published from now on reaches this process
  subscriber.on('ready', () => {
    // ioredis sends SUBSCRIBE for every channel it had just before 'ready'; a PING answered after them (one
    // connection answers in order) means Redis has applied them.
    subscriber.ping().then(
      () => {
        hear(true);
        resubscribed.forEach((listener) => listener());
      },
      () => undefined, // the connection dropped again: the next 'ready' tries again
    );
  });
  const redis = new RedisPubSub({ publisher, subscriber });
  // During the connection handshake (status 'connect') ioredis writes SUBSCRIBE at once (Redis accepts it while
  // loading); the reply turns the connection into a subscriber, the INFO ready check after it fails, and ioredis
  // reconnects without that channel, which then stays silent. So no SUBSCRIBE is sent until the handshake is over (in
  // the other states ioredis queues it until the connection is ready).
  const subscribable = () =>
    subscriber.status === 'connect' ? new Promise<void>((resolve) => subscriber.once('ready', () => resolve())) : Promise.resolve();
  return {
    engine: new WatchedPubSub(new NamespacedPubSub(redis, prefix, subscribable)),
    kind: 'redis',
    onResubscribed: (listener) => {
      resubscribed.add(listener);
      return () => resubscribed.delete(listener);
    },
    hearing: () => hearing,
    onHearingChange: (listener) => {
      hearingWatchers.add(listener);
      return () => hearingWatchers.delete(listener);
    },
    close: async () => {
      await redis.close();
    },
  };
}
