import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import { badUserInput } from '../../platform/errors';
import type { Loaders } from '../loaders';
import { channelOf, type OutboxEventModel, type OutboxEventType } from './outbox-event';
import { Audiences, viewerKey } from './audiences';
import { canReceive, type EventRegistry } from './realtime.policy';

type Accept = (event: OutboxEventModel) => boolean;

/** An event the viewer may receive, with the fresh loaders it was checked with (current data, current rules). */
export interface Delivery {
  event: OutboxEventModel;
  loaders: Loaders;
}

/** Live event streams for subscriptions, and the catch-up query for clients that reconnect. */
export class RealtimeService {
  private readonly audiences: Audiences;

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
    const leave = this.audiences.join(viewer, types);
    const key = viewerKey(viewer);
    // Each event's check starts when it arrives (checks of successive events overlap; one event's is shared by all
    // subscribers of the process); deliveries still leave in arrival order.
    const queue: Array<Promise<Delivery | null>> = [];
    let wake: (() => void) | null = null;
    let lastSeq = 0n;
    let closed = false;
    const onEvent = (event: OutboxEventModel) => {
      const seq = BigInt(event.seq);
      if (closed || seq <= lastSeq || !types.includes(event.type) || !accept(event)) return;
      lastSeq = seq;
      const delivery = this.receivable(viewer, key, event).then((loaders) => loaders && { event, loaders });
      delivery.catch(() => undefined); // rejects in next(), in its turn
      queue.push(delivery);
      wake?.();
    };
    const ids = Promise.all([...new Set(types.map(channelOf))].map((channel) => this.engine.subscribe(channel, onEvent, {})));
    const done: IteratorResult<Delivery> = { done: true, value: undefined };
    const close = async () => {
      if (closed) return done;
      closed = true;
      leave();
      queue.length = 0;
      wake?.();
      for (const id of await ids) this.engine.unsubscribe(id);
      return done;
    };
    const next = async (): Promise<IteratorResult<Delivery>> => {
      await ids;
      for (;;) {
        if (closed) return done;
        const head = queue.shift();
        if (!head) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        const delivery = await head;
        if (delivery && !closed) return { done: false, value: delivery };
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
   * The fresh loaders to deliver `event` to `viewer` with, or null when they may not receive it: decided once for
   * all of this process's subscribers when the event declares an `audience` (and the viewer was subscribed when it
   * was decided), else by the event's `receive` for this viewer alone.
   */
  private async receivable(viewer: Viewer, key: string, event: OutboxEventModel): Promise<Loaders | null> {
    const definition = this.registry.get(event.type);
    const decision = definition && (await this.audiences.decide(event, definition));
    const sees = decision?.sees.get(key);
    if (sees === false) return null;
    const loaders = this.loadersFor(viewer);
    if (sees === undefined) return (await canReceive(this.registry, viewer, event, loaders)) ? loaders : null;
    decision!.prime?.(loaders);
    return loaders;
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
