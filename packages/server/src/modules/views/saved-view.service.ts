import type { DataSource } from 'typeorm';
import type { CreateSavedViewInput, SavedViewFilterInput, SavedViewSortInput, UpdateSavedViewInput } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { EntityWriter, type AuditRecorder } from '../../platform/db/entity-writer';
import { fetchMany, fetchOne } from '../../platform/db/hydrate';
import { userError, Validator, type UserErrorData } from '../../platform/validation';
import { UserEntity } from '../users/user.entity';
import type { ListTable } from './list-table';
import { SavedViewEntity, type SavedViewCondition } from './saved-view.entity';
import type { TableRegistry } from './table-registry';
import { canEditSavedView, savedViewScope } from './views.policy';

export interface SavedViewResult {
  savedView: SavedViewEntity | null;
  errors: UserErrorData[];
}

export interface SavedViewChanges extends Omit<UpdateSavedViewInput, 'id'> {
  id: string | null;
}

/** A view's filter holds at most this many conditions. */
export const MAX_CONDITIONS = 20;

const notFound = (): SavedViewResult => ({ savedView: null, errors: [userError('id', 'NOT_FOUND', 'No such saved view.')] });

/**
 * Saved views of the list tables: named filters and orders, personal or shared with the owner's team. Filters and
 * orders are checked against what the table declares (known keys only); writes are audited (`SavedView`).
 */
export class SavedViewService {
  private readonly writer: EntityWriter<SavedViewEntity>;

  constructor(
    private readonly ds: DataSource,
    audit: AuditRecorder,
    private readonly tables: TableRegistry,
  ) {
    this.writer = new EntityWriter(SavedViewEntity, 'SavedView', audit);
  }

  /** The views of a table the viewer may see: their own first, then shared ones, each by name. */
  list(viewer: Viewer, key: string): Promise<SavedViewEntity[]> {
    const table = this.tables.openable(viewer, key);
    const qb = applyScope(this.ds.getRepository(SavedViewEntity).createQueryBuilder('v'), savedViewScope(viewer, 'v'))
      .andWhere('v.table_key = :table', { table: table.key })
      .orderBy('(v.owner_id = :me)', 'DESC')
      .addOrderBy('lower(v.name)')
      .addOrderBy('v.id')
      .setParameter('me', viewer.id)
      .limit(200);
    return fetchMany(qb);
  }

  /** One view the viewer may see, or null. */
  get(viewer: Viewer, id: string | null): Promise<SavedViewEntity | null> {
    if (!id) return Promise.resolve(null);
    const qb = applyScope(this.ds.getRepository(SavedViewEntity).createQueryBuilder('v'), savedViewScope(viewer, 'v')).andWhere('v.id = :id', { id });
    return fetchOne(qb);
  }

  async create(viewer: Viewer, input: CreateSavedViewInput): Promise<SavedViewResult> {
    const v = new Validator();
    const table = this.tables.check(v, viewer, 'input.table', input.table);
    if (!table) return { savedView: null, errors: v.errors };
    const name = v.text('input.name', input.name, { max: 80, required: true });
    const filter = conditions(v, table, input.filter);
    const sort = input.sort ? sortOf(v, table, input.sort) : { sortField: null, sortDirection: null };
    const shared = Boolean(input.shared);
    if (shared && !viewer.teamId) v.add('input.shared', 'INVALID', 'You have no team to share it with.');
    if (name) await this.nameFree(v, viewer.id, table.key, name, null);
    if (!v.ok || !name) return { savedView: null, errors: v.errors };
    const values = { tableKey: table.key, name, filter, ...sort, shared, ownerId: viewer.id, teamId: shared ? viewer.teamId : null };
    return this.ds.transaction(async (m) => ({ savedView: await this.writer.create(m, viewer, values), errors: [] }));
  }

