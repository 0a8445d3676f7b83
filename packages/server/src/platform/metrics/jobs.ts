import { DURATION_BUCKETS, type MetricsRegistry } from './metrics';

/** Runs SQL on the job queue's own pool (pg-boss's `executeSql`). */
export type JobSql = (text: string, values: unknown[]) => Promise<{ rows: any[] }>;

/**
 * Background jobs, labelled by `queue` (the job's name: pg-boss has a queue per kind of job; `job` is Prometheus's own
 * target label): runs in this process by outcome and their duration, runs in progress, the last successful run of
 * each job (any process; from pg-boss's tables once at start, then from every success seen here), the expected time
 * between runs of scheduled jobs (from their cron), and at scrape time the jobs waiting in each queue (ready to run, or
 * deferred: a retry after backoff or a later start) from pg-boss's fetch index.
 */
export class JobMetrics {
  private readonly runs;
  private readonly duration;
  private readonly inProgress;
  private readonly lastSuccess;
  private readonly interval;
  private readonly waiting;
  /** The value of `lastSuccess` per job. */
  private readonly succeededAt = new Map<string, number>();

  constructor(private readonly metrics: MetricsRegistry) {
    this.runs = metrics.counter({ name: 'crm_job_runs_total', help: 'Job runs finished in this process, by job and outcome (completed, failed).', labelNames: ['queue', 'outcome'] });
    this.duration = metrics.histogram({
      name: 'crm_job_run_duration_seconds',
      help: 'Duration of job runs in this process, by job.',
      labelNames: ['queue'],
      buckets: [...DURATION_BUCKETS, 30, 60, 300, 900],
    });
    this.inProgress = metrics.gauge({ name: 'crm_job_runs_in_progress', help: 'Job runs under way in this process, by job.', labelNames: ['queue'] });
    this.lastSuccess = metrics.gauge({
      name: 'crm_job_last_success_timestamp_seconds',
      help: 'When the last run of a job completed successfully (in any process), Unix seconds.',
      labelNames: ['queue'],
    });
    this.interval = metrics.gauge({
      name: 'crm_job_schedule_interval_seconds',
      help: 'Longest time between two runs of a scheduled job by its cron (UTC).',
      labelNames: ['queue'],
    });
    this.waiting = metrics.gauge({
      name: 'crm_job_queue_jobs',
      help: 'Jobs waiting in a queue, by state (ready: due now; deferred: a retry after backoff or a later start).',
      labelNames: ['queue', 'state'],
    });
  }

  /** The queue's jobs; their schedules' intervals are set now. */
  defined(definitions: ReadonlyArray<{ name: string; schedule?: string }>): void {
    for (const d of definitions) {
      if (!d.schedule) continue;
      const seconds = cronIntervalSeconds(d.schedule);
      if (seconds !== null) this.interval.set({ queue: d.name }, seconds);
    }
  }

  /** A run begins; call the returned function with its outcome when it ends. */
  started(queue: string): (outcome: 'completed' | 'failed') => void {
    const end = this.duration.startTimer({ queue });
    this.inProgress.inc({ queue });
    return (outcome) => {
      end();
      this.inProgress.dec({ queue });
      this.runs.inc({ queue, outcome });
      if (outcome === 'completed') this.succeeded(queue, Date.now() / 1000);
    };
  }

  private succeeded(queue: string, at: number): void {
    if (at <= (this.succeededAt.get(queue) ?? 0)) return;
    this.succeededAt.set(queue, at);
    this.lastSuccess.set({ queue }, at);
  }

