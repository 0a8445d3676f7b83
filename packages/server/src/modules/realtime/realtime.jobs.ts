import type { DataSource } from 'typeorm';
import type { JobDefinition } from '../../platform/jobs/job-queue';

/** How long published events stay available to `missedEvents`. */
export const EVENT_RETENTION_DAYS = 7;

export function realtimeJobs(ds: DataSource): JobDefinition<object>[] {
  return [
    {
      name: 'outbox-cleanup',
      description: `Deletes real-time events published more than ${EVENT_RETENTION_DAYS} days ago (after that, clients reload instead of catching up).`,
      schedule: '30 2 * * *',
      run: async () => {
        // The newest event always stays: the relay numbers new events after the highest `seq`, which must never go back.
        const [, deleted] = await ds.query(
          `DELETE FROM outbox_events WHERE published_at < now() - make_interval(days => $1)
              AND seq < (SELECT max(seq) FROM outbox_events)`,
          [EVENT_RETENTION_DAYS],
        );
        return { deleted };
      },
    },
  ];
}
