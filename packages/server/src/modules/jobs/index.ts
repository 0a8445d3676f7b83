import type { Feature } from '../feature';
import { jobResolvers } from './job.resolvers';

export const jobs: Feature = { name: 'jobs', resolvers: jobResolvers };
