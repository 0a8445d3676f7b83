import type { Feature } from '../feature';
import { realtimeJobs } from './realtime.jobs';
import { realtimeResolvers } from './realtime.resolvers';

export const realtime: Feature = { name: 'realtime', resolvers: realtimeResolvers, jobs: (_services, ds) => realtimeJobs(ds) };
