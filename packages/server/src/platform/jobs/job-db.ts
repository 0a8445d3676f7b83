import pg from 'pg';
import type { Logger } from '../logger';

/**
 * The job queue's connections, handed to pg-boss as its `db`. pg-boss's own pool, ended on stop, strands the queries
 * still waiting for a connection (pg-pool never answers its queue once ending): with more queues than connections,
 * a worker can wait on a fetch forever, and pg-boss's loop that waits for its workers to leave runs on a timer for the
 * rest of the process. Here the pool stays open until every query has settled, and `idle()` says when that is.
 */
export class JobDb {
  private readonly pool: pg.Pool;
  private busy = 0;
  private waiters: Array<() => void> = [];

  constructor(connectionString: string, logger: Logger, max: number) {
    this.pool = new pg.Pool({ connectionString, max, application_name: 'crm-jobs' });
    this.pool.on('error', (err) => logger.warn({ err }, 'job queue connection lost'));
  }

  /** What pg-boss calls for every statement (its `db` interface). */
  executeSql = async (text: string, values?: unknown[]): Promise<pg.QueryResult> => {
    this.busy += 1;
    try {
      return await this.pool.query(text, values);
    } finally {
      this.busy -= 1;
      if (this.busy === 0) this.wake();
    }
  };

  /** Statements running or waiting for a connection now. */
  get pending(): number {
    return this.busy;
  }

  /** Resolves when no statement is running or waiting. */
  idle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((resolve) => resolve());
  }
}
