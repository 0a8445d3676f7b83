import type { Resolvers } from '../../generated/graphql';

export const jobResolvers: Resolvers = {
  Query: {
    jobQueues: (_, __, { services, viewer }) => services.jobReport.list(viewer),
  },
  Mutation: {
    runJob: (_, { name }, { services, viewer }) => services.jobReport.run(viewer, name),
  },
  JobQueue: {
    lastRun: (q) => q.runs.lastRun.load(q.name),
    stateCounts: (q) => q.runs.stateCounts.load(q.name),
    recentFailures: (q) => q.runs.recentFailures.load(q.name),
  },
};
