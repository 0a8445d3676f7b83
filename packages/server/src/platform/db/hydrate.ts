import type { DataSource, EntityTarget, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Pool } from 'pg';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

/**
 * Reads entities the fast way: the query builder's own SQL and parameters (filters, soft-delete condition, order,
 * limit, transaction), then one straight copy per row from the raw result into the entity's prototype.
 *
 * TypeORM's `getMany()` spends most of a list request's CPU in its general-purpose transformer (relation maps,
 * embedded entities, per-value driver dispatch); our entities have none of that: flat columns, no relations. Values
 * arrive from `pg` already typed (text, uuid, numeric as string, jsonb parsed, timestamptz as Date); only column
 * types the driver converts on the way in (`date` to 'YYYY-MM-DD', …) still go through the driver.
 */
export async function fetchMany<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T[]> {
  const rows: Array<Record<string, unknown>> = await qb.getRawMany();
  const hydrate = hydratorOf(qb);
  return rows.map(hydrate);
}

/** `fetchMany`, each entity with a value read from its raw row (a column `qb` selected besides the entity's). */
export async function fetchManyWith<T extends ObjectLiteral, X>(qb: SelectQueryBuilder<T>, extra: (raw: Record<string, unknown>) => X): Promise<Array<[T, X]>> {
  const rows: Array<Record<string, unknown>> = await qb.getRawMany();
  const hydrate = hydratorOf(qb);
  return rows.map((row) => [hydrate(row), extra(row)]);
}

/**
 * `fetchManyWith`, the statement first rewritten by `rewrite` (from TypeORM's SQL and positional parameters): for an
 * expression TypeORM has no need to parse, such as a page's projection (platform/db/pagination.ts).
 */
export async function fetchManyRewritten<T extends ObjectLiteral, X>(
  qb: SelectQueryBuilder<T>,
  rewrite: (sql: string, parameters: unknown[]) => [string, unknown[]],
  extra: (raw: Record<string, unknown>) => X,
): Promise<Array<[T, X]>> {
  const [sql, parameters] = rewrite(...qb.getQueryAndParameters());
  // The builder's own runner when it has one (a transaction's; TypeORM keeps it protected), else straight to the pool:
  // a query runner per statement (connect, subscribers, release) cost a tenth of a small request.
  const runner = (qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
  const rows: Array<Record<string, unknown>> = runner ? await qb.connection.query(sql, parameters, runner) : await poolQuery(qb.connection, sql, parameters);
  const hydrate = hydratorOf(qb);
  return rows.map((row) => [hydrate(row), extra(row)]);
}

async function poolQuery(ds: DataSource, sql: string, parameters: unknown[]): Promise<Array<Record<string, unknown>>> {
  ds.logger.logQuery(sql, parameters);
  const pool = (ds.driver as PostgresDriver).master as Pool;
  return (await pool.query(sql, parameters)).rows;
}

/** The first entity `qb` finds, or null (`fetchMany` with LIMIT 1). */
export async function fetchOne<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<T | null> {
  const [row] = await fetchMany(qb.limit(1));
  return row ?? null;
}

type Hydrator = (row: Record<string, unknown>) => never;

/**
 * The entity a query builder joined and selected under `alias` (`leftJoinAndSelect(Entity, alias, …)`), read from a
 * raw row; null when the join found no row.
 */
export function joinedHydrator<T extends ObjectLiteral>(qb: SelectQueryBuilder<ObjectLiteral>, entity: EntityTarget<T>, alias: string): (row: Record<string, unknown>) => T | null {
  const metadata = qb.connection.getMetadata(entity);
  const hydrate = cached(qb, metadata, alias);
  const primary = DriverUtils.buildAlias(qb.connection.driver, undefined, alias, metadata.primaryColumns[0]!.databaseName);
  return (row) => (row[primary] == null ? null : hydrate(row));
}

/** Column types whose `pg` value is already what TypeORM would hand out. */
const AS_IS = new Set<unknown>(['uuid', 'varchar', 'text', 'char', 'numeric', 'smallint', 'integer', 'int', 'bigint', 'jsonb', 'timestamptz', 'boolean']);

const hydrators = new WeakMap<EntityMetadata, Map<string, Hydrator>>();

function hydratorOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Hydrator {
  const alias = qb.expressionMap.mainAlias;
  if (!alias?.hasMetadata) throw new Error('fetchMany needs a query builder over an entity');
  const metadata = alias.metadata;
  if (metadata.relations.length || metadata.embeddeds.length) throw new Error(`fetchMany does not map relations (${metadata.name})`);
  return cached(qb, metadata, alias.name);
}

function cached(qb: SelectQueryBuilder<ObjectLiteral>, metadata: EntityMetadata, alias: string): Hydrator {
  let byAlias = hydrators.get(metadata);
  if (!byAlias) hydrators.set(metadata, (byAlias = new Map()));
  let hydrate = byAlias.get(alias);
  if (!hydrate) byAlias.set(alias, (hydrate = compile(qb, metadata, alias)));
  return hydrate;
}

function compile(qb: SelectQueryBuilder<ObjectLiteral>, metadata: EntityMetadata, alias: string): Hydrator {
  const driver = qb.connection.driver;
  const columns = metadata.columns.map((column) => ({
    column,
    key: DriverUtils.buildAlias(driver, undefined, alias, column.databaseName),
    convert: !AS_IS.has(column.type) || Boolean(column.transformer),
  }));
  const prototype = (metadata.target as { prototype: object }).prototype;
  const prepare = (value: unknown, column: ColumnMetadata) => driver.prepareHydratedValue(value, column);
  // One straight-line function per entity and alias: V8 keeps the row and entity shapes monomorphic.
  const body = columns
    .map(({ key, convert, column }, i) => {
      const read = `row[${JSON.stringify(key)}]`;
      const value = convert ? `prepare(${read}, columns[${i}].column)` : read;
      return `if (${read} !== undefined) entity[${JSON.stringify(column.propertyName)}] = ${value};`;
    })
    .join('\n');
  const factory = new Function('prototype', 'prepare', 'columns', `return function hydrate(row) {\nconst entity = Object.create(prototype);\n${body}\nreturn entity;\n}`);
  return factory(prototype, prepare, columns) as Hydrator;
}
