import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { JobRun, JobState, JobStateCount } from '../../generated/graphql';

interface RunRow {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: unknown;
}

/** Runs still in the queue and archived ones (pg-boss moves finished runs to `pgboss.archive` after a while). */
const RUNS = `(SELECT id, name, state::text AS state, retry_count, created_on, started_on, completed_on, output
                 FROM pgboss.job WHERE name = ANY($1::text[])
               UNION ALL
               SELECT id, name, state::text, retry_count, created_on, started_on, completed_on, output
                 FROM pgboss.archive WHERE name = ANY($1::text[])) AS runs`;

const COLUMNS = 'id::text, name, state, retry_count, created_on, started_on, completed_on, output';

/** pg-boss states are the JobState values in lower case. */
const stateOf = (s: string) => s.toUpperCase() as JobState;

/** An error's stack stays in the log; the report shows what failed. */
function withoutStack(output: unknown): unknown {
  if (!output || typeof output !== 'object' || Array.isArray(output) || !('stack' in output)) return output;
  const { stack: _stack, ...rest } = output as Record<string, unknown>;
  return rest;
}

const toRun = (r: RunRow): JobRun => ({
  id: r.id,
  state: stateOf(r.state),
  retryCount: r.retry_count,
  createdAt: r.created_on,
  startedAt: r.started_on,
  completedAt: r.completed_on,
  output: withoutStack(r.output),
});

/** `rows` mapped and grouped by queue name, one (possibly empty) list per name in `names` order. */
function grouped<R extends { name: string }, T>(names: readonly string[], rows: R[], map: (r: R) => T): T[][] {
  const groups = new Map<string, T[]>(names.map((n) => [n, []]));
  for (const r of rows) groups.get(r.name)?.push(map(r));
  return names.map((n) => groups.get(n)!);
}

/** Runs of job queues from pg-boss's tables, one query per field for all queues of a report. */
export class JobRuns {
  constructor(private readonly ds: DataSource) {}

  readonly lastRun = new DataLoader<string, JobRun | null>(async (names) => {
    const rows: RunRow[] = await this.ds.query(`SELECT DISTINCT ON (name) ${COLUMNS} FROM ${RUNS} ORDER BY name, created_on DESC, id DESC`, [names]);
    return grouped(names, rows, toRun).map((runs) => runs[0] ?? null);
  });

  /** Runs per state created in the last 7 days. */
  readonly stateCounts = new DataLoader<string, JobStateCount[]>(async (names) => {
    const rows: Array<{ name: string; state: string; count: number }> = await this.ds.query(
      `SELECT name, state, count(*)::int AS count FROM ${RUNS} WHERE created_on > now() - interval '7 days' GROUP BY name, state ORDER BY name, state`,
      [names],
    );
    return grouped(names, rows, (r) => ({ state: stateOf(r.state), count: r.count }));
  });

  /** The latest 5 failed runs. */
  readonly recentFailures = new DataLoader<string, JobRun[]>(async (names) => {
    const rows: RunRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM (
         SELECT *, row_number() OVER (PARTITION BY name ORDER BY completed_on DESC NULLS LAST, id DESC) AS rn FROM ${RUNS} WHERE state = 'failed'
       ) failed WHERE rn <= 5 ORDER BY name, rn`,
      [names],
    );
    return grouped(names, rows, toRun);
  });
}
