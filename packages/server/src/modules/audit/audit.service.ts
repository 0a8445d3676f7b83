import type { DataSource, EntityManager } from 'typeorm';
import type { AppointmentChange, AuditAction, AuditLogFilter } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { viewerTeamIds } from '../../platform/auth/viewer';
import { markChanged } from '../../platform/db/commit-hooks';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { forbidden } from '../../platform/errors';
import { requestScope } from '../../platform/logger';
import type { OutboxService } from '../realtime/outbox.service';
import { AuditEntryEntity, type AuditChanges } from './audit-entry.entity';

export type AuditEntryConnection = Connection<AuditEntryEntity>;

/** The `auditLog` filter as the service takes it: keys for IDs (NO_MATCH_ID when an ID named nothing). */
export interface AuditLogListFilter extends Omit<AuditLogFilter, 'entityId' | 'actorId'> {
  entityId?: string | null;
  actorId?: string | null;
}

/** Fields never worth recording. */
const IGNORED = new Set(['createdAt', 'updatedAt', 'passwordHash']);

const normalise = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v === undefined ? null : v);

/** Field-by-field difference of two snapshots of an entity (null for "did not exist"). */
export function diff(before: object | null, after: object | null): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const b = normalise(before ? (before as Record<string, unknown>)[key] : null);
    const a = normalise(after ? (after as Record<string, unknown>)[key] : null);
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

export interface AuditRecord {
  entityType: string;
  entityId: string;
  action: AuditAction;
  before: object | null;
  after: object | null;
  teamId?: string | null;
}

/** Record types whose changes move dashboard numbers (a `dashboard.updated` hint goes out with them). */
const DASHBOARD_INPUTS = new Set(['Customer', 'Lead', 'Project', 'Appointment', 'Interaction']);
const LEAD_EVENTS = { CREATE: 'lead.created', UPDATE: 'lead.updated', DELETE: 'lead.deleted', HARD_DELETE: 'lead.deleted', RESTORE: 'lead.restored' } as const;
const APPOINTMENT_CHANGES = { CREATE: 'CREATED', UPDATE: 'UPDATED', DELETE: 'DELETED', HARD_DELETE: 'DELETED', RESTORE: 'RESTORED' } as const;

/** What an audited appointment write means to its viewers: an update that calls it off is a cancellation. */
function appointmentChange(r: AuditRecord): AppointmentChange {
  const status = (row: object | null) => (row as { status?: string } | null)?.status;
  if (r.action === 'UPDATE' && status(r.after) === 'CANCELLED' && status(r.before) !== 'CANCELLED') return 'CANCELLED';
  return APPOINTMENT_CHANGES[r.action];
}

export class AuditService {
  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Records a change inside the caller's transaction, so the entry exists exactly when the change does, and marks the
   * record type changed for after-commit hooks (cache invalidation).
   */
  async record(m: EntityManager, actor: Viewer | null, r: AuditRecord): Promise<void> {
    markChanged(m, r.entityType);
    const changes = diff(r.before, r.after);
    if (r.action === 'UPDATE' && Object.keys(changes).length === 0) return;
    await this.publish(m, r);
    await m.getRepository(AuditEntryEntity).insert({
      actorId: actor?.id ?? null,
      entityType: r.entityType,
      entityId: r.entityId,
      action: r.action,
      changes: changes as never, // jsonb; TypeORM cannot type a Record column for insert
      teamId: r.teamId ?? null,
      requestId: requestScope.getStore()?.requestId ?? null,
    });
  }

  /** Real-time events for the change, in the same transaction (see the outbox relay). */
  private async publish(m: EntityManager, r: AuditRecord): Promise<void> {
    const row = (r.after ?? r.before) as { assigneeId?: string | null; projectId?: string | null } | null;
    if (r.entityType === 'Lead') {
      await this.outbox.append(m, { type: LEAD_EVENTS[r.action], entityId: r.entityId, teamId: r.teamId, data: { assigneeId: row?.assigneeId ?? null } });
    } else if (r.entityType === 'Project') {
      await this.outbox.append(m, { type: 'project.updated', entityId: r.entityId, teamId: r.teamId });
    } else if (r.entityType === 'Appointment') {
      // Who may see it is decided at delivery; the snapshot decides for deleted ones, which no query returns.
      const data = { change: appointmentChange(r), assigneeId: row?.assigneeId ?? null, projectId: row?.projectId ?? null };
      await this.outbox.append(m, { type: 'appointment.updated', entityId: r.entityId, teamId: r.teamId, data });
    }
    if (DASHBOARD_INPUTS.has(r.entityType)) await this.outbox.dashboardChanged(m, r.teamId ?? null);
  }

  /** Admins see every entry; managers the entries of their teams' records and of their own actions. */
  list(viewer: Viewer, args: PageArgs & { filter?: AuditLogListFilter | null }): Promise<AuditEntryConnection> {
    const qb = this.visible(viewer);
    const f = args.filter;
    if (f?.entityType) qb.andWhere('a.entity_type = :type', { type: f.entityType });
    if (f?.entityId) qb.andWhere('a.entity_id = :eid', { eid: f.entityId });
    if (f?.actorId) qb.andWhere('a.actor_id = :actor', { actor: f.actorId });
    if (f?.actions?.length) qb.andWhere('a.action = ANY(:actions)', { actions: f.actions });
    if (f?.occurredAt?.from) qb.andWhere('a.occurred_at >= :from', { from: f.occurredAt.from });
    if (f?.occurredAt?.to) qb.andWhere('a.occurred_at <= :to', { to: f.occurredAt.to });
    return paginate(qb, args, [
      { sql: 'a.occurred_at', direction: 'DESC', value: (e) => e.occurredAt },
      { sql: 'a.id', direction: 'DESC', value: (e) => e.id },
    ]);
  }

  /** One entry, under the same rules as `list`; null for others. */
  get(viewer: Viewer, id: string | null): Promise<AuditEntryEntity | null> {
    if (!id || (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')) return Promise.resolve(null);
    return this.visible(viewer).andWhere('a.id = :id', { id }).getOne();
  }

  private visible(viewer: Viewer) {
    if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER') throw forbidden();
    const qb = this.ds.getRepository(AuditEntryEntity).createQueryBuilder('a');
    if (viewer.role === 'MANAGER') {
      qb.andWhere('(a.team_id = ANY(:teams) OR a.actor_id = :me)', { teams: viewerTeamIds(viewer), me: viewer.id });
    }
    return qb;
  }
}
