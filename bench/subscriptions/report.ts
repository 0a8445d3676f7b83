/** The subscriptions bench's result shape, its printed summary, and Redis CPU readings (INFO cpu). */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RelayStats, Production } from './database';

const serverRequire = createRequire(path.resolve(__dirname, '../../packages/server/package.json'));
const Redis = serverRequire('ioredis') as typeof import('ioredis').default;

export interface Result {
  at: string;
  config: { events: string; subscribers: number; rate: number; duration: number; servers: number; drain: number; startSeq: number; ownRedis: boolean };
  host: { cpus: number; memoryGb: number; node: string; loadAverageAtStart: number };
  production: Production;
  relay: RelayStats & {
    backlogAtEnd: number;
    /** What a plain Redis subscriber saw of the relay's publishes. */
    onRedis: {
      events: number;
      duplicates: number;
      outOfOrder: number;
      outOfRange: number;
      rate: number | null;
      latencyMs: { p50: number | null; p99: number | null; max: number | null };
    };
  };
  deliveries: {
    expected: number;
    delivered: number;
    unique: number;
    lost: number;
    /** Received but not allowed by the row rules (--events records). */
    unexpected: number;
    duplicated: number;
    outOfRange: number;
    errors: number;
    socketsClosedEarly: number;
    ratePerSecond: number;
    /** Measured events that reached no subscriber / some only, and the first few (seq, receivers). */
    coverage: { none: number; some: number; sample: Array<{ seq: number; receivers: number }> };
  };
  latencyMs: { p50: number | null; p95: number | null; p99: number | null; max: number | null };
  windowSeconds: number;
  cpuSeconds: Record<string, number>;
  machineBusyPercent: number | null;
  benchEventLoopDelayP99Ms: number;
  serverRssMaxMb: number[];
  timeline: Array<{
    second: number;
    delivered: number;
    deliveredInSecond?: number;
    worstLatencyMs?: number | null;
    backlog: number | null;
    serverRssMb: Array<number | null>;
  }>;
}

/** CPU seconds the Redis server has used (user + system), or null. */
export async function redisInfo(url: string): Promise<{ cpu: number } | null> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, connectionName: 'crm-bench' });
  try {
    await client.connect();
    const info = await client.info('cpu');
    const num = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? NaN);
    const cpu = num('used_cpu_user') + num('used_cpu_sys');
    return Number.isFinite(cpu) ? { cpu } : null;
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

const n = (v: number) => Math.round(v).toLocaleString('en-US');
const ms = (v: number | null) => (v === null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

export function report(r: Result, log: (line: string) => void): void {
  const { production: p, relay, deliveries: d, latencyMs: l } = r;
  log('');
  log(`subscribers ${n(r.config.subscribers)} on ${r.config.servers} server process(es); target ${n(r.config.rate)} events/s for ${r.config.duration} s`);
  log(`produced       ${n(p.produced)} of ${n(p.target)} events in ${p.seconds.toFixed(2)} s = ${n(p.produced / p.seconds)}/s ` +
    `(${n(p.statements)} INSERTs, slowest ${p.maxStatementMs.toFixed(1)} ms)`);
  const onRedis = relay.onRedis;
  log(`relay          on Redis ${n(onRedis.events)} events at ${onRedis.rate === null ? '—' : n(onRedis.rate)}/s, ` +
    `occurred_at→on Redis p50 ${ms(onRedis.latencyMs.p50)} p99 ${ms(onRedis.latencyMs.p99)} max ${ms(onRedis.latencyMs.max)}` +
    `${onRedis.duplicates ? `, ${n(onRedis.duplicates)} published twice` : ''}` +
    `${onRedis.outOfOrder ? `; ${n(onRedis.outOfOrder)} published OUT OF ORDER (after a higher seq)` : ''}`);
  log(`               outbox: ${n(relay.sequenced)} sequenced${relay.seqConsecutive ? '' : ' (seqs NOT consecutive)'}, ` +
    `${n(relay.published)} marked published; ${n(relay.backlogAtEnd)} unsequenced or unmarked at the end`);
  log(`deliveries     expected ${n(d.expected)}, delivered ${n(d.delivered)} (${n(d.ratePerSecond)}/s over ${r.windowSeconds.toFixed(1)} s)`);
  const notOnRedis = Math.min(d.lost, (p.produced - onRedis.events) * r.config.subscribers);
  log(`               lost ${n(d.lost)} (${d.expected ? ((100 * d.lost) / d.expected).toFixed(2) : '0'}%: ${n(notOnRedis)} never published, ` +
    `${n(d.lost - notOnRedis)} published but not received), duplicated ${n(d.duplicated)}, ` +
    `received against the row rules ${n(d.unexpected)}, errors ${n(d.errors)}, sockets closed early ${n(d.socketsClosedEarly)}, foreign ids ${n(d.outOfRange)}`);
  if (d.coverage.none + d.coverage.some) {
    log(`               events received by nobody ${n(d.coverage.none)}, by some only ${n(d.coverage.some)}; ` +
      `first: ${d.coverage.sample.slice(0, 6).map((e) => `#${e.seq}→${e.receivers}`).join(' ')}`);
  }
  log(`latency        p50 ${ms(l.p50)}  p95 ${ms(l.p95)}  p99 ${ms(l.p99)}  max ${ms(l.max)}   (occurred_at → receipt; ±0.5 ms)`);
  log(`cpu seconds    ${Object.entries(r.cpuSeconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}` +
    `${r.machineBusyPercent === null ? '' : `; machine ${r.machineBusyPercent.toFixed(0)}% busy (all users)`}`);
  log(`bench          event-loop delay p99 ${r.benchEventLoopDelayP99Ms.toFixed(1)} ms; server RSS max ${r.serverRssMaxMb.map((m) => `${n(m)} MB`).join(', ')}`);
  log('');
  log('second  delivered/s  worst latency  relay backlog');
  for (const s of r.timeline) {
    log(`${String(s.second).padStart(6)}  ${n(s.deliveredInSecond ?? 0).padStart(11)}  ${ms(s.worstLatencyMs ?? null).padStart(13)}  ${s.backlog === null ? '—' : n(s.backlog).padStart(13)}`);
  }
}
