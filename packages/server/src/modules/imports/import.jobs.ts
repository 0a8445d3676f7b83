import type { JobDefinition } from '../../platform/jobs/job-queue';
import type { ImportWorker } from './import-worker';
import { IMPORT_CHECK_JOB, IMPORT_RUN_JOB, type ImportJobData } from './import.service';

/** The dry run and the run of an import (queued by checkImport and runImport), and the nightly clean-up. */
export function importJobs(worker: ImportWorker): JobDefinition<object>[] {
  return [
    {
      name: IMPORT_CHECK_JOB,
      description: 'Dry run of a CSV import: every row validated and matched as the import would, nothing written.',
      retryLimit: 2,
      expireInSeconds: 60 * 60,
      run: (data) => worker.runCheck(data as ImportJobData),
    },
    {
      name: IMPORT_RUN_JOB,
      description: 'Runs a CSV import in batches of rows, each batch in one transaction; a retry continues after the last committed batch.',
      retryLimit: 2,
      expireInSeconds: 60 * 60,
      run: (data) => worker.runImport(data as ImportJobData),
    },
    {
      name: 'import-cleanup',
      description: 'Removes uploads abandoned for a day and the files of imports finished 30 days ago (their row reports stay).',
      schedule: '40 4 * * *',
      run: () => worker.cleanUp(),
    },
  ];
}
