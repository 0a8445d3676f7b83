import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

type Scope<T extends ObjectLiteral> = (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>;

/** Batches `id = ANY($1)` lookups into one query; results in key order, null for missing ids. */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(ds: DataSource, entity: EntityTarget<T>, scope?: Scope<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const qb = ds.getRepository(entity).createQueryBuilder('e').where('e.id = ANY(:ids)', { ids });
    const rows = await (scope ? scope(qb) : qb).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Batches one-to-many lookups (`column = ANY($1)`) into one query; one (possibly empty) list per key, in key order. */
export function groupLoader<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  column: string,
  keyOf: (row: T) => string,
  scope?: Scope<T>,
) {
  return new DataLoader<string, T[]>(async (keys) => {
    const qb = ds.getRepository(entity).createQueryBuilder('e').where(`e.${column} = ANY(:keys)`, { keys });
    const rows = await (scope ? scope(qb) : qb).getMany();
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((k) => groups.get(k)!);
  });
}
