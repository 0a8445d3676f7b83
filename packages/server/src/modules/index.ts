import type { DataSource } from 'typeorm';
import type { Resolvers } from '../generated/graphql';
import type { Viewer } from '../platform/auth/viewer';
import type { JobDefinition } from '../platform/jobs/job-queue';
import type { MetricsRegistry } from '../platform/metrics/metrics';
import type { Services } from '../services';
import { analytics } from './analytics';
import { apiKeys } from './api-keys';
import { appointments } from './appointments';
import { assignment } from './assignment';
import { attachments } from './attachments';
import { attachmentOwners } from './attachments/attachment-owners';
import { audit } from './audit';
import { auth } from './auth';
import { claims } from './claims';
import { claimPackages } from './claim-packages';
import { customers } from './customers';
import { duplicates } from './duplicates';
import type { Feature } from './feature';
import type { Loaders } from './loaders';
import { interactions } from './interactions';
import { imports } from './imports';
import { jobs } from './jobs';
import { leads } from './leads';
import { messages } from './messages';
import { nodeResolvers } from './node';
import { notifications } from './notifications';
import { partners } from './partners';
import { partnerPortal } from './partner-portal';
import { projects } from './projects';
import { realtime } from './realtime';
import { reviews } from './reviews';
import { scoring } from './scoring';
import { search } from './search';
import { settings } from './settings';
import { teams } from './teams';
import { users } from './users';
import { views } from './views';
import { webhooks } from './webhooks';

/** Every feature of the application. Adding one is adding it here (and its SDL under `schema/<feature>/`). */
export const features: Feature[] = [
  auth,
  users,
  teams,
  customers,
  partners,
  leads,
  partnerPortal,
  apiKeys,
  projects,
  claims,
  claimPackages,
  reviews,
  appointments,
  interactions,
  imports,
  duplicates,
  attachments,
  audit,
  scoring,
  assignment,
  notifications,
  jobs,
  analytics,
  realtime,
  settings,
  webhooks,
  messages,
  search,
  views,
];

/** The records that own photos and documents, from the features that own them (modules/attachments). */
attachmentOwners.register(features.flatMap((f) => f.attachmentOwners ?? []));

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
export const resolvers: Resolvers[] = [...features.flatMap((f) => (f.resolvers ? [f.resolvers].flat() : [])), nodeResolvers(features.flatMap((f) => f.nodeTypes ?? []))];

/** What the features read straight from SQL in compiled queries. */
export const sqlReads = features.flatMap((f) => (f.sqlReads ? [f.sqlReads] : []));

/** Every list view the features let staff export as CSV. */
export const listExports = features.flatMap((f) => f.exports ?? []);

/** Every list table of the staff app the features declare (table set-ups and saved views). */
export const listTables = features.flatMap((f) => f.tables ?? []);

/** Every live event the features declare. */
export const liveEvents = features.flatMap((f) => f.events ?? []);

/** Every background job, built over the application's services. */
export function createJobDefinitions(services: Services, ds: DataSource): JobDefinition<object>[] {
  return features.flatMap((f) => f.jobs?.(services, ds) ?? []);
}

/** Registers every feature's Prometheus series on the process's registry. */
export function registerFeatureMetrics(services: Services, metrics: MetricsRegistry): void {
  for (const f of features) f.metrics?.(services, metrics);
}
