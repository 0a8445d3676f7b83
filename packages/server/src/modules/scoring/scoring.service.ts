import type { DataSource } from 'typeorm';
import type { JobSender } from '../../platform/jobs/job-queue';

/** Scores leads 0–100 with reasons (see scoring-weights.ts). */
export class LeadScoringService {
  constructor(
    protected readonly ds: DataSource,
    protected readonly jobs: JobSender,
  ) {}
}
