import type { JobDefinition } from '../../platform/jobs/job-queue';
import { DUPLICATES_SCAN_JOB, type DuplicateService } from './duplicate.service';

/** The review queue's scan: every 15 minutes, and after each import (queued by it). */
export function duplicateJobs(duplicates: DuplicateService): JobDefinition<object>[] {
  return [
    {
      name: DUPLICATES_SCAN_JOB,
      description: 'Finds customers that look like one (same phone, or a close name at the same address) for the duplicates review queue.',
      schedule: '*/15 * * * *',
      run: () => duplicates.scan(),
    },
  ];
}
