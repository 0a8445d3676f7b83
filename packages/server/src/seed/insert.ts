import type { EntityManager } from 'typeorm';

/**
 * Set-based insert of in-memory rows: one `INSERT ... SELECT FROM json_populate_recordset` per chunk, so the
 * table's own column types parse the values. Only `columns` are sent; other properties of the rows are ignored.
 */
export async function insertRows(m: EntityManager, table: string, columns: string[], rows: object[], chunk = 5_000): Promise<number> {
  const list = columns.map((c) => `"${c}"`).join(', ');
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(
      rows.slice(i, i + chunk).map((r) => Object.fromEntries(columns.map((c) => [c, (r as Record<string, unknown>)[c] ?? null]))),
    );
    await m.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM json_populate_recordset(NULL::${table}, $1::json)`, [json]);
  }
  return rows.length;
}
