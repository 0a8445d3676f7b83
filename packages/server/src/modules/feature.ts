import type { Loaders } from './loaders';
import type { DataSource } from 'typeorm';
import type { Resolvers } from '../generated/graphql';
import type { GraphQLContext } from '../graphql-context';
import type { Viewer } from '../platform/auth/viewer';
import type { JobDefinition } from '../platform/jobs/job-queue';
import type { MetricsRegistry } from '../platform/metrics/metrics';
import type { Services } from '../services';
import type { EventDefinition } from './realtime/event-definition';
import type { AttachmentOwnerAccess } from './attachments/attachment-owners';
import type { SqlReads } from '../platform/graphql/compiled/sql-reads';
import type { ListExport } from '../platform/http/list-export';
import type { ListTable } from './views/list-table';

/** An object type that `node(id:)` can fetch: how to recognise one of its objects and how to load one by id. */
export interface NodeType {
  typeName: string;
  /** The mapped class (entity) of the type's objects. */
  entity: abstract new (...args: never[]) => object;
  /** Loads it through the same row-level rules as the type's own query; null when the viewer may not see it. */
  load(id: string, globalId: string, ctx: GraphQLContext & { viewer: Viewer }): Promise<object | null>;
}

/**
 * What a list export's query and columns read with: the services, the exporting viewer's loaders (fresh per batch),
 * and the company's time zone (`COMPANY_TIME_ZONE`), in which the file gives times as the app shows them.
 */
export interface ExportContext {
  services: Services;
  loaders: Loaders;
  timeZone: string;
}

/**
 * What one feature contributes to the application. Each `modules/<feature>/index.ts` exports one; `modules/index.ts`
 * lists them, and the composition root (app, schema, data source, job queue) is built from that list alone.
 */
export interface Feature {
  name: string;
  /** TypeORM entities (tables) the feature owns. */
  entities?: Array<abstract new (...args: never[]) => object>;
  /** Its part of the resolver map, typed by codegen from the SDL in `schema/<feature>/`. */
  resolvers?: Resolvers | Resolvers[];
  /**
   * Per-request DataLoaders, bound to the viewer's row-level rules. `loaders` is the request's whole set, for loaders
   * that read another feature's rows in the same statement and prime that feature's loader with them.
   */
  loaders?: (ds: DataSource, viewer: Viewer | null, loaders: Loaders) => Record<string, unknown>;
  /** Its types and list fields that compiled queries read straight from SQL (platform/graphql/compiled). */
  sqlReads?: SqlReads;
  /** Types `node(id:)` resolves. */
  nodeTypes?: NodeType[];
  /** The live events the feature declares (`<x>.events.ts`): their rows, receivers and GraphQL types. */
  events?: EventDefinition<never>[];
  /** Background jobs, built over the application's services. */
  jobs?: (services: Services, ds: DataSource) => JobDefinition<object>[];
  /** Its list views that can be exported as CSV (`POST /export/<name>.csv`, platform/http/list-export.ts). */
  exports?: Array<ListExport<ExportContext, any, any>>;
  /** Its list tables of the staff app: columns, filters and orders users may set up and save views of (modules/views). */
  tables?: ListTable[];
  /** The kinds of its records that own photos and documents, with their access rules (modules/attachments). */
  attachmentOwners?: AttachmentOwnerAccess<any>[];
  /** Its Prometheus series (`crm_<feature>_…`), fed from its services' hooks (platform/metrics; docs/architecture.md, Metrics). */
  metrics?: (services: Services, metrics: MetricsRegistry) => void;
}
