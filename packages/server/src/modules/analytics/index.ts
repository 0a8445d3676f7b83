import type { Feature } from '../feature';
import { AnalyticsSnapshotEntity } from './analytics-snapshot.entity';
import { analyticsJobs } from './analytics.jobs';
import { dashboardResolvers } from './dashboard.resolvers';

export const analytics: Feature = {
  name: 'analytics',
  entities: [AnalyticsSnapshotEntity],
  resolvers: dashboardResolvers,
  jobs: (services) => analyticsJobs(services),
};
