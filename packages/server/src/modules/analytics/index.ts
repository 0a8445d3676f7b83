import type { Feature } from '../feature';
import { AnalyticsSnapshotEntity } from './analytics-snapshot.entity';
import { analyticsJobs } from './analytics.jobs';
import { dashboardResolvers } from './dashboard.resolvers';
import { dashboardUpdated } from './dashboard.events';

export const analytics: Feature = {
  name: 'analytics',
  entities: [AnalyticsSnapshotEntity],
  resolvers: dashboardResolvers,
  events: [dashboardUpdated],
  jobs: (services) => analyticsJobs(services),
};
