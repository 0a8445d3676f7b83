import type { DataSource } from 'typeorm';
import type { JobSender } from '../../platform/jobs/job-queue';

/** What GraphQL's `JobQueue` resolves from: a job definition's public face. */
export interface JobQueueModel {
  name: string;
  description: string;
  schedule: string | null;
}

/** Reports job queues and their runs (pg-boss tables) to admins, and queues runs by hand. */
export class JobService {
  constructor(
    protected readonly ds: DataSource,
    protected readonly jobs: JobSender,
  ) {}
}
