import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/*
 * Set-based writes of many entities in one statement each, for bulk work (imports): the rows travel as one JSON
 * array and `json_populate_recordset` reads them with the table's own column types (as the seed's insertRows does).
 * Only the properties named are written; the rest keep their defaults (insert) or values (update).
 */

function columnsOf<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, properties: readonly string[]) {
  const metadata = m.connection.getMetadata(entity);
  return {
    table: metadata.tablePath,
    columns: properties.map((p) => {
      const column = metadata.findColumnWithPropertyName(p);
      if (!column) throw new Error(`${metadata.name} has no column for ${p}`);
      return { property: p, name: column.databaseName };
    }),
  };
}

const json = (rows: ObjectLiteral[], columns: Array<{ property: string; name: string }>) =>
  JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.property] ?? null]))));

/** Inserts `rows` (their `properties`) with one statement. */
export async function insertMany<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, properties: readonly (keyof T & string)[], rows: Partial<T>[]): Promise<void> {
  if (!rows.length) return;
  const { table, columns } = columnsOf(m, entity, properties);
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  await m.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`, [json(rows, columns)]);
}

/**
 * Sets `properties` of the rows with these ids (each row's `id` and values) with one statement; `updated_at` becomes
 * now when the table has one.
 */
export async function updateMany<T extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  entity: EntityTarget<T>,
  properties: readonly (keyof T & string)[],
  rows: Array<Partial<T> & { id: string }>,
): Promise<void> {
  if (!rows.length) return;
  const { table, columns } = columnsOf(m, entity, ['id', ...properties.filter((p) => p !== 'id')]);
  const stamped = m.connection.getMetadata(entity).findColumnWithPropertyName('updatedAt');
  const sets = columns.filter((c) => c.property !== 'id').map((c) => `"${c.name}" = v."${c.name}"`);
  if (stamped) sets.push(`"${stamped.databaseName}" = now()`);
  await m.query(`UPDATE ${table} t SET ${sets.join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json) v WHERE t.id = v.id`, [json(rows, columns)]);
}
