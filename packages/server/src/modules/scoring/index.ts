import type { Feature } from '../feature';
import { scoringJobs } from './scoring.jobs';
import { scoringResolvers } from './scoring.resolvers';

export const scoring: Feature = { name: 'scoring', resolvers: scoringResolvers, jobs: (services) => scoringJobs(services.scoring) };
