import type { DataSource, EntityManager } from 'typeorm';
import type { AuditAction, AuditLogFilter } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { viewerTeamIds } from '../../platform/auth/viewer';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { forbidden } from '../../platform/errors';
import { requestScope } from '../../platform/logger';
import { mayManageKeys } from '../api-keys/api-key.policy';
import { AuditEntryEntity, type AuditChanges } from './audit-entry.entity';

export type AuditEntryConnection = Connection<AuditEntryEntity>;

/** The `auditLog` filter as the service takes it: keys for IDs (NO_MATCH_ID when an ID named nothing). */
export interface AuditLogListFilter extends Omit<AuditLogFilter, 'entityId' | 'actorId' | 'apiKeyId'> {
  entityId?: string | null;
  actorId?: string | null;
  apiKeyId?: string | null;
}

/** Fields never worth recording. */
const IGNORED = new Set(['createdAt', 'updatedAt', 'passwordHash', 'secretHash', 'previousHash']);

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

/**
 * Who made a change: the staff member given; else the API key the request came with (a partner's or an integration's,
 * whatever service wrote on its behalf: they take no staff viewer); else nobody, the system (a job, an inbound message).
 */
function authorOf(actor: Viewer | null): { actorId: string | null; apiKeyId: string | null } {
  return { actorId: actor?.id ?? null, apiKeyId: actor ? null : (requestScope.getStore()?.apiKeyId ?? null) };
}

export interface AuditRecord {
  entityType: string;
  entityId: string;
  action: AuditAction;
  before: object | null;
  after: object | null;
  teamId?: string | null;
}

export class AuditService {
  constructor(private readonly ds: DataSource) {}

  /**
   * Records a change inside the caller's transaction, so the entry exists exactly when the change does. False (and
   * nothing recorded) for an update that changed nothing.
   */
  async record(m: EntityManager, actor: Viewer | null, r: AuditRecord): Promise<boolean> {
    const changes = diff(r.before, r.after);
    if (r.action === 'UPDATE' && Object.keys(changes).length === 0) return false;
    await m.getRepository(AuditEntryEntity).insert({
      ...authorOf(actor),
      entityType: r.entityType,
      entityId: r.entityId,
      action: r.action,
      changes: changes as never, // jsonb; TypeORM cannot type a Record column for insert
      teamId: r.teamId ?? null,
      requestId: requestScope.getStore()?.requestId ?? null,
    });
    return true;
  }

  /**
   * Records many changes with one statement inside the caller's transaction (bulk writes: imports). `requestId` ties
   * them together (e.g. `import:<id>`); the request's own id when omitted. Updates that changed nothing are skipped.
   * Returns how many entries were written.
   */
  async recordMany(m: EntityManager, actor: Viewer | null, records: AuditRecord[], requestId?: string): Promise<number> {
    const request = requestId ?? requestScope.getStore()?.requestId ?? null;
    const { actorId, apiKeyId } = authorOf(actor);
    const rows = records
      .map((r) => ({ r, changes: diff(r.before, r.after) }))
      .filter(({ r, changes }) => r.action !== 'UPDATE' || Object.keys(changes).length > 0)
      .map(({ r, changes }) => ({
        actor_id: actorId,
        api_key_id: apiKeyId,
        entity_type: r.entityType,
        entity_id: r.entityId,
        action: r.action,
        changes,
        team_id: r.teamId ?? null,
        request_id: request,
      }));
    if (!rows.length) return 0;
    await m.query(
      `INSERT INTO audit_log (actor_id, api_key_id, entity_type, entity_id, action, changes, team_id, request_id)
       SELECT actor_id, api_key_id, entity_type, entity_id, action, changes, team_id, request_id FROM json_populate_recordset(NULL::audit_log, $1::json)`,
      [JSON.stringify(rows)],
    );
    return rows.length;
  }

  /** A background job's completed run: actor the system, the job's name and what its handler reported. */
  async recordJobRun(run: { name: string; jobId: string; result: unknown }): Promise<void> {
    const outcome = run.result && typeof run.result === 'object' ? (run.result as Record<string, unknown>) : { result: run.result ?? null };
    await this.record(this.ds.manager, null, { entityType: 'Job', entityId: run.jobId, action: 'RUN', before: null, after: { job: run.name, ...outcome } });
  }

  /**
   * Admins see every entry; managers the entries of their teams' records and of their own actions. Which API key made
   * an entry is for admins (`AuditEntry.apiKey`, the `apiKeyId` filter), as keys are.
   */
  list(viewer: Viewer, args: PageArgs & { filter?: AuditLogListFilter | null }): Promise<AuditEntryConnection> {
    const qb = this.visible(viewer);
    const f = args.filter;
    if (f?.entityType) qb.andWhere('a.entity_type = :type', { type: f.entityType });
    if (f?.entityId) qb.andWhere('a.entity_id = :eid', { eid: f.entityId });
    if (f?.actorId) qb.andWhere('a.actor_id = :actor', { actor: f.actorId });
    // Keys are the admins' to see: for anyone else, a key's entries are not told apart from the system's.
    if (f?.apiKeyId) qb.andWhere(mayManageKeys(viewer) ? 'a.api_key_id = :key' : 'false', { key: f.apiKeyId });
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
