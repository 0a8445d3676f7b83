import type { DataSource } from 'typeorm';
import type { Viewer } from '../../platform/auth/viewer';
import { forbidden } from '../../platform/errors';
import type { JobSender } from '../../platform/jobs/job-queue';
import { userError, type UserErrorData } from '../../platform/validation';
import { JobRuns } from './job-runs';

/** What GraphQL's `JobQueue` resolves from: a job definition's public face, and its runs. */
export interface JobQueueModel {
  name: string;
  description: string;
  schedule: string | null;
  /** Shared by the queues of one report, so each run field costs one query for all of them. */
  runs: JobRuns;
}

export interface RunJobResult {
  jobId: string | null;
  errors: UserErrorData[];
}

/** Reports job queues and their runs (pg-boss tables) to admins, and queues runs by hand. */
export class JobService {
  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobSender,
  ) {}

  /** Every kind of background job, in registration order. Admins only. */
  list(viewer: Viewer): JobQueueModel[] {
    if (viewer.role !== 'ADMIN') throw forbidden();
    const runs = new JobRuns(this.ds);
    return this.jobs.definitions.map((d) => ({ name: d.name, description: d.description, schedule: d.schedule ?? null, runs }));
  }

  /** Queues a run of `name` now. Admins only; an unknown queue is NOT_FOUND on `name`. */
  async run(viewer: Viewer, name: string): Promise<RunJobResult> {
    if (viewer.role !== 'ADMIN') throw forbidden();
    if (!this.jobs.definitions.some((d) => d.name === name)) {
      return { jobId: null, errors: [userError('name', 'NOT_FOUND', 'No such job queue.')] };
    }
    return { jobId: await this.jobs.send(name, {}), errors: [] };
  }
}
