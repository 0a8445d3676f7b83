import type { DataSource } from 'typeorm';
import type { Services } from './services';
import type { JobDefinition } from './platform/jobs/job-queue';
import { analyticsJobs } from './modules/analytics/analytics.jobs';
import { scoringJobs } from './modules/scoring/scoring.jobs';
import { notificationJobs } from './modules/notifications/notification.jobs';
import { realtimeJobs } from './modules/realtime/realtime.jobs';

/** Every background job, built over the application's services. */
export function createJobDefinitions(services: Services, ds: DataSource): JobDefinition<object>[] {
  return [...scoringJobs(services.scoring), ...analyticsJobs(services), ...notificationJobs(services, ds), ...realtimeJobs(ds)];
}
