import type { JobDefinition } from '../../platform/jobs/job-queue';
import { RESCORE_JOB, type LeadScoringService } from './scoring.service';

/** Rescoring: queued after a weights change, and nightly so that the aging factor keeps up with the calendar. */
export function scoringJobs(scoring: LeadScoringService): JobDefinition<object>[] {
  return [
    {
      name: RESCORE_JOB,
      description: 'Rescores every open lead with the current weights (after a weights change, and nightly for aging).',
      schedule: '0 3 * * *',
      run: async () => ({ rescored: await scoring.rescoreOpenLeads() }),
    },
  ];
}
