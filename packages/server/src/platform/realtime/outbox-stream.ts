import { EventEmitter } from 'node:events';
import { PubSub } from 'graphql-subscriptions';
import type { Logger } from '../logger';
import { WatchedPubSub, type EventBus } from '../pubsub';
import { RELAYED_EVENT_COLUMNS, toRelayedEvent, type RelayedEvent } from './outbox-relay';

/** The bus channel the relay publishes every outbox event, and its heartbeats, on. */
const CHANNEL = 'crm.outbox';
const PAGE = 500;

/** What the relay publishes between events to say it is working (`OutboxStream.heartbeat`); stored nowhere. */
interface Heartbeat {
  heartbeat: true;
}
const HEARTBEAT: Heartbeat = { heartbeat: true };
const isHeartbeat = (message: RelayedEvent | Heartbeat): message is Heartbeat => (message as Heartbeat).heartbeat === true;

export interface OutboxStreamOptions {
  bus: EventBus;
  /** Runs SQL on the application's pool (reads outbox_events). */
  query(sql: string, params: unknown[]): Promise<Array<Record<string, any>>>;
  /** The in-process channel subscriptions listen on for events of `type`. */
  channelOf(type: string): string;
  logger: Logger;
  /** Wait before retrying a read of the outbox that failed. */
  retryMs?: number;
  /**
   * The stream is live only if it heard a relay heartbeat within this long (default 750 ms; the relay beats every
   * OUTBOX_HEARTBEAT_MS, 250 ms by default).
   */
  heartbeatTimeoutMs?: number;
}

/**
 * The committed outbox events this process hands to its subscriptions: every one exactly once, in `seq` order, even
 * across a Redis outage. The relay publishes each event on one bus channel (`publish`); the stream receives it, drops
 * what it already delivered, and reads from outbox_events what it did not hear: a hole in the gap-free `seq` seen live,
 * and, each time the bus has re-subscribed after a disconnect, everything sequenced after the last event delivered
 * (Redis delivers a message only to connections subscribed when it is published). Subscriptions listen on `engine`,
 * in process, on `channelOf(event.type)`. Between events the relay's heartbeats on the same channel tell whether
 * events are flowing at all (`live`).
 */
export class OutboxStream {
  private readonly local = new EventEmitter().setMaxListeners(0); // one listener per live subscription
  readonly engine = new WatchedPubSub(new PubSub({ eventEmitter: this.local }));
  /** The seq of the last event delivered (or, at start, the newest sequenced one: older events are not ours). */
  private cursor = 0n;
  private chain: Promise<void> = Promise.resolve();
  private subscription: Promise<number | null> | null = null;
  private offResubscribed: (() => void) | null = null;
  private offHearing: (() => void) | null = null;
  private stopped = true;
  private subscribed = false;
  /** Whether a relay heartbeat was heard within `heartbeatTimeoutMs` (on the current subscription). */
  private beating = false;
  /** Heartbeats stopped while the bus was hearing: messages may have been lost without a reconnect (read them back). */
  private lapsed = false;
  /** Whether the current deadline for the next heartbeat was extended because this process itself was stalled. */
  private graced = false;
  private beatDeadline: NodeJS.Timeout | null = null;
  private beatDue = 0;
  private wasLive = false;
  private readonly liveWatchers = new Set<(live: boolean) => void>();

  constructor(private readonly o: OutboxStreamOptions) {
    this.engine.watch(({ trigger, live }) => o.logger.debug({ channel: trigger, subscriptions: live }, 'live subscriptions'));
  }

  /** Hands an event to every process's stream (the relay's `publish`). */
  publish(event: RelayedEvent): Promise<void> {
    return this.o.bus.engine.publish(CHANNEL, event);
  }

  /** Tells every process's stream that the relay is working (the relay's `heartbeat`). */
  heartbeat(): Promise<void> {
    return this.o.bus.engine.publish(CHANNEL, HEARTBEAT);
  }

  /** Starts from the newest sequenced event; does not wait for Redis (what is published meanwhile is read back). */
  async start(): Promise<void> {
    const [row] = await this.o.query('SELECT coalesce(max(seq), 0)::text AS seq FROM outbox_events', []);
    this.cursor = BigInt(row!.seq);
    this.stopped = false;
    this.offResubscribed = this.o.bus.onResubscribed(() => this.catchUp());
    this.offHearing = this.o.bus.onHearingChange((hearing) => {
      if (!hearing) this.beatsLost(false); // a heartbeat heard before the drop says nothing about the next subscription
      this.liveChanged();
    });
    const onMessage = (message: RelayedEvent | Heartbeat) => (isHeartbeat(message) ? this.heardBeat() : this.receive(message));
    this.subscription = this.o.bus.engine.subscribe(CHANNEL, onMessage, {}).then(
      (id) => {
        this.subscribed = true;
        this.liveChanged();
        this.catchUp(); // what was published before the subscription took effect
        return id;
      },
      (err) => {
        this.o.logger.error({ err }, 'outbox stream could not subscribe');
        return null;
      },
    );
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.offResubscribed?.();
    this.offHearing?.();
    this.subscribed = false;
    this.beatsLost(false);
    this.liveChanged();
    const subscription = this.subscription;
    this.subscription = null;
    void subscription?.then((id) => id !== null && this.o.bus.engine.unsubscribe(id)); // settles once Redis answers
    await this.chain;
  }

