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
  ): Promise<void>;
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
  ) {}

  private reload(m: EntityManager, id: string): Promise<T> {
    return m.getRepository(this.entity).createQueryBuilder('e').withDeleted().where('e.id = :id', { id }).getOneOrFail();
  }

  async create(m: EntityManager, viewer: Viewer | null, values: Partial<T>): Promise<T> {
    const result = await m.getRepository(this.entity).insert(values as never);
    const row = await this.reload(m, result.identifiers[0]!.id as string);
    await this.audit.record(m, viewer, { entityType: this.typeName, entityId: row.id, action: 'CREATE', before: null, after: row, teamId: row.teamId });
    return row;
  }

  async update(m: EntityManager, viewer: Viewer | null, before: T, patch: Partial<T>): Promise<T> {
    if (Object.keys(patch).length) await m.getRepository(this.entity).update(before.id, patch as never);
    const row = await this.reload(m, before.id);
    await this.audit.record(m, viewer, { entityType: this.typeName, entityId: row.id, action: 'UPDATE', before, after: row, teamId: row.teamId });
    return row;
  }

  async softDelete(m: EntityManager, viewer: Viewer | null, before: T): Promise<T> {
    await m.getRepository(this.entity).softDelete(before.id);
    const row = await this.reload(m, before.id);
    await this.audit.record(m, viewer, { entityType: this.typeName, entityId: row.id, action: 'DELETE', before, after: row, teamId: row.teamId });
    return row;
  }

  async restore(m: EntityManager, viewer: Viewer | null, before: T): Promise<T> {
    await m.getRepository(this.entity).restore(before.id);
    const row = await this.reload(m, before.id);
    await this.audit.record(m, viewer, { entityType: this.typeName, entityId: row.id, action: 'RESTORE', before, after: row, teamId: row.teamId });
    return row;
  }

  async hardDelete(m: EntityManager, viewer: Viewer | null, before: T): Promise<void> {
    await m.getRepository(this.entity).delete(before.id);
    await this.audit.record(m, viewer, { entityType: this.typeName, entityId: before.id, action: 'HARD_DELETE', before, after: null, teamId: before.teamId });
  }
}
