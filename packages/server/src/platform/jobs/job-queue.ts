import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import type { Logger } from '../logger';
import type { JobMetrics } from '../metrics/jobs';
import { JobDb } from './job-db';

export interface JobContext {
  jobId: string;
  logger: Logger;
}

/** A kind of background job. Handlers must be idempotent: a crashed or expired run is retried. */
export interface JobDefinition<T extends object = Record<string, unknown>> {
  name: string;
  description: string;
  /** Cron for scheduled jobs, read in `scheduleTimeZone`. */
  schedule?: string;
  /** The IANA zone the cron is read in (the company's, for jobs about its days); UTC when omitted. */
  scheduleTimeZone?: string;
  retryLimit?: number;
  expireInSeconds?: number;
  run(data: T, ctx: JobContext): Promise<unknown>;
}

/** Runs SQL in the caller's transaction (a TypeORM EntityManager fits). */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface SendOptions {
  singletonKey?: string;
  startAfter?: Date;
  /** Queue the job in this transaction: it exists only if the transaction commits. */
  within?: SqlRunner;
}

/** What services need to queue work. */
export interface JobSender {
  /** The known kinds of job (empty until the queue is attached). */
  readonly definitions: readonly JobDefinition<object>[];
  send(name: string, data?: object, options?: SendOptions): Promise<string | null>;
}

export interface JobQueueOptions {
  /** Run workers and schedules in this process (false: only send). */
  work: boolean;
  /** Records each completed run (the audit log: actor the system, the job and what it did). */
  recordRun?: (run: { name: string; jobId: string; result: unknown }) => Promise<void>;
  pollingIntervalSeconds?: number;
  /** Counts runs and reads the queues' depth and last successes at scrape time (platform/metrics/jobs.ts). */
  metrics?: JobMetrics;
}

const STOP_TIMEOUT_MS = 10_000;
/** pg-boss looks whether its stopping workers have left once a second. */
const WORKER_EXIT_CHECK_MS = 1_100;
const CONNECTIONS = 4;

/**
 * PostgreSQL-backed job queue (pg-boss, schema `pgboss`): works with the embedded database too, and each job runs
 * once across all server processes (row locks with SKIP LOCKED); failed runs retry with backoff.
 */
export class JobQueue implements JobSender {
  private stopMetrics = () => {};
  private working = false;
  /** Jobs running now, each to its recorded end (a job past the stop timeout still runs; its worker leaves when it ends). */
  private readonly running = new Set<Promise<unknown>>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly sql: JobDb,
    readonly definitions: JobDefinition<object>[],
    private readonly metrics?: JobMetrics,
  ) {}

  static async start(url: string, logger: Logger, definitions: JobDefinition<object>[], options: JobQueueOptions): Promise<JobQueue> {
    const sql = new JobDb(url, logger, CONNECTIONS);
    const boss = new PgBoss({ db: sql, schema: 'pgboss', supervise: options.work, schedule: options.work });
    boss.on('error', (err) => logger.error({ err }, 'job queue error'));
    await boss.start().catch(async (err: unknown) => {
      await sql.end();
      throw err;
    });
    for (const def of definitions) {
      await boss.createQueue(def.name, {
        name: def.name,
        retryLimit: def.retryLimit ?? 3,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: def.expireInSeconds ?? 15 * 60,
      });
    }
    const queue = new JobQueue(boss, sql, definitions, options.metrics);
    if (options.metrics) {
      options.metrics.defined(definitions);
      const db = boss.getDb();
      const follow = options.metrics.follow((text, values) => db.executeSql(text, values), definitions.map((d) => d.name));
      follow.ready.catch((err: unknown) => logger.warn({ err }, 'job metrics: last successful runs not read'));
      queue.stopMetrics = follow.stop;
    }
    if (options.work) await queue.startWorkers(logger, options.pollingIntervalSeconds ?? 2, options.recordRun);
    return queue;
  }

  send(name: string, data: object = {}, options: SendOptions = {}): Promise<string | null> {
    const { within, ...rest } = options;
    if (!within) return this.boss.send(name, data, rest);
    // pg-boss inserts the job through the caller's connection (INSERT … RETURNING: rows through TypeORM).
    const db = { executeSql: async (text: string, values: unknown[]) => ({ rows: (await within.query(text, values)) as unknown[] }) };
    return this.boss.send(name, data, { ...rest, db });
  }

  /** Raw access for the job-runs report. */
  get db(): PgBoss {
    return this.boss;
  }

  async stop(): Promise<void> {
    this.stopMetrics();
    await this.boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, wait: true });
    if (this.working) await this.workersGone();
    await this.sql.end();
  }

  /**
   * pg-boss lets its workers go in the background: each leaves after its current fetch (and the jobs that fetch
   * found), and a loop looks once a second until all have left, with no event at the end. Wait until no statement of
   * the queue and no job is left, then outlive one such look, so nothing of the queue runs after stop() (a test file's
   * environment ends right after; a process exits).
   */
  private async workersGone(): Promise<void> {
    const deadline = Date.now() + STOP_TIMEOUT_MS;
    while (Date.now() < deadline) {
      await Promise.race([Promise.allSettled([this.sql.idle(), ...this.running]), sleep(deadline - Date.now())]);
      // A fetch hands its jobs to the handler within the same turn: look again after it.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.sql.pending === 0 && this.running.size === 0) break;
    }
    await sleep(WORKER_EXIT_CHECK_MS);
  }

  private async runJob(
    def: JobDefinition<object>,
    job: { id: string; data: object },
    logger: Logger,
    recordRun?: JobQueueOptions['recordRun'],
  ): Promise<unknown> {
    const log = logger.child({ job: def.name, jobId: job.id });
    const started = Date.now();
    const ended = this.metrics?.started(def.name);
    try {
      const result = await def.run(job.data, { jobId: job.id, logger: log });
      ended?.('completed');
      log.info({ ms: Date.now() - started }, 'job completed');
      // A failure to record must not fail (and so repeat) a run that did its work.
      await recordRun?.({ name: def.name, jobId: job.id, result }).catch((err: unknown) => log.warn({ err }, 'job run not recorded'));
      return result;
    } catch (err) {
      ended?.('failed');
      log.error({ err, ms: Date.now() - started }, 'job failed');
      throw err;
    }
  }

  private async startWorkers(logger: Logger, pollingIntervalSeconds: number, recordRun?: JobQueueOptions['recordRun']): Promise<void> {
    this.working = true;
    for (const def of this.definitions) {
      await this.boss.work<object>(def.name, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
        if (!job) return;
        const run = this.runJob(def, job, logger, recordRun);
        this.running.add(run);
        return run.finally(() => this.running.delete(run));
      });
      if (def.schedule) await this.boss.schedule(def.name, def.schedule, {}, { tz: def.scheduleTimeZone ?? 'UTC' });
    }
  }
}

/** A sender usable before the queue exists (services are built before the job definitions that use them). */
export class DeferredJobSender implements JobSender {
  private queue: JobSender | null = null;

  attach(queue: JobSender): void {
    this.queue = queue;
  }

  get definitions(): readonly JobDefinition<object>[] {
    return this.queue?.definitions ?? [];
  }

  send(name: string, data?: object, options?: SendOptions): Promise<string | null> {
    if (!this.queue) throw new Error(`job queue not started; cannot queue ${name}`);
    return this.queue.send(name, data, options);
  }
}
