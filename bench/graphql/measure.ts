/**
 * One database's part of the GraphQL bench: check that every contender returns the same data for every workload,
 * then measure them in alternating rounds with autocannon, counting SQL statements through each one's proxy.
 */
import autocannon from 'autocannon';
import { post, type Contender } from './contenders';
import type { Operation, Workload } from './workloads';

export interface Sample {
  reqPerSec: number;
  p50: number;
  p99: number;
  /** SQL statements per response (null when no response). */
  sqlPerRequest: number | null;
  responses: number;
  /** Non-2xx, connection errors, timeouts, and bodies unlike the checked one. */
  failures: number;
}

export interface Options {
  duration: number;
  rounds: number;
  concurrency: number;
  warmup: number;
}

/** Same JSON whatever the key order. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** Where two canonical answers first differ, for the error message. */
function firstDifference(a: unknown, b: unknown, where = '$'): string {
  if (stable(a) === stable(b)) return '';
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${where}: ${a.length} items vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${where}[${i}]`);
      if (d) return d;
    }
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${where}.${k}`);
      if (d) return d;
    }
  }
  return `${where}: ${JSON.stringify(a)?.slice(0, 300)} vs ${JSON.stringify(b)?.slice(0, 300)}`;
}

const hasRows = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 : v && typeof v === 'object' ? Object.values(v).some(hasRows) : v !== null && v !== undefined;

export interface Checked {
  /** The operation each contender runs. */
  operation: Map<string, Operation>;
  /** The exact body every response must have under load (when the answer is deterministic). */
  body: Map<string, string | undefined>;
  /** The SQL text each contender sent for the first answer (simple queries and newly parsed statements). */
  sql: Map<string, string[]>;
}

/**
 * Asks every contender once (twice, to see whether the answer is deterministic), fails on GraphQL errors, an empty
 * answer, or any difference between the canonical forms (ours vs PostGraphile vs baseline vs the plain-SQL rows).
 */
export async function check(w: Workload, contenders: Contender[], peerOperation: (c: Contender) => Promise<Operation | undefined>): Promise<Checked> {
  const operation = new Map<string, Operation>();
  const body = new Map<string, string | undefined>();
  const sql = new Map<string, string[]>();
  let reference: { name: string; canonical: unknown } | null = w.expected ? { name: 'plain SQL', canonical: w.expected } : null;
  for (const c of contenders) {
    const op = c.kind === 'ours' ? w.ours.operation : await peerOperation(c);
    const side = c.kind === 'ours' ? w.ours : w.peer;
    if (!op || !side) continue;
    c.counter.capture = [];
    const first = await post(c, op).finally(() => {
      sql.set(c.name, c.counter.capture!.filter((s) => !c.background.has(s.app)).map((s) => s.text));
      c.counter.capture = null;
    });
    if (first.json.errors?.length || !first.json.data) {
      throw new Error(`${w.name}: ${c.name} answered with errors: ${JSON.stringify(first.json.errors ?? first.json).slice(0, 800)}`);
    }
    const canonical = side.canonical(first.json.data);
    if (!hasRows(canonical)) throw new Error(`${w.name}: ${c.name} returned no rows; the comparison would prove nothing`);
    if (reference) {
      const diff = firstDifference(canonical, reference.canonical);
      if (diff) throw new Error(`${w.name}: ${c.name} and ${reference.name} return different data. First difference: ${diff}`);
    } else reference = { name: c.name, canonical };
    const second = await post(c, op);
    operation.set(c.name, op);
    body.set(c.name, second.text === first.text ? first.text : undefined);
  }
  return { operation, body, sql };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `c` has sent no SQL for 300 ms (at most 30 s). When autocannon stops, the requests in flight are
 * abandoned, but the server may still be working on them (ours queues operations above GRAPHQL_HEAVY_COST one at a
 * time per process): without this, that backlog would run during the next measurement, of this or another server.
 */
async function settle(c: Contender): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = c.counter.total(c.background);
  let quiet = 0;
  while (quiet < 3 && Date.now() < deadline) {
    await sleep(100);
    const now = c.counter.total(c.background);
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

/** One autocannon run of `op` against `c`; statements counted through its proxy. */
export async function load(c: Contender, op: Operation, body: string | undefined, seconds: number, connections: number): Promise<Sample> {
  const before = c.counter.total(c.background);
  const r = await autocannon({
    url: c.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...c.headers },
    body: JSON.stringify(op),
    connections,
    duration: seconds,
    ...(body !== undefined && { expectBody: body }),
  });
  const statements = c.counter.total(c.background) - before;
  await settle(c);
  const responses = r['2xx'] + r.non2xx;
  const mismatches = (r as unknown as { mismatches?: number }).mismatches ?? 0;
  return {
    reqPerSec: responses / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    sqlPerRequest: responses ? statements / responses : null,
    responses,
    // No response at all in the window is a failure too (e.g. every request queued behind earlier ones).
    failures: r.non2xx + r.errors + r.timeouts + mismatches + (responses === 0 ? 1 : 0),
  };
}

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Warm-up, then `rounds` rounds; in each, every workload runs on every contender in turn, the order rotating from round
 * to round (ours, peer, … then peer, …, ours) so neither side always follows the other.
 */
export async function measure(
  workloads: Workload[],
  contenders: Contender[],
  checked: Map<string, Checked>,
  o: Options,
): Promise<Map<string, Map<string, Sample[]>>> {
  const samples = new Map<string, Map<string, Sample[]>>(workloads.map((w) => [w.name, new Map()]));
  const runners = (w: Workload) => contenders.filter((c) => checked.get(w.name)!.operation.has(c.name));
  if (o.warmup > 0) {
    for (const w of workloads) {
      for (const c of runners(w)) await load(c, checked.get(w.name)!.operation.get(c.name)!, undefined, o.warmup, w.concurrency ?? o.concurrency);
    }
  }
  for (let round = 0; round < o.rounds; round++) {
    for (const c of contenders) await c.refresh();
    for (const w of workloads) {
      const list = runners(w);
      const order = list.map((_, i) => list[(i + round) % list.length]!);
      for (const c of order) {
        const s = await load(c, checked.get(w.name)!.operation.get(c.name)!, checked.get(w.name)!.body.get(c.name), o.duration, w.concurrency ?? o.concurrency);
        const byContender = samples.get(w.name)!;
        byContender.set(c.name, [...(byContender.get(c.name) ?? []), s]);
        log(
          `round ${round + 1}/${o.rounds} ${w.name.padEnd(14)} ${c.name.padEnd(12)} ${s.reqPerSec.toFixed(1).padStart(8)} req/s  p50 ${s.p50} ms  p99 ${s.p99} ms  ` +
            `SQL/req ${s.sqlPerRequest?.toFixed(2) ?? '-'}${s.failures ? `  FAILURES ${s.failures}` : ''}`,
        );
      }
    }
  }
  return samples;
}
