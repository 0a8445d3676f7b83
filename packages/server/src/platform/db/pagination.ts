import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from '../errors';
import { isDataException } from './errors';
import { fetchMany, fetchManyRewritten } from './hydrate';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  [PROJECTION]?: RowProjection;
}

export type CursorValue = string | number | null;

/**
 * One column of a keyset ordering. Columns must be non-null and the last one unique (usually the id). Every key of
 * an ordering runs the same way (the tie-breaker follows the leading key): that is what lets a deep page be one row
 * comparison on an index. To order one key the other way, sort by an expression that flips it (e.g. `-l.score`) and
 * index that expression.
 */
export interface SortKey<T> {
  /** SQL expression, e.g. `u.created_at`. */
  sql: string;
  direction: 'ASC' | 'DESC';
  value: (row: T) => CursorValue | Date;
}

export interface Edge<T> {
  cursor: string;
  node: T;
  /** What the page's `PROJECTION` read for this row (when one was passed). */
  projected?: string;
}

/**
 * One more SQL expression to read with every row of a page: the caller's view of the row (e.g. the JSON of a GraphQL
 * selection, `platform/graphql/compiled`), computed in the page's own statement. Passed in the page arguments under
 * `PROJECTION`, so a service that hands its arguments to `paginate` carries it without knowing about it.
 */
export type RowProjection = (alias: string) => {
  /** The expression over the page's rows, which the query builder names `alias`, with TypeORM `:named` parameters. */
  sql: string;
  params: Record<string, unknown>;
};

export const PROJECTION: unique symbol = Symbol('projection');

/** A list as its service reads it: the query (row rules and filters applied) and its keyset order (for exports). */
export interface ListQuery<T extends ObjectLiteral> {
  query: SelectQueryBuilder<T>;
  order: SortKey<T>[];
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when asked for. */
  totalCount: () => Promise<number>;
}

/** The opaque cursor of a row whose keys have these values (what `endCursor` of a page ending at that row is). */
export const encodeCursor = (values: CursorValue[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

function decodeCursor<T>(cursor: string, keys: SortKey<T>[], field: string): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === keys.length) return values as CursorValue[];
  } catch {
    /* reported below */
  }
  throw badCursor(field);
}

const badCursor = (field: string) => badUserInput(`\`${field}\` is not a valid cursor for this list.`, field);

/** Validates page arguments; returns the page size and direction. */
export function pageSize(args: PageArgs): { size: number; backward: boolean } {
  if (args.first != null && args.last != null) throw badUserInput('Pass either `first` or `last`, not both.', 'last');
  for (const field of ['first', 'last'] as const) {
    const n = args[field];
    if (n != null && (n < 0 || n > MAX_PAGE_SIZE)) {
      throw badUserInput(`\`${field}\` must be between 0 and ${MAX_PAGE_SIZE}.`, field);
    }
  }
  const backward = args.last != null || (args.first == null && args.before != null);
  return { size: (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE, backward };
}

/** The size of a nested list's page (`first`, 1 to 100, 20 when not given), such as a customer's latest interactions. */
export function nestedPageSize(first: number | null | undefined): number {
  const n = first ?? DEFAULT_PAGE_SIZE;
  if (n < 1 || n > MAX_PAGE_SIZE) throw badUserInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  return n;
}

/**
 * Keyset (cursor) pagination over `qb`, never OFFSET. `qb` carries the filters; this adds ordering, the cursor
 * condition and the limit. `totalCount` counts the filtered rows when called.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: SortKey<T>[],
): Promise<Connection<T>> {
  const { size, backward } = pageSize(args);
  const direction = keys[0]?.direction;
  if (keys.some((k) => k.direction !== direction)) throw new Error(`Keyset keys must run one way: ${keys.map((k) => `${k.sql} ${k.direction}`).join(', ')}`);
  // `qb` itself stays as the caller built it (the page is a clone): the count reads it when asked.
  const totalCount = () => qb.getCount();

  const page = qb.clone();
  const cursorField = backward ? 'before' : 'after';
  const cursor = backward ? args.before : args.after;
  if (cursor) {
    const values = decodeCursor(cursor, keys, cursorField);
    page.andWhere(keysetCondition(keys, backward), Object.fromEntries(values.map((v, i) => [`__k${i}`, v])));
  }
  keys.forEach((k, i) => {
    const dir = backward ? (k.direction === 'ASC' ? 'DESC' : 'ASC') : k.direction;
    if (i === 0) page.orderBy(k.sql, dir);
    else page.addOrderBy(k.sql, dir);
  });
  const rows = size === 0 ? [] : await read(page.limit(size + 1), keys, args[PROJECTION]).catch((err: unknown) => {
    // A well-formed cursor whose values its columns cannot take (a forged one: not a date, not a UUID, out of range)
    // fails the statement as a data exception: that is the cursor's fault, not the server's.
    if (cursor && isDataException(err)) throw badCursor(cursorField);
    throw err;
  });
  const hasMore = rows.length > size;
  const nodes = rows.slice(0, size);
  if (backward) nodes.reverse();

  const edges = nodes.map(([node, projected]): Edge<T> => new PageEdge(node, keys, projected));
  return {
    edges,
    pageInfo: {
      hasNextPage: backward ? Boolean(args.before) : hasMore,
      hasPreviousPage: backward ? hasMore : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

/**
 * Every row of `qb` in the keyset order of `keys`, `size` rows per statement: each batch is the page after the last
 * row of the one before (one row comparison an index of the order answers, as `paginate`'s pages), so a long read
 * holds no transaction and no more than one batch in memory. For exports.
 */
export async function* keysetBatches<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, keys: SortKey<T>[], size: number): AsyncGenerator<T[]> {
  let after: CursorValue[] | null = null;
  for (;;) {
    const batch = qb.clone();
    if (after) batch.andWhere(keysetCondition(keys, false), Object.fromEntries(after.map((v, i) => [`__k${i}`, v])));
    keys.forEach((k, i) => (i === 0 ? batch.orderBy(k.sql, k.direction) : batch.addOrderBy(k.sql, k.direction)));
    const rows = await fetchMany(batch.limit(size));
    if (rows.length) yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = keys.map((k) => normalise(k.value(last)));
  }
}

