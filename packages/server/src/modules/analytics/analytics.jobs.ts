import type { Services } from '../../services';
import type { JobDefinition } from '../../platform/jobs/job-queue';
import { dateIn } from '../../platform/time-zone';

export interface SnapshotJobData {
  /** The day to snapshot (YYYY-MM-DD, a day of the company's time zone); today there when omitted. */
  date?: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day a snapshot run is for (today in `timeZone` by default); throws (the run fails, no retry helps) on a malformed date. */
export function snapshotDate(data: SnapshotJobData, timeZone: string, now = new Date()): string {
  if (data.date === undefined) return dateIn(now, timeZone);
  const parsed = new Date(`${data.date}T00:00:00Z`);
  if (!DATE.test(data.date) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== data.date) {
    throw new Error(`analytics-snapshot: "${data.date}" is not a date (YYYY-MM-DD)`);
  }
  return data.date;
}

/** The nightly analytics snapshot (UPSERT per day and metric, so reruns are idempotent), just after the company's midnight. */
export function analyticsJobs(services: Services): JobDefinition<SnapshotJobData>[] {
  return [
    {
      name: 'analytics-snapshot',
      description: 'Nightly snapshot of open leads, open pipeline value, revenue won this month and active projects (company, teams, sales members).',
      schedule: '15 0 * * *',
      scheduleTimeZone: services.dashboard.timeZone,
      async run(data, { logger }) {
        const date = snapshotDate(data, services.dashboard.timeZone);
        const metrics = await services.dashboard.snapshot(date);
        logger.info({ date, metrics }, 'analytics snapshot written');
        return { date, metrics };
      },
    },
  ];
}
