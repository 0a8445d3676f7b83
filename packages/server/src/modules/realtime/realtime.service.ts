import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import { badUserInput } from '../../platform/errors';
import type { Loaders } from '../loaders';
import { channelOf, type OutboxEventModel, type OutboxEventType } from './outbox-event';
import { Audiences } from './audiences';
import { canReceive, type EventRegistry } from './realtime.policy';

type Accept = (event: OutboxEventModel) => boolean;

/** An event the viewer may receive, with the fresh loaders it was checked with (current data, current rules). */
export interface Delivery {
  event: OutboxEventModel;
  loaders: Loaders;
}

const seqs = new WeakMap<OutboxEventModel, bigint>();
/** An event's `seq` as a number, parsed once for all the subscriptions it is published to in process. */
function seqOf(event: OutboxEventModel): bigint {
  let seq = seqs.get(event);
  if (seq === undefined) seqs.set(event, (seq = BigInt(event.seq)));
  return seq;
}

/** How long handing out events may hold the event loop before it lets I/O in. */
const YIELD_MS = 10;

/** One live subscription of this process. */
interface Live {
  viewer: Viewer;
  closed: boolean;
  /** Hands it an event it may receive (or the pending check whether it may), in arrival order. */
  push(delivery: Delivery | Promise<Delivery | null>): void;
}

/** An event as it arrived, with the subscriptions that took it; handed to them when its check is done. */
interface Arrival {
  event: OutboxEventModel;
  subs: Live[];
  /** Set when its check has started; settles (never rejects) with what to hand each subscription. */
  ready: Promise<(live: Live, i: number) => Delivery | Promise<Delivery | null> | null> | null;
}

