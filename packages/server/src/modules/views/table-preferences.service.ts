import type { DataSource } from 'typeorm';
import type { TableDensity, TablePreferencesInput } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { ListTable } from './list-table';
import { TablePreferenceEntity } from './table-preference.entity';
import type { TableRegistry } from './table-registry';

/** A user's set-up of a table as the API shows it (the table's own when never changed). */
export interface TablePreferencesModel {
  table: string;
  columns: string[];
  density: TableDensity;
  updatedAt: Date | null;
}

export interface TablePreferencesResult {
  preferences: TablePreferencesModel | null;
  errors: UserErrorData[];
}

/** Each user's columns, their order and the density of each list table, kept on the server (one row per user and table). */
export class TablePreferenceService {
  constructor(
    private readonly ds: DataSource,
    private readonly tables: TableRegistry,
  ) {}

  /** The viewer's set-up of a table they may open (BAD_USER_INPUT for an unknown one, FORBIDDEN for one they may not open). */
  async get(viewer: Viewer, key: string): Promise<TablePreferencesModel> {
    const table = this.tables.openable(viewer, key);
    return model(table, await this.ds.getRepository(TablePreferenceEntity).findOneBy({ userId: viewer.id, tableKey: table.key }));
  }

  /** Changes the given parts (columns: known, each once, at least one; empty: back to the table's own). */
  async update(viewer: Viewer, input: TablePreferencesInput): Promise<TablePreferencesResult> {
    const v = new Validator();
    const table = this.tables.check(v, viewer, 'input.table', input.table);
    if (!table) return { preferences: null, errors: v.errors };
    const columns = input.columns == null ? null : this.columns(v, table, input.columns);
    if (!v.ok) return { preferences: null, errors: v.errors };
    const current = await this.get(viewer, table.key);
    const stored = columns ?? (current.updatedAt ? current.columns : []);
    await this.ds.query(
      `INSERT INTO table_preferences (user_id, table_key, columns, density) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, table_key) DO UPDATE SET columns = EXCLUDED.columns, density = EXCLUDED.density, updated_at = now()`,
      [viewer.id, table.key, JSON.stringify(stored), input.density ?? current.density],
    );
    return { preferences: await this.get(viewer, table.key), errors: [] };
  }

  private columns(v: Validator, table: ListTable, columns: string[]): string[] {
    columns.forEach((c, i) => {
      if (!table.columns.includes(c)) v.add(`input.columns.${i}`, 'INVALID', `The ${table.key} table has no column "${c}".`);
      else if (columns.indexOf(c) !== i) v.add(`input.columns.${i}`, 'INVALID', `The column "${c}" is listed twice.`);
    });
    return columns;
  }
}

/** Stored columns the table no longer has drop out; none left (or none stored) is the table's own. */
function model(table: ListTable, row: TablePreferenceEntity | null): TablePreferencesModel {
  const columns = (row?.columns ?? []).filter((c) => table.columns.includes(c));
  return { table: table.key, columns, density: row?.density ?? 'COMPACT', updatedAt: row?.updatedAt ?? null };
}
