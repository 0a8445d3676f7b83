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
import { partners } from './partners';
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
  partners,
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

/** Which feature's factory makes each loader (learnt once, from one set built without a viewer). */
let owners: Map<string, NonNullable<Feature['loaders']>> | null = null;

function ownersOf(ds: DataSource): Map<string, NonNullable<Feature['loaders']>> {
  if (!owners) {
    owners = new Map();
    for (const f of features) if (f.loaders) for (const key of Object.keys(f.loaders(ds, null, {} as Loaders))) owners.set(key, f.loaders);
  }
  return owners;
}

/**
 * Fresh DataLoaders for one request (or one subscription delivery), bound to the viewer's row-level rules. A
 * feature's loaders are built the first time one of them is used, so a delivery that needs one loader (the usual
 * authorization check per subscriber and event) builds only its feature's.
 */
export function createLoaders(ds: DataSource, viewer: Viewer | null): Loaders {
  const built = new Map<NonNullable<Feature['loaders']>, Record<string, unknown>>();
  const factories = ownersOf(ds);
  const all: Loaders = new Proxy({} as Loaders, {
    get: (_, key) => {
      const factory = typeof key === 'string' ? factories.get(key) : undefined;
      if (!factory) return undefined;
      let loaders = built.get(factory);
      if (!loaders) built.set(factory, (loaders = factory(ds, viewer, all)));
      return loaders[key as string];
    },
  });
  return all;
}

/** The TypeORM entities of every feature. */
export const entities = features.flatMap((f) => f.entities ?? []);

/** The resolver map of every feature, plus `node(id:)` over every feature's node types. */
export const resolvers: Resolvers[] = [...features.flatMap((f) => (f.resolvers ? [f.resolvers] : [])), nodeResolvers(features.flatMap((f) => f.nodeTypes ?? []))];

/** What the features read straight from SQL in compiled queries. */
export const sqlReads = features.flatMap((f) => (f.sqlReads ? [f.sqlReads] : []));

/** Every live event the features declare. */
export const liveEvents = features.flatMap((f) => f.events ?? []);

/** Every background job, built over the application's services. */
export function createJobDefinitions(services: Services, ds: DataSource): JobDefinition<object>[] {
  return features.flatMap((f) => f.jobs?.(services, ds) ?? []);
}
