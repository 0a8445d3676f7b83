/**
 * N graphql-ws clients, each on its own WebSocket and subscribed to `dashboardUpdated`, and the recorder that counts
 * what they receive: per subscriber a bitmap over the measured events (lost = not set, duplicated = set twice) and
 * one latency histogram (occurred_at → receipt, 0.1 ms buckets) for all of them.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Client } from 'graphql-ws';

const serverRequire = createRequire(path.resolve(__dirname, '../../packages/server/package.json'));
const WebSocket = serverRequire('ws') as typeof import('ws');
const { createClient } = serverRequire('graphql-ws') as typeof import('graphql-ws');

export const SUBSCRIPTION = 'subscription { dashboardUpdated { eventId occurredAt } }';
const BUCKETS_PER_MS = 10;
const MAX_BUCKET = 120_000 * BUCKETS_PER_MS; // 120 s; slower ones land in the last bucket

/** Latencies in 0.1 ms buckets up to 120 s. */
export class Histogram {
  private readonly buckets = new Uint32Array(MAX_BUCKET + 1);
  count = 0;

  record(ms: number): void {
    this.buckets[Math.min(MAX_BUCKET, Math.floor(Math.max(0, ms) * BUCKETS_PER_MS))]!++;
    this.count++;
  }

  /** The latency (ms) at percentile `p`, to the 0.1 ms bucket. */
  percentile(p: number): number | null {
    if (!this.count) return null;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let b = 0; b <= MAX_BUCKET; b++) {
      seen += this.buckets[b]!;
      if (seen >= rank) return b / BUCKETS_PER_MS;
    }
    return null;
  }

  max(): number | null {
    for (let b = MAX_BUCKET; b >= 0; b--) if (this.buckets[b]) return b / BUCKETS_PER_MS;
    return null;
  }
}

export class Recorder {
  /** Events with seq ≤ base are warm-up (readiness probes); measured events are base+1 … base+target. */
  private base = Number.POSITIVE_INFINITY;
  private target = 0;
  private t0 = 0;
  private seen: Uint8Array[] = [];
  readonly latency = new Histogram();
  readonly warm: Uint32Array;
  unique = 0;
  duplicates = 0;
  /** Measured-looking ids beyond the events produced (another publisher on the same Redis channel). */
  outOfRange = 0;
  errors = 0;
  /** Per second since production started: deliveries and the worst latency among them. */
  readonly perSecond: number[] = [];
  readonly worstPerSecond: number[] = [];

  constructor(readonly subscribers: number) {
    this.warm = new Uint32Array(subscribers);
  }

  /** Starts counting: events after `base`, `target` of them; `t0` is when production starts (epoch ms). */
  measure(base: number, target: number, t0: number): void {
    this.seen = Array.from({ length: this.subscribers }, () => new Uint8Array(Math.ceil(target / 8)));
    this.target = target;
    this.t0 = t0;
    this.base = base;
  }

  record(sub: number, seq: number, sentMs: number, nowMs: number): void {
    if (seq <= this.base) {
      this.warm[sub]!++;
      return;
    }
    const k = seq - this.base - 1;
    if (k >= this.target) {
      this.outOfRange++;
      return;
    }
    const bits = this.seen[sub]!;
    const bit = 1 << (k & 7);
    if (bits[k >> 3]! & bit) {
      this.duplicates++;
      return;
    }
    bits[k >> 3]! |= bit;
    this.unique++;
    const latency = Math.max(0, nowMs - sentMs);
    this.latency.record(latency);
    const s = Math.max(0, Math.floor((nowMs - this.t0) / 1000));
    this.perSecond[s] = (this.perSecond[s] ?? 0) + 1;
    this.worstPerSecond[s] = Math.max(this.worstPerSecond[s] ?? 0, latency);
  }