  async update(viewer: Viewer, input: SavedViewChanges): Promise<SavedViewResult> {
    const existing = await this.get(viewer, input.id);
    if (!existing) return notFound();
    if (!canEditSavedView(viewer, existing)) return { savedView: null, errors: [userError('id', 'FORBIDDEN', 'You may not change this view.')] };
    const table = this.tables.openable(viewer, existing.tableKey);
    const v = new Validator();
    const patch: Partial<SavedViewEntity> = {};
    if (input.name != null) {
      const name = v.text('input.name', input.name, { max: 80, required: true });
      if (name) {
        await this.nameFree(v, existing.ownerId, table.key, name, existing.id);
        patch.name = name;
      }
    }
    if (input.filter != null) patch.filter = conditions(v, table, input.filter);
    if (input.sort !== undefined) Object.assign(patch, input.sort ? sortOf(v, table, input.sort) : { sortField: null, sortDirection: null });
    if (input.shared != null && input.shared !== existing.shared) {
      const team = input.shared ? await this.ownersTeam(existing.ownerId) : null;
      if (input.shared && !team) v.add('input.shared', 'INVALID', 'The view’s owner has no team to share it with.');
      Object.assign(patch, { shared: input.shared, teamId: team });
    }
    if (!v.ok) return { savedView: null, errors: v.errors };
    return this.ds.transaction(async (m) => ({ savedView: await this.writer.update(m, viewer, existing, patch), errors: [] }));
  }

  async delete(viewer: Viewer, id: string | null): Promise<{ deletedId: string | null; errors: UserErrorData[] }> {
    const existing = await this.get(viewer, id);
    if (!existing) return { deletedId: null, errors: notFound().errors };
    if (!canEditSavedView(viewer, existing)) return { deletedId: null, errors: [userError('id', 'FORBIDDEN', 'You may not delete this view.')] };
    await this.ds.transaction((m) => this.writer.hardDelete(m, viewer, existing));
    return { deletedId: existing.id, errors: [] };
  }

  /** Names are unique per owner and table, case-insensitively. */
  private async nameFree(v: Validator, ownerId: string, table: string, name: string, except: string | null): Promise<void> {
    const [taken] = await this.ds.query(
      `SELECT 1 FROM saved_views WHERE owner_id = $1 AND table_key = $2 AND lower(name) = lower($3) AND id IS DISTINCT FROM $4`,
      [ownerId, table, name, except],
    );
    if (taken) v.add('input.name', 'TAKEN', `There is already a view named “${name}”.`);
  }

  private async ownersTeam(ownerId: string): Promise<string | null> {
    return (await this.ds.getRepository(UserEntity).findOneBy({ id: ownerId }))?.teamId ?? null;
  }
}

/** The filter as given, each key one the table knows and given once, each value at most 200 characters. */
function conditions(v: Validator, table: ListTable, filter: readonly SavedViewFilterInput[]): SavedViewCondition[] {
  if (filter.length > MAX_CONDITIONS) v.add('input.filter', 'OUT_OF_RANGE', `A view holds at most ${MAX_CONDITIONS} conditions.`);
  return filter.flatMap((c, i) => {
    const field = `input.filter.${i}`;
    if (!table.filters.includes(c.key)) v.add(`${field}.key`, 'INVALID', `The ${table.key} table has no filter "${c.key}".`);
    else if (filter.findIndex((o) => o.key === c.key) !== i) v.add(`${field}.key`, 'INVALID', `The filter "${c.key}" is given twice.`);
    else if (c.value.length > 200) v.add(`${field}.value`, 'TOO_LONG', 'A filter value must be at most 200 characters.');
    else return c.value.trim() ? [{ key: c.key, value: c.value.trim() }] : [];
    return [];
  });
}

function sortOf(v: Validator, table: ListTable, sort: SavedViewSortInput): Pick<SavedViewEntity, 'sortField' | 'sortDirection'> {
  if (!table.sorts.includes(sort.field)) v.add('input.sort.field', 'INVALID', `The ${table.key} table cannot be sorted by "${sort.field}".`);
  return { sortField: sort.field, sortDirection: sort.direction ?? 'ASC' };
}
