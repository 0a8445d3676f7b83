import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { fetchMany, fetchManyWith, joinedHydrator } from './hydrate';

type Scope<T extends ObjectLiteral> = (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>;

/** Batches `id = ANY($1)` lookups into one query; results in key order, null for missing ids. */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(ds: DataSource, entity: EntityTarget<T>, scope?: Scope<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const qb = ds.getRepository(entity).createQueryBuilder('e').where('e.id = ANY(:ids)', { ids });
    const rows = await fetchMany(scope ? scope(qb) : qb);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * A many-to-one row read in the same statement as the rows that point at it (an interaction's author), handed to the
 * request's by-id loader of that entity, so the nested field costs no statement of its own.
 */
export interface Include<R extends ObjectLiteral & { id: string }> {
  entity: new () => R;
  /** The column of the main rows holding the included row's id. */
  column: string;
  /** The by-id loader primed with every included row. */
  into: DataLoader<string, R | null>;
}

async function fetchIncluding<T extends ObjectLiteral, R extends ObjectLiteral & { id: string }>(qb: SelectQueryBuilder<T>, include: Include<R>): Promise<T[]> {
  qb.leftJoinAndSelect(include.entity, 'inc', `inc.id = e.${include.column}`);
  const pairs = await fetchManyWith(qb, joinedHydrator(qb as SelectQueryBuilder<ObjectLiteral>, include.entity, 'inc'));
  for (const [, row] of pairs) if (row) include.into.prime(row.id, row);
  return pairs.map(([main]) => main);
}

/** The documented bound (`@listSize`) of a record's nested lists such as `Customer.leads`. */
export const NESTED_LIST_MAX = 25;

/**
 * Batches one-to-many lookups (`column = ANY($1)`): at most `first` rows per key, in `order` (ties by id), for nested lists such as a
 * customer's latest interactions. One query per distinct `first` in the batch (normally one).
 */
export function limitedGroupLoader<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  entity: EntityTarget<T>,
  column: string,
  keyOf: (row: T) => string,
  order: { sql: string; direction: 'ASC' | 'DESC' },
  scope?: Scope<T>,
  include?: Include<ObjectLiteral & { id: string }>,
) {
  const orderSql = `${order.sql} ${order.direction}, e.id ${order.direction}`;
  /** One query per distinct `first` and `include` in the batch (normally one). */
  const groupOf = (r: GroupRequest) => `${r.first}|${Boolean(include && r.include)}`;
  return new DataLoader<GroupRequest, T[], string>(
    async (requests) => {
      const groups = new Map<string, T[]>();
      for (const group of new Set(requests.map(groupOf))) {
        const members = requests.filter((r) => groupOf(r) === group);
        const { first } = members[0]!;
        const keys = [...new Set(members.map((r) => r.key))];
        const ranked = ds
          .getRepository(entity)
          .createQueryBuilder('e')
          .select('e.id', 'id')
          .addSelect(`row_number() OVER (PARTITION BY e.${column} ORDER BY ${orderSql})`, 'rn')
          .where(`e.${column} = ANY(:keys)`, { keys });
        const inner = scope ? scope(ranked) : ranked;
        const page = ds
          .getRepository(entity)
          .createQueryBuilder('e')
          .innerJoin(`(${inner.getQuery()})`, 'r', 'r.id = e.id AND r.rn <= :first')
          .setParameters({ ...inner.getParameters(), first })
          .orderBy(order.sql, order.direction)
          .addOrderBy('e.id', order.direction);
        const rows = include && members[0]!.include ? await fetchIncluding(page, include) : await fetchMany(page);
        for (const k of keys) groups.set(`${k}|${group}`, []);
        for (const row of rows) groups.get(`${keyOf(row)}|${group}`)?.push(row);
      }
      return requests.map((r) => groups.get(`${r.key}|${groupOf(r)}`) ?? []);
    },
    { cacheKeyFn: (r) => `${r.key}|${groupOf(r)}` },
  );
}

/**
 * A nested page: at most `first` rows of the parent `key`. `include`: also read the loader's `Include` row (the
 * caller sets it when the query selects that field, so a page that does not show it never pays for it).
 */
export interface GroupRequest {
  key: string;
  first: number;
  include?: boolean;
}

/**
 * A one-to-many loader that returns at most `max` rows per key, in `order`: the documented bound of a nested list
 * (its `@listSize`), enforced in SQL so one parent with many children costs no more than `max` rows.
 */
export function cappedGroupLoader<T extends ObjectLiteral & { id: string }>(
  ds: DataSource,
  entity: EntityTarget<T>,
  column: string,
  keyOf: (row: T) => string,
  order: { sql: string; direction: 'ASC' | 'DESC' },
  max: number,
  scope?: Scope<T>,
) {
  const limited = limitedGroupLoader(ds, entity, column, keyOf, order, scope);
  return new DataLoader<string, T[]>(async (keys) => {
    const lists = await limited.loadMany(keys.map((key) => ({ key, first: max })));
    return lists.map((l) => {
      if (l instanceof Error) throw l;
      return l;
    });
  });
}

/**
 * After a write, keeps the request's by-id loader in step with the row the write returned (`pick` finds it in the
 * result), so later fields of the same response see the new values. Use as `.then(primeFrom(loader, (r) => r.x))`.
 */
export function primeFrom<R, T extends { id: string }>(loader: DataLoader<string, T | null>, pick: (result: R) => T | null | undefined) {
  return (result: R): R => {
    const row = pick(result);
    if (row) loader.clear(row.id).prime(row.id, row);
    return result;
  };
}
