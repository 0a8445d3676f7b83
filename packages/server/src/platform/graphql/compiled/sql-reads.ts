import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { Viewer } from '../../auth/viewer';

/** The order of a list: a column (its SQL name) of its rows, ties broken by id the same way (as the list's loader sorts). */
export interface SqlOrder {
  column: string;
  direction: 'ASC' | 'DESC';
}

/**
 * How a field with a resolver reads in SQL: the same rows, order and bound as the loader behind that resolver, so a
 * compiled read answers what the resolvers would (`compiled.test.ts` runs both and compares).
 * - `children`: rows of `type` whose `column` holds this row's id, in `order`, at most `max` (or the field's `first`
 *   argument, 1 to `max`, when `first` is set: its default comes from the SDL).
 * - `parent`: the row of `type` whose id this row's `column` holds; null when there is none or the viewer may not see it.
 * - `linked`: rows of `type` joined through `table` (`from` holds this row's id, `to` the other's), in `order`, at most `max`.
 * - `columns`: an object of scalars (no id, no table of its own, such as an address) from this row's columns by field.
 * - `expression`: a scalar computed in SQL over this row (aliased `alias`), as the field's resolver computes it.
 */
export type SqlRead =
  | { kind: 'children'; type: string; column: string; order: SqlOrder; max: number; first?: true }
  | { kind: 'parent'; type: string; column: string }
  | { kind: 'linked'; type: string; table: string; from: string; to: string; order: SqlOrder; max: number }
  | { kind: 'columns'; columns: Record<string, string> }
  | { kind: 'expression'; sql: (alias: string) => string };

/**
 * A GraphQL object type whose fields can be read straight from its table: fields without a resolver read the entity's
 * column of the same name, `id` is the global ID (`Type:uuid`), and `reads` says how fields with a resolver read.
 */
export interface SqlType {
  typeName: string;
  entity: EntityTarget<ObjectLiteral>;
  /** The row-level rule its loaders apply, for rows of this type read as nested fields. */
  scope?: (viewer: Viewer, alias: string) => Scope;
  reads?: Record<string, SqlRead>;
}

/** What a feature declares: its types, and the `Query` connection fields whose resolvers page with `paginate`. */
export interface SqlReads {
  types?: SqlType[];
  /** Root connection fields whose resolver hands its arguments to `paginate` (which honours `PROJECTION`). */
  roots?: string[];
}

/** A type as the compiler uses it: its table, columns by property, soft-delete column. */
export interface CatalogType extends SqlType {
  table: string;
  columns: Map<string, string>;
  deletedAt: string | null;
}

export interface Catalog {
  types: Map<string, CatalogType>;
  roots: Set<string>;
}

export function buildCatalog(ds: DataSource, reads: SqlReads[]): Catalog {
  const types = new Map<string, CatalogType>();
  for (const t of reads.flatMap((r) => r.types ?? [])) {
    const metadata = ds.getMetadata(t.entity);
    types.set(t.typeName, {
      ...t,
      table: metadata.tableName,
      columns: new Map(metadata.columns.filter((c) => c.isSelect).map((c) => [c.propertyName, c.databaseName])),
      deletedAt: metadata.deleteDateColumn?.databaseName ?? null,
    });
  }
  return { types, roots: new Set(reads.flatMap((r) => r.roots ?? [])) };
}
