import type { DataSource, EntityManager, EntityTarget, SelectQueryBuilder } from 'typeorm';
import { applyScope, seesDeleted, type Scope } from '../auth/scope';
import type { Viewer } from '../auth/viewer';
import { userError, type UserErrorData } from '../validation';
import { fetchOne } from './hydrate';
import { paginate, type Connection, type ListQuery, type PageArgs, type SortKey } from './pagination';
import { EntityWriter, type AuditRecorder, type DomainRecord, type WriteHook } from './entity-writer';

export interface RecordKind<T extends DomainRecord> {
  entity: EntityTarget<T>;
  /** GraphQL type name (audit log, global IDs). */
  typeName: string;
  /** The record in messages: "No such customer.", "You may not delete this customer." */
  noun: string;
  /** Query alias of the entity. */
  alias: string;
  /** The feature's row-level rule: which rows the viewer may see. */
  scope: (viewer: Viewer, alias: string) => Scope;
  /** The feature's declared effects of every write (live events, stale views), run in the writing transaction. */
  onWrite?: WriteHook<T>;
}

/** The outcome of a write on one record: the record, or the user errors that refused it. */
export interface RecordResult<T> {
  row: T | null;
  errors: UserErrorData[];
}

export interface TrashOptions<T> {
  /** Whether the viewer may change a record they can see (FORBIDDEN otherwise); omitted: whoever sees it. */
  mayChange?: (viewer: Viewer, row: T) => boolean;
  /** More work in the same transaction, after the write (e.g. rescoring); returns the record to answer with. */
  also?: (m: EntityManager, row: T) => Promise<T>;
}

export interface HardDeleteOptions<T> {
  /** Work in the deleting transaction before the delete. */
  first?: (m: EntityManager, row: T) => Promise<unknown>;
  /** Work in the deleting transaction after the delete (e.g. rescoring). */
  also?: (m: EntityManager, row: T) => Promise<unknown>;
}

/**
 * What every soft-deletable, team-owned record of a feature shares: queries under the feature's row-level rule
 * (lists with or without the trash, one by id), and the trash lifecycle — soft delete, restore, hard delete (admins)
 * — each checked (NOT_FOUND for what the viewer cannot see, FORBIDDEN for what they may not change) and written with
 * its audit entry in one transaction.
 */
export class RecordStore<T extends DomainRecord> {
  readonly writer: EntityWriter<T>;

  constructor(
    private readonly ds: DataSource,
    private readonly kind: RecordKind<T>,
    audit: AuditRecorder,
  ) {
    this.writer = new EntityWriter(kind.entity, kind.typeName, audit, kind.onWrite);
  }

  /** The records the viewer may see: active ones, or (`deleted`) the trash, which only admins and managers see. */
  visible(viewer: Viewer, deleted: boolean): SelectQueryBuilder<T> {
    const { alias } = this.kind;
    const qb = this.ds.getRepository(this.kind.entity).createQueryBuilder(alias);
    if (deleted) {
      qb.withDeleted().andWhere(`${alias}.deleted_at IS NOT NULL`);
      if (!seesDeleted(viewer)) qb.andWhere('false');
    }
    return applyScope(qb, this.kind.scope(viewer, alias));
  }

  /**
   * The records the viewer may see (the trash with `filter.deleted`), narrowed by `narrow`, in the keyset order of
   * `order` then id, both `direction`: what `page` pages through, and what an export reads whole.
   */
  query(
    viewer: Viewer,
    args: { filter?: { deleted?: boolean | null } | null },
    order: { sql: string; value: SortKey<T>['value'] },
    direction: 'ASC' | 'DESC',
    narrow: (qb: SelectQueryBuilder<T>) => void,
  ): ListQuery<T> {
    const qb = this.visible(viewer, Boolean(args.filter?.deleted));
    narrow(qb);
    return {
      query: qb,
      order: [
        { sql: order.sql, direction, value: order.value },
        { sql: `${this.kind.alias}.id`, direction, value: (row) => row.id },
      ],
    };
  }

  /** A keyset page of `query`'s records. */
  page(
    viewer: Viewer,
    args: PageArgs & { filter?: { deleted?: boolean | null } | null },
    order: { sql: string; value: SortKey<T>['value'] },
    direction: 'ASC' | 'DESC',
    narrow: (qb: SelectQueryBuilder<T>) => void,
  ): Promise<Connection<T>> {
    const list = this.query(viewer, args, order, direction, narrow);
    return paginate(list.query, args, list.order);
  }

  /** One record the viewer may see (`withDeleted`: in the trash too), or null. */
  find(viewer: Viewer, id: string | null, withDeleted: boolean): Promise<T | null> {
    if (!id) return Promise.resolve(null);
    const { alias } = this.kind;
    const qb = applyScope(this.ds.getRepository(this.kind.entity).createQueryBuilder(alias), this.kind.scope(viewer, alias)).andWhere(
      `${alias}.id = :id`,
      { id },
    );
    if (withDeleted) qb.withDeleted();
    return fetchOne(qb);
  }

  /** One record, or null when it does not exist or the viewer may not see it; admins and managers see deleted ones. */
  get(viewer: Viewer, id: string | null): Promise<T | null> {
    return this.find(viewer, id, seesDeleted(viewer));
  }

  notFound(): RecordResult<T> {
    return { row: null, errors: [userError('id', 'NOT_FOUND', `No such ${this.kind.noun}.`)] };
  }

  forbidden(message: string): RecordResult<T> {
    return { row: null, errors: [userError('id', 'FORBIDDEN', message)] };
  }

  softDelete(viewer: Viewer, id: string | null, o: TrashOptions<T> = {}): Promise<RecordResult<T>> {
    return this.trash(viewer, id, 'delete', o);
  }

  restore(viewer: Viewer, id: string | null, o: TrashOptions<T> = {}): Promise<RecordResult<T>> {
    return this.trash(viewer, id, 'restore', o);
  }

  /**
   * Admins only: removes the record for good; in the same transaction `first` runs before the delete (while what
   * cascades with it is still there), `also` after it.
   */
  async hardDelete(viewer: Viewer, id: string | null, o: HardDeleteOptions<T> = {}): Promise<{ deletedId: string | null; errors: UserErrorData[] }> {
    const existing = viewer.role === 'ADMIN' ? await this.find(viewer, id, true) : null;
    if (!existing) return { deletedId: null, errors: this.notFound().errors };
    await this.ds.transaction(async (m) => {
      await o.first?.(m, existing);
      await this.writer.hardDelete(m, viewer, existing);
      await o.also?.(m, existing);
    });
    return { deletedId: existing.id, errors: [] };
  }

  private async trash(viewer: Viewer, id: string | null, action: 'delete' | 'restore', o: TrashOptions<T>): Promise<RecordResult<T>> {
    const restoring = action === 'restore';
    const existing = await this.find(viewer, id, restoring);
    if (!existing || (restoring && !existing.deletedAt)) return this.notFound();
    if (o.mayChange && !o.mayChange(viewer, existing)) return this.forbidden(`You may not ${action} this ${this.kind.noun}.`);
    return this.ds.transaction(async (m) => {
      const row = restoring ? await this.writer.restore(m, viewer, existing) : await this.writer.softDelete(m, viewer, existing);
      return { row: o.also ? await o.also(m, row) : row, errors: [] };
    });
  }
}
