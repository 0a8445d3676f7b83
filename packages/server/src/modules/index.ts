import type { DataSource } from 'typeorm';
import type { Resolvers } from '../generated/graphql';
import type { Viewer } from '../platform/auth/viewer';
import type { JobDefinition } from '../platform/jobs/job-queue';
import type { Services } from '../services';
import { analytics } from './analytics';
import { appointments } from './appointments';
import { assignment } from './assignment';
import { audit } from './audit';
import { auth } from './auth';
import { customers } from './customers';
import type { Feature } from './feature';
import type { Loaders } from './loaders';
import { interactions } from './interactions';
import { jobs } from './jobs';
import { leads } from './leads';
import { nodeResolvers } from './node';
import { notifications } from './notifications';
import { projects } from './projects';
import { realtime } from './realtime';
import { scoring } from './scoring';
import { settings } from './settings';
import { teams } from './teams';
import { users } from './users';

/** Every feature of the application. Adding one is adding it here (and its SDL under `schema/<feature>/`). */
export const features: Feature[] = [
  auth,
  users,
  teams,
  customers,
  leads,
  projects,
  appointments,
  interactions,
  audit,
  scoring,
  assignment,
  notifications,
  jobs,
  analytics,
  realtime,
  settings,
];

/** Fresh DataLoaders for one request (or one subscription event), bound to the viewer's row-level rules. */
export function createLoaders(ds: DataSource, viewer: Viewer | null): Loaders {
  return Object.assign({}, ...features.map((f) => f.loaders?.(ds, viewer) ?? {})) as Loaders;
}

/** The TypeORM entities of every feature. */
export const entities = features.flatMap((f) => f.entities ?? []);

/** The resolver map of every feature, plus `node(id:)` over every feature's node types. */
export const resolvers: Resolvers[] = [...features.flatMap((f) => (f.resolvers ? [f.resolvers] : [])), nodeResolvers(features.flatMap((f) => f.nodeTypes ?? []))];

/** Every background job, built over the application's services. */
export function createJobDefinitions(services: Services, ds: DataSource): JobDefinition<object>[] {
  return features.flatMap((f) => f.jobs?.(services, ds) ?? []);
}
