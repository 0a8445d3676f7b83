import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { Viewer } from '../auth/viewer';

/** Records a write in the audit log inside the writer's transaction (the audit feature provides it). */
export interface AuditRecorder {
  record(
    m: EntityManager,
    actor: Viewer | null,
    entry: {
      entityType: string;
      entityId: string;
      action: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'HARD_DELETE';
      before: object | null;
      after: object | null;
      teamId: string | null;
    },
  ): Promise<boolean>;
}

/** What a write was, for the feature's declared effects (live events, stale views) in the same transaction. */
export interface WriteHook<T> {
  (m: EntityManager, write: { action: 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'HARD_DELETE'; before: T | null; after: T | null }): Promise<void>;
}

/** What every soft-deletable, team-owned domain record has. */
export interface DomainRecord extends ObjectLiteral {
  id: string;
  teamId: string | null;
  deletedAt: Date | null;
}

/**
 * Writes one kind of record inside the caller's transaction and records each write in the audit log there too,
 * so a change and its audit entry commit or roll back together.
 */
export class EntityWriter<T extends DomainRecord> {
  constructor(
    private readonly entity: EntityTarget<T>,
    /** GraphQL type name, used in the audit log and in global IDs. */
    readonly typeName: string,
    private readonly audit: AuditRecorder,
    /** Runs after every recorded write (an update that changed nothing is not one). */
    private readonly onWrite?: WriteHook<T>,
  ) {}

  private async recorded(m: EntityManager, viewer: Viewer | null, action: Parameters<WriteHook<T>>[1]['action'], before: T | null, after: T | null, row: T): Promise<void> {
    const teamId = row.teamId;
    if (await this.audit.record(m, viewer, { entityType: this.typeName, entityId: row.id, action, before, after, teamId })) {
      await this.onWrite?.(m, { action, before, after });
    }
  }

  private reload(m: EntityManager, id: string): Promise<T> {
    return m.getRepository(this.entity).createQueryBuilder('e').withDeleted().where('e.id = :id', { id }).getOneOrFail();
  }

  async create(m: EntityManager, viewer: Viewer | null, values: Partial<T>): Promise<T> {
    const result = await m.getRepository(this.entity).insert(values as never);
    return this.created(m, viewer, result.identifiers[0]!.id as string);
  }

  /**
   * Records a row the caller inserted itself (e.g. with `ON CONFLICT DO NOTHING`, to insert at most once): reloads
   * it and writes its audit entry and effects, as `create` does.
   */
  async created(m: EntityManager, viewer: Viewer | null, id: string): Promise<T> {
    const row = await this.reload(m, id);
    await this.recorded(m, viewer, 'CREATE', null, row, row);
    return row;
  }

  async update(m: EntityManager, viewer: Viewer | null, before: T, patch: Partial<T>): Promise<T> {
    if (Object.keys(patch).length) await m.getRepository(this.entity).update(before.id, patch as never);
    const row = await this.reload(m, before.id);
    await this.recorded(m, viewer, 'UPDATE', before, row, row);
    return row;
  }

  async softDelete(m: EntityManager, viewer: Viewer | null, before: T): Promise<T> {
    await m.getRepository(this.entity).softDelete(before.id);
    const row = await this.reload(m, before.id);
    await this.recorded(m, viewer, 'DELETE', before, row, row);
    return row;
  }

  async restore(m: EntityManager, viewer: Viewer | null, before: T): Promise<T> {
    await m.getRepository(this.entity).restore(before.id);
    const row = await this.reload(m, before.id);
    await this.recorded(m, viewer, 'RESTORE', before, row, row);
    return row;
  }

  async hardDelete(m: EntityManager, viewer: Viewer | null, before: T): Promise<void> {
    await m.getRepository(this.entity).delete(before.id);
    await this.recorded(m, viewer, 'HARD_DELETE', before, null, before);
  }
}
