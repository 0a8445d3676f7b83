import type { Viewer } from '../../platform/auth/viewer';
import { badUserInput, forbidden } from '../../platform/errors';
import type { Validator } from '../../platform/validation';
import type { ListTable } from './list-table';

/** The list tables the features declared, by key, and who may open each. */
export class TableRegistry {
  private readonly byKey: Map<string, ListTable>;

  constructor(tables: readonly ListTable[]) {
    this.byKey = new Map(tables.map((t) => [t.key, t]));
  }

  /** For reads: the table, or BAD_USER_INPUT (no such table) / FORBIDDEN (the viewer may not open it). */
  openable(viewer: Viewer, key: string): ListTable {
    const table = this.byKey.get(key);
    if (!table) throw badUserInput(`There is no list table "${key}".`, 'table');
    if (!table.roles.includes(viewer.role)) throw forbidden('You may not open this table.');
    return table;
  }

  /** For writes: the table, or null with the reason added to `v` at `field`. */
  check(v: Validator, viewer: Viewer, field: string, key: string): ListTable | null {
    const table = this.byKey.get(key);
    if (!table) v.add(field, 'INVALID', `There is no list table "${key}".`);
    else if (!table.roles.includes(viewer.role)) v.add(field, 'FORBIDDEN', 'You may not open this table.');
    else return table;
    return null;
  }
}