/** Live event streams for subscriptions, and the catch-up query for clients that reconnect. */
export class RealtimeService {
  private readonly audiences: Audiences;
  /** Events taken by subscriptions, in arrival order, until their check is done and they are handed out. */
  private readonly arrivals: Arrival[] = [];
  private handing = false;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: PubSubEngine,
    /** Fresh request loaders for a viewer (bound to their row-level rules). */
    private readonly loadersFor: (viewer: Viewer) => Loaders,
    /** Every declared event, for its receiving rule and GraphQL type. */
    private readonly registry: EventRegistry,
  ) {
    this.audiences = new Audiences(ds);
  }

  /** The `RealtimeEvent` member an event is delivered as (null: servers only). */
  graphqlTypeOf(type: string): string | null {
    return this.registry.get(type)?.graphqlType ?? null;
  }

  /**
   * Events of `types` (after `accept` on the payload) that the viewer may receive at delivery time, each at most once
   * and in order (duplicates and replays by `seq` are dropped). Each comes with the fresh loaders it was checked with,
   * for the payload to resolve with current data and current rules.
   */
  subscribe(viewer: Viewer, types: OutboxEventType[], accept: Accept = () => true): AsyncIterableIterator<Delivery> {
    const queue: Array<Delivery | Promise<Delivery | null>> = [];
    let wake: (() => void) | null = null;
    let lastSeq = 0n;
    const live: Live = {
      viewer,
      closed: false,
      push: (delivery) => {
        queue.push(delivery);
        wake?.();
      },
    };
    const onEvent = (event: OutboxEventModel) => {
      if (live.closed || !types.includes(event.type)) return;
      const seq = seqOf(event);
      if (seq <= lastSeq || !accept(event)) return;
      lastSeq = seq;
      this.arrive(event, live);
    };
    const ids = Promise.all([...new Set(types.map(channelOf))].map((channel) => this.engine.subscribe(channel, onEvent, {})));
    const done: IteratorResult<Delivery> = { done: true, value: undefined };
    const close = async () => {
      if (live.closed) return done;
      live.closed = true;
      queue.length = 0;
      wake?.();
      for (const id of await ids) this.engine.unsubscribe(id);
      return done;
    };
    const next = async (): Promise<IteratorResult<Delivery>> => {
      await ids;
      for (;;) {
        if (live.closed) return done;
        const head = queue.shift();
        if (!head) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        const delivery = head instanceof Promise ? await head : head;
        if (delivery && !live.closed) return { done: false, value: delivery };
      }
    };
    const iterator: AsyncIterableIterator<Delivery> = {
      next,
      return: close,
      throw: close,
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /**
   * A subscription takes an event. The subscriptions of one event are called one after the other as it is published
   * in process, so they gather in one arrival, whose check starts right after: once for all of them when the event
   * declares an `audience` (batched with other events' by `Audiences`), else each subscription's `receive`.
   */
  private arrive(event: OutboxEventModel, live: Live): void {
    const last = this.arrivals.at(-1);
    if (last && last.event === event && !last.ready) {
      last.subs.push(live);
      return;
    }
    const arrival: Arrival = { event, subs: [live], ready: null };
    this.arrivals.push(arrival);
    queueMicrotask(() => {
      arrival.ready = this.check(arrival);
      void this.handOut();
    });
  }

  /** What to hand each subscription of an arrival: decided once for all of them, or each checked alone. */
  private check({ event, subs }: Arrival): NonNullable<Arrival['ready']> {
    const definition = this.registry.get(event.type);
    const alone = () => {
      const checks = subs.map((live) => this.receivable(live.viewer, event));
      for (const c of checks) c.catch(() => undefined); // rejects in the subscription's next(), in its turn
      return (_: Live, i: number) => checks[i]!;
    };
    if (!definition?.audience) return Promise.resolve(alone());
    const viewers = subs.map((live) => live.viewer);
    return this.audiences.decide(event, definition, viewers).then(
      ({ sees, prime }) =>
        (live: Live, i: number) => {
          if (!sees[i]) return null;
          const loaders = this.loadersFor(live.viewer);
          prime?.(loaders);
          return { event, loaders };
        },
      () => alone(), // the shared check failed: each subscription checks alone (and fails alone)
    );
  }

  /**
   * Hands checked events to their subscriptions, strictly in arrival order. A batch of decisions settles many events
   * at once, and each delivery is executed and sent in the microtasks that follow; every `YIELD_MS` of that it lets
   * I/O in (the relay's round trips, Redis, sockets), instead of holding the event loop for the whole batch.
   */
  private async handOut(): Promise<void> {
    if (this.handing) return;
    this.handing = true;
    try {
      let since = performance.now();
      while (this.arrivals[0]?.ready) {
        const arrival = this.arrivals[0];
        const deliveryFor = (await arrival.ready)!;
        this.arrivals.shift();
        arrival.subs.forEach((live, i) => {
          if (live.closed) return;
          const delivery = deliveryFor(live, i);
          if (delivery) live.push(delivery);
        });
        if (performance.now() - since > YIELD_MS) {
          await new Promise((resolve) => setImmediate(resolve)); // after this arrival's deliveries (microtasks) ran
          since = performance.now();
        }
      }
    } finally {
      this.handing = false;
    }
  }

  /** The fresh loaders to deliver `event` to `viewer` with, by the event's own `receive` (null: may not receive it). */
  private async receivable(viewer: Viewer, event: OutboxEventModel): Promise<Delivery | null> {
    const loaders = this.loadersFor(viewer);
    return (await canReceive(this.registry, viewer, event, loaders)) ? { event, loaders } : null;
  }

  /** Published events after `since` that the viewer may receive (checked with the request's `loaders`), oldest first. */
  async missed(viewer: Viewer, loaders: Loaders, since: string, first: number) {
    if (!/^\d{1,19}$/.test(since)) throw badUserInput('`since` must be an event id (a decimal string).', 'since');
    if (first < 1 || first > 500) throw badUserInput('`first` must be between 1 and 500.', 'first');
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT seq::text, type, entity_id, team_id, recipient_id, data, occurred_at FROM outbox_events
        WHERE seq > $1 AND published_at IS NOT NULL ORDER BY outbox_events.seq LIMIT $2`, // numeric, not the text alias
      [since, first + 1],
    );
    const page = rows.slice(0, first).map(toModel);
    const events: OutboxEventModel[] = [];
    for (const event of page) if (await canReceive(this.registry, viewer, event, loaders)) events.push(event);
    return { events, lastEventId: page.at(-1)?.seq ?? since, hasMore: rows.length > first };
  }

  async latest(): Promise<string> {
    const [row] = await this.ds.query('SELECT coalesce(max(seq), 0)::text AS seq FROM outbox_events WHERE published_at IS NOT NULL');
    return row.seq;
  }
}

function toModel(r: Record<string, unknown>): OutboxEventModel {
  return {
    seq: r.seq as string,
    type: r.type as OutboxEventType,
    entityId: (r.entity_id as string | null) ?? null,
    teamId: (r.team_id as string | null) ?? null,
    recipientId: (r.recipient_id as string | null) ?? null,
    data: (r.data as Record<string, unknown>) ?? {},
    occurredAt: new Date(r.occurred_at as string).toISOString(),
  };
}
