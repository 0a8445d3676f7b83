import type { Loaders } from './loaders';
import type { DataSource } from 'typeorm';
import type { Resolvers } from '../generated/graphql';
import type { GraphQLContext } from '../graphql-context';
import type { Viewer } from '../platform/auth/viewer';
import type { JobDefinition } from '../platform/jobs/job-queue';
import type { Services } from '../services';
import type { EventDefinition } from './realtime/event-definition';
import type { SqlReads } from '../platform/graphql/compiled/sql-reads';

/** An object type that `node(id:)` can fetch: how to recognise one of its objects and how to load one by id. */
export interface NodeType {
  typeName: string;
  /** The mapped class (entity) of the type's objects. */
  entity: abstract new (...args: never[]) => object;
  /** Loads it through the same row-level rules as the type's own query; null when the viewer may not see it. */
  load(id: string, globalId: string, ctx: GraphQLContext & { viewer: Viewer }): Promise<object | null>;
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
  resolvers?: Resolvers;
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
}
