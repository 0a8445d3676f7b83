import { In, type DataSource, type EntityManager } from 'typeorm';
import type { AlertKind, AlertSeverity } from '../../generated/graphql';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import { badUserInput, forbidden } from '../../platform/errors';
import type { AuditService } from '../audit/audit.service';
import { AlertEntity } from './alert.entity';
import type { NotificationService } from './notification.service';

export interface RaiseInput {
  kind: AlertKind;
  severity: AlertSeverity;
  title: string;
  body?: string | null;
  /** GraphQL type and id of the record it is about. */
  subject?: { type: string; id: string } | null;
  teamId?: string | null;
  /** One open alert per key, e.g. `PROJECT_OVER_BUDGET:<project id>:WARNING`. */
  dedupeKey: string;
}

/** Raises, resolves and lists system alerts. */
export class AlertService {
  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  /** `raiseAll` for one alert: the alert when it was raised, null when it was already open or dismissed. */
  async raise(m: EntityManager, input: RaiseInput): Promise<AlertEntity | null> {
    return (await this.raiseAll(m, [input]))[0] ?? null;
  }

  /**
   * Raises alerts inside the caller's transaction, in one statement, and notifies whom each concerns (the manager of
   * its team, or the admins). A key is skipped while an open alert has it (alerts_open_dedupe_key) and once a person
   * resolved an alert with it by hand: that condition was dismissed, and comes back only under a new key.
   */
  async raiseAll(m: EntityManager, inputs: readonly RaiseInput[]): Promise<AlertEntity[]> {
    if (!inputs.length) return [];
    const column = <T>(f: (i: RaiseInput) => T) => inputs.map(f);
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO alerts (kind, severity, title, body, entity_type, entity_id, team_id, dedupe_key)
       SELECT i.* FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::text[], $5::varchar[], $6::uuid[], $7::uuid[], $8::varchar[])
              AS i(kind, severity, title, body, entity_type, entity_id, team_id, dedupe_key)
        WHERE NOT EXISTS (SELECT 1 FROM alerts d WHERE d.dedupe_key = i.dedupe_key AND (d.resolved_at IS NULL OR d.resolved_by IS NOT NULL))
       ON CONFLICT (dedupe_key) WHERE resolved_at IS NULL DO NOTHING
       RETURNING id`,
      [
        column((i) => i.kind),
        column((i) => i.severity),
        column((i) => i.title.slice(0, 200)),
        column((i) => i.body ?? null),
        column((i) => i.subject?.type ?? null),
        column((i) => i.subject?.id ?? null),
        column((i) => i.teamId ?? null),
        column((i) => i.dedupeKey),
      ],
    );
    if (!rows.length) return [];
    const alerts = await m.getRepository(AlertEntity).findBy({ id: In(rows.map((r) => r.id)) });
    await this.notifyConcerned(m, alerts);
    return alerts;
  }

  /** Resolves the open alerts of `kind` whose condition no longer holds (key not in `stillTrueKeys`); returns how many. */
  async resolveWhere(m: EntityManager, kind: AlertKind, stillTrueKeys: readonly string[]): Promise<number> {
    const [, count]: [unknown, number] = await m.query(
      `UPDATE alerts SET resolved_at = now() WHERE kind = $1 AND resolved_at IS NULL AND NOT (dedupe_key = ANY($2::varchar[]))`,
      [kind, stillTrueKeys],
    );
    return count;
  }

  /** Alerts newest first: admins all, managers their teams'. Open ones unless `includeResolved`. */
  list(viewer: Viewer, args: { includeResolved?: boolean | null; first?: number | null }): Promise<AlertEntity[]> {
    const first = args.first ?? 50;
    if (first < 1 || first > 100) throw badUserInput('`first` must be between 1 and 100.', 'first');
    const qb = this.visible(viewer).orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(first);
    if (!args.includeResolved) qb.andWhere('a.resolved_at IS NULL');
    return qb.getMany();
  }

  /** One alert the viewer sees (admins all, managers their teams'); null otherwise. */
  async get(viewer: Viewer, id: string | null): Promise<AlertEntity | null> {
    if (!id || (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER')) return null;
    return this.visible(viewer).andWhere('a.id = :id', { id }).getOne();
  }

  /** Resolves an alert the viewer sees by hand (already resolved: unchanged); null when they do not see it. */
  async resolve(viewer: Viewer, id: string | null): Promise<AlertEntity | null> {
    const existing = await this.get(viewer, id);
    if (!existing || existing.resolvedAt) return existing;
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(AlertEntity);
      const { affected } = await repo
        .createQueryBuilder()
        .update()
        .set({ resolvedAt: () => 'now()', resolvedById: viewer.id })
        .where('id = :id AND resolved_at IS NULL', { id: existing.id })
        .execute();
      const after = await repo.findOneByOrFail({ id: existing.id });
      if (affected) await this.audit.record(m, viewer, { entityType: 'Alert', entityId: after.id, action: 'UPDATE', before: existing, after, teamId: after.teamId });
      return after;
    });
  }

  private visible(viewer: Viewer) {
    const qb = this.ds.getRepository(AlertEntity).createQueryBuilder('a');
    if (viewer.role === 'ADMIN') return qb;
    if (viewer.role !== 'MANAGER') throw forbidden();
    return qb.andWhere('a.team_id = ANY(:teams)', { teams: viewerTeamIds(viewer) });
  }

  /** One ALERT notification per alert and recipient: the team's active manager, else every active admin. */
  private async notifyConcerned(m: EntityManager, alerts: AlertEntity[]): Promise<void> {
    const recipients: Array<{ alert_id: string; user_id: string }> = await m.query(
      `SELECT a.id AS alert_id, r.id AS user_id
         FROM alerts a
         LEFT JOIN teams t ON t.id = a.team_id
         LEFT JOIN users mgr ON mgr.id = t.manager_id AND mgr.active
         JOIN users r ON (r.id = mgr.id) OR (mgr.id IS NULL AND r.role = 'ADMIN' AND r.active)
        WHERE a.id = ANY($1::uuid[])`,
      [alerts.map((a) => a.id)],
    );
    const byId = new Map(alerts.map((a) => [a.id, a]));
    await this.notifications.notifyAll(
      m,
      recipients.map((r) => {
        const alert = byId.get(r.alert_id)!;
        return {
          recipientId: r.user_id,
          kind: 'ALERT' as const,
          title: alert.title,
          body: alert.body,
          subject: alert.entityType && alert.entityId ? { type: alert.entityType, id: alert.entityId } : null,
          dedupeKey: `alert:${alert.id}:${r.user_id}`,
        };
      }),
    );
  }
}