  /**
   * Reads the last success of each job from pg-boss (queued and archived runs: a scan done once, in the background)
   * and counts waiting jobs on every scrape. Returns a function that stops the scrape-time reads.
   */
  follow(sql: JobSql, names: readonly string[]): { ready: Promise<void>; stop: () => void } {
    const ready = sql(
      `SELECT name, extract(epoch FROM max(completed_on))::float8 AS at FROM (
         SELECT name, completed_on FROM pgboss.job WHERE state = 'completed' AND name = ANY($1::text[])
         UNION ALL
         SELECT name, completed_on FROM pgboss.archive WHERE state = 'completed' AND name = ANY($1::text[])
       ) runs GROUP BY name`,
      [names],
    ).then(({ rows }) => {
      for (const r of rows as Array<{ name: string; at: number | null }>) if (r.at !== null) this.succeeded(r.name, r.at);
    });
    const stop = this.metrics.onScrape('jobs', async () => {
      // job_i5 (name, start_after) WHERE state < 'active' is pg-boss's fetch index: only waiting jobs are read.
      const { rows } = await sql(
        `SELECT name, count(*) FILTER (WHERE start_after <= now())::int AS ready, count(*) FILTER (WHERE start_after > now())::int AS deferred
           FROM pgboss.job WHERE state < 'active' AND name = ANY($1::text[]) GROUP BY name`,
        [names],
      );
      const byName = new Map((rows as Array<{ name: string; ready: number; deferred: number }>).map((r) => [r.name, r]));
      for (const queue of names) {
        this.waiting.set({ queue, state: 'ready' }, byName.get(queue)?.ready ?? 0);
        this.waiting.set({ queue, state: 'deferred' }, byName.get(queue)?.deferred ?? 0);
      }
    });
    return { ready, stop };
  }
}

/** One field of a five-field cron: `*`, `*\/n`, `a`, `a-b`, `a-b/n` and comma lists of them. */
function field(spec: string, min: number, max: number): Set<number> | null {
  const values = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return null;
    const from = m[1] === '*' ? min : Number(m[2]);
    const to = m[1] === '*' ? max : m[3] !== undefined ? Number(m[3]) : m[4] ? max : from;
    const step = m[4] ? Number(m[4]) : 1;
    if (from < min || to > max || from > to || step < 1) return null;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

/**
 * The longest gap between two consecutive runs of a five-field cron (UTC), over the next 400 days; null for a cron it
 * cannot read (names, `L`, `?`, six fields) or one that runs fewer than twice in that time.
 */
export function cronIntervalSeconds(cron: string, from = new Date()): number | null {
  const parts = cron.trim().split(/\s+/);
  if (parts.length !== 5) return null;
  const [minute, hour, day, month, weekday] = [
    field(parts[0]!, 0, 59),
    field(parts[1]!, 0, 23),
    field(parts[2]!, 1, 31),
    field(parts[3]!, 1, 12),
    field(parts[4]!.replace(/\b7\b/g, '0'), 0, 6),
  ];
  if (!minute || !hour || !day || !month || !weekday) return null;
  // Standard cron: when both day of month and day of week are restricted, either may match.
  const anyDay = parts[2] === '*' || parts[4] === '*';
  const dayMatches = (d: Date) =>
    anyDay ? day.has(d.getUTCDate()) && weekday.has(d.getUTCDay()) : day.has(d.getUTCDate()) || weekday.has(d.getUTCDay());
  const start = Math.floor(from.getTime() / 60_000) * 60_000;
  let previous: number | null = null;
  let longest = 0;
  let count = 0;
  // Whole days that cannot match are skipped; within a matching day, only its matching hours and minutes are tried.
  for (let dayStart = start - (start % 86_400_000); dayStart < start + 400 * 86_400_000 && count < 60; dayStart += 86_400_000) {
    const d = new Date(dayStart);
    if (!month.has(d.getUTCMonth() + 1) || !dayMatches(d)) continue;
    for (const h of [...hour].sort((a, b) => a - b)) {
      for (const m of [...minute].sort((a, b) => a - b)) {
        const at = dayStart + h * 3_600_000 + m * 60_000;
        if (at < start) continue;
        if (previous !== null) longest = Math.max(longest, at - previous);
        previous = at;
        count++;
      }
    }
  }
  return count >= 2 ? longest / 1000 : null;
}