/** An edge whose cursor is encoded when read (most pages show one or two). */
class PageEdge<T> implements Edge<T> {
  private encoded: string | undefined;
  constructor(
    readonly node: T,
    private readonly keys: SortKey<T>[],
    readonly projected: string | undefined,
  ) {}

  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.keys.map((k) => normalise(k.value(this.node)))));
  }
}

/**
 * The page's rows. With a projection, each row's projection and, of the entity, only what its cursor is made of: the
 * id and the columns the sort keys name (`alias.column`); the rest of the node is left unset.
 */
async function read<T extends ObjectLiteral>(page: SelectQueryBuilder<T>, keys: SortKey<T>[], projection: RowProjection | undefined): Promise<Array<[T, string | undefined]>> {
  if (!projection) return (await fetchMany(page)).map((row) => [row, undefined]);
  const alias = page.alias;
  const columns = new Set(keys.flatMap((k) => [...k.sql.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'))].map((m) => m[1]!)));
  const metadata = page.expressionMap.mainAlias!.metadata;
  const selected = metadata.columns.filter((c) => c.isPrimary || columns.has(c.databaseName)).map((c) => `${alias}.${c.propertyName}`);
  const { sql, params } = projection(alias);
  // Spliced into TypeORM's statement rather than added to the builder: TypeORM would scan its text for property names.
  const splice = (statement: string, parameters: unknown[]): [string, unknown[]] => {
    if (!statement.startsWith('SELECT ')) throw new Error('A page statement starts with SELECT');
    const values = [...parameters];
    const expression = sql.replace(/(?<!:):(\w+)/g, (whole, name: string) => {
      if (!(name in params)) return whole;
      values.push(params[name]);
      return `$${values.length}`;
    });
    return [`SELECT ${expression} AS "__projection", ${statement.slice('SELECT '.length)}`, values];
  };
  return fetchManyRewritten(page.select(selected), splice, (raw) => raw.__projection as string);
}

function normalise(v: CursorValue | Date): CursorValue {
  return v instanceof Date ? v.toISOString() : v;
}

/**
 * Rows after the cursor in the page's order: the row comparison `(k0, k1, …) > (v0, v1, …)` (`<` for a descending
 * order, flipped for backward pages). PostgreSQL uses it as an index condition on an index over (k0, k1, …) in either
 * direction, so a page 500,000 rows deep reads one page of the index. (An OR chain `k0 > v0 OR (k0 = v0 AND k1 > v1)`
 * is only a filter, which is why every key runs the same way.)
 */
function keysetCondition<T>(keys: SortKey<T>[], backward: boolean): string {
  const ascending = (keys[0]!.direction === 'ASC') !== backward;
  return `((${keys.map((k) => k.sql).join(', ')}) ${ascending ? '>' : '<'} (${keys.map((_, i) => `:__k${i}`).join(', ')}))`;
}
