/**
 * A plain Redis subscriber on the channel the relay publishes every outbox event to. It sees each event once, when
 * the relay publishes it, so it splits the delivery latency into the relay's part (occurred_at → on Redis) and the
 * servers' fan-out (on Redis → client). The outbox's `published_at` cannot do that: it is set per batch of up to
 * 500 rows, after the whole batch went out.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Redis as RedisClient } from 'ioredis';
import { Histogram } from './subscribers';

const serverRequire = createRequire(path.resolve(__dirname, '../../packages/server/package.json'));
const Redis = serverRequire('ioredis') as typeof import('ioredis').default;

// CACHE_PREFIX (default `crm`) + the outbox stream's channel (platform/realtime/outbox-stream.ts), which also carries
// the relay's heartbeats.
export const CHANNEL = 'crm:crm.outbox';

export class RedisTap {
  private client: RedisClient | null = null;
  private base = Number.POSITIVE_INFINITY;
  private target = 0;
  private seen = new Uint8Array(0);
  readonly latency = new Histogram();
  unique = 0;
  duplicates = 0;
  /** ids beyond the measured range (another publisher on this Redis). */
  outOfRange = 0;
  /** Events published after one with a higher seq: live subscribers drop them (realtime.service.ts keeps seq order). */
  outOfOrder = 0;
  private highest = 0;
  private first = 0;
  private last = 0;

  async start(url: string): Promise<void> {
    const client = new Redis(url, { connectionName: 'crm-bench-tap', maxRetriesPerRequest: null });
    client.on('error', () => undefined);
    client.on('message', (_channel: string, message: string) => {
      const now = performance.timeOrigin + performance.now();
      const e = JSON.parse(message) as { seq?: string; occurredAt?: string };
      if (e.seq === undefined || e.occurredAt === undefined) return; // a heartbeat
      this.record(Number(e.seq), Date.parse(e.occurredAt), now);
    });
    await client.subscribe(CHANNEL);
    this.client = client;
  }

  measure(base: number, target: number): void {
    this.seen = new Uint8Array(Math.ceil(target / 8));
    this.target = target;
    this.base = base;
  }

  private record(seq: number, sentMs: number, now: number): void {
    if (seq < this.highest) this.outOfOrder += seq > this.base ? 1 : 0;
    this.highest = Math.max(this.highest, seq);
    if (seq <= this.base) return;
    const k = seq - this.base - 1;
    if (k >= this.target) {
      this.outOfRange++;
      return;
    }
    const bit = 1 << (k & 7);
    if (this.seen[k >> 3]! & bit) {
      this.duplicates++;
      return;
    }
    this.seen[k >> 3]! |= bit;
    this.unique++;
    this.latency.record(now - sentMs);
    this.first ||= now;
    this.last = now;
  }

  /** Measured events seen per second, from the first to the last one seen. */
  get rate(): number | null {
    return this.last > this.first ? (this.unique - 1) / ((this.last - this.first) / 1000) : null;
  }

  async close(): Promise<void> {
    this.client?.disconnect();
    this.client = null;
  }
}