  /** Measured events that reached no subscriber / only some, and the first few of them (seq, receivers). */
  coverage(limit = 20): { none: number; some: number; sample: Array<{ seq: number; receivers: number }> } {
    let none = 0;
    let some = 0;
    const sample: Array<{ seq: number; receivers: number }> = [];
    for (let k = 0; k < this.target; k++) {
      let receivers = 0;
      for (const bits of this.seen) if (bits[k >> 3]! & (1 << (k & 7))) receivers++;
      if (receivers === this.subscribers) continue;
      if (receivers === 0) none++;
      else some++;
      if (sample.length < limit) sample.push({ seq: this.base + 1 + k, receivers });
    }
    return { none, some, sample };
  }

  /**
   * Against who should have received what (`sees(sub, k)` for measured event k): pairs expected, expected but not
   * received (lost), and received but not expected (a row rule broken).
   */
  tally(sees: (sub: number, k: number) => boolean): { expected: number; lost: number; unexpected: number } {
    let expected = 0;
    let lost = 0;
    let unexpected = 0;
    for (let sub = 0; sub < this.subscribers; sub++) {
      const bits = this.seen[sub]!;
      for (let k = 0; k < this.target; k++) {
        const got = (bits[k >> 3]! & (1 << (k & 7))) !== 0;
        const want = sees(sub, k);
        if (want) expected++;
        if (want && !got) lost++;
        if (got && !want) unexpected++;
      }
    }
    return { expected, lost, unexpected };
  }

  get delivered(): number {
    return this.unique + this.duplicates;
  }

  get allWarm(): boolean {
    return this.warm.every((n) => n > 0);
  }
}

export interface Subscribers {
  clients: Client[];
  /** Sockets that closed while the bench was running (each loses the rest of its events). */
  closedEarly: () => number;
  dispose(): Promise<void>;
}

/**
 * Opens `n` clients spread evenly over `wsUrls` (client i on server i mod k), `concurrency` connections at a time,
 * waits until each has been acknowledged (`connection_ack`), then subscribes them all.
 */
/** What client i subscribes with: its token, its operation, and the root field and record its results carry. */
export interface Plan {
  token: string;
  query: string;
  field: string;
  /** The record the payload must carry (null: none, as `dashboardUpdated`). */
  record: string | null;
}

export const dashboardPlan = (token: string): Plan => ({ token, query: SUBSCRIPTION, field: 'dashboardUpdated', record: null });

export async function openSubscribers(wsUrls: string[], plan: (i: number) => Plan, n: number, rec: Recorder, concurrency = 100): Promise<Subscribers> {
  const clients: Client[] = [];
  let disposing = false;
  let closedEarly = 0;
  for (let start = 0; start < n; start += concurrency) {
    const batch: Array<Promise<void>> = [];
    for (let i = start; i < Math.min(n, start + concurrency); i++) {
      const client = createClient({
        url: wsUrls[i % wsUrls.length]!,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${plan(i).token}` },
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: () => undefined,
      });
      clients.push(client);
      batch.push(
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`client ${i} was not acknowledged within 30 s`)), 30_000);
          client.on('connected', () => (clearTimeout(timer), resolve()));
          client.on('closed', (e) => {
            clearTimeout(timer);
            if (!disposing) closedEarly++;
            reject(new Error(`client ${i} closed: ${(e as { code?: number; reason?: string }).code ?? ''} ${(e as { reason?: string }).reason ?? ''}`));
          });
        }),
      );
    }
    await Promise.all(batch);
  }
  clients.forEach((client, i) => {
    const { query, field, record } = plan(i);
    client.subscribe<Record<string, { eventId: string; occurredAt: string } & Record<string, unknown>>>(
      { query },
      {
        next: (r) => {
          const now = performance.timeOrigin + performance.now();
          const e = r.data?.[field];
          if (!e || r.errors || (record && !e[record])) {
            rec.errors++;
            return;
          }
          rec.record(i, Number(e.eventId), Date.parse(e.occurredAt), now);
        },
        error: () => {
          if (!disposing) rec.errors++;
        },
        complete: () => undefined,
      },
    );
  });
  return {
    clients,
    closedEarly: () => closedEarly,
    dispose: async () => {
      disposing = true;
      await Promise.all(clients.map((c) => c.dispose()));
    },
  };
}