  /**
   * Whether every event committed from now on reaches this process within about a second: the stream runs, its
   * subscription is applied, the bus hears (with Redis: between a (re)subscription and the subscriber connection
   * dropping) and a relay heartbeat arrived on this subscription within `heartbeatTimeoutMs` (the relay holding the
   * lock is alive, its pass is not stuck, its publishing reaches the bus and the bus reaches this process). What is
   * missed while not live is read from the outbox later, so what relies on hearing events at once (the viewer cache)
   * must not trust itself meanwhile.
   */
  get live(): boolean {
    return !this.stopped && this.subscribed && this.o.bus.hearing() && this.beating;
  }

  /** Calls `watcher` each time `live` changes; returns a function that removes it. */
  onLiveChange(watcher: (live: boolean) => void): () => void {
    this.liveWatchers.add(watcher);
    return () => this.liveWatchers.delete(watcher);
  }

  private liveChanged(): void {
    const live = this.live;
    if (live === this.wasLive) return;
    this.wasLive = live;
    this.o.logger.info({ live }, live ? 'outbox stream live' : 'outbox stream not live: events are read back later');
    this.liveWatchers.forEach((w) => w(live));
  }

  private heardBeat(): void {
    if (this.stopped) return;
    this.graced = false;
    this.awaitBeat();
    if (this.beating) return;
    this.beating = true;
    if (this.lapsed) this.catchUp(); // what was published while heartbeats were not heard may not have been heard either
    this.lapsed = false;
    this.liveChanged();
  }

  private get beatTimeout(): number {
    return this.o.heartbeatTimeoutMs ?? 750;
  }

  /** (Re)sets the deadline for the next heartbeat to `heartbeatTimeoutMs` from now. */
  private awaitBeat(): void {
    this.beatDue = performance.now() + this.beatTimeout;
    if (this.beatDeadline) this.beatDeadline.refresh(); // also re-arms one that fired
    else (this.beatDeadline = setTimeout(() => this.beatMissed(), this.beatTimeout)).unref();
  }

  private beatMissed(): void {
    // Fired well after its time: this process itself was stalled, and heartbeats may be waiting unread in its socket.
    // Once per heartbeat, give them another timeout to be read.
    if (!this.graced && performance.now() - this.beatDue > this.beatTimeout / 3) {
      this.graced = true;
      return this.awaitBeat();
    }
    const lapsed = this.subscribed && this.o.bus.hearing();
    if (lapsed) this.o.logger.warn({ timeoutMs: this.beatTimeout }, 'no outbox relay heartbeat: the relay is down, stuck or cut off from the bus');
    this.beatsLost(lapsed);
    this.liveChanged();
  }

  /** No heartbeat counts any more; `lapsed`: the bus was hearing meanwhile (no reconnect will read back what it missed). */
  private beatsLost(lapsed: boolean): void {
    if (this.beatDeadline) clearTimeout(this.beatDeadline);
    this.beatDeadline = null;
    this.beating = false;
    this.lapsed = lapsed;
  }

  /** Live subscriptions on an in-process channel (`engine.watch` tells each change). */
  listenerCount(channel: string): number {
    return this.engine.subscriptions(channel);
  }

  private receive(event: RelayedEvent): void {
    this.enqueue(async () => {
      const seq = BigInt(event.seq);
      if (seq <= this.cursor) return; // already delivered (a relay re-sent it, or it was read from the outbox)
      if (seq > this.cursor + 1n) await this.read(seq); // a hole: events this process did not hear
      if (seq > this.cursor) this.deliver(event);
    });
  }

  private catchUp(): void {
    this.enqueue(() => this.read(null));
  }

  /** Delivers the events sequenced after the cursor (and before `before`), from the table, retrying until it can. */
  private async read(before: bigint | null): Promise<void> {
    let read = 0;
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        for (;;) {
          const rows = await this.o.query(
            `SELECT ${RELAYED_EVENT_COLUMNS} FROM outbox_events
              WHERE seq > $1 AND ($2::bigint IS NULL OR seq < $2) ORDER BY outbox_events.seq LIMIT $3`, // numeric order
            [this.cursor.toString(), before?.toString() ?? null, PAGE],
          );
          for (const row of rows) this.deliver(toRelayedEvent(row));
          read += rows.length;
          if (rows.length < PAGE) break;
        }
        if (read) {
          const fields = { events: read, lastEventId: this.cursor.toString() };
          this.o.logger.info(fields, 'delivered events not heard on the bus, read from the outbox');
        }
        return;
      } catch (err) {
        if (attempt === 0) this.o.logger.warn({ err }, 'outbox stream could not read missed events; retrying');
        await new Promise((r) => setTimeout(r, this.o.retryMs ?? 1_000));
      }
    }
  }

  private deliver(event: RelayedEvent): void {
    this.cursor = BigInt(event.seq);
    void this.engine.publish(this.o.channelOf(event.type), event);
  }

  /** Runs tasks one at a time, in arrival order: deliveries never overtake a read of the outbox. */
  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain
      .then(() => (this.stopped ? undefined : task()))
      .catch((err) => this.o.logger.error({ err }, 'outbox stream task failed'));
  }
}
