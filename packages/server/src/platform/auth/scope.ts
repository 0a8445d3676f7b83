import type { ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import { viewerTeamIds, type Viewer } from './viewer';

/**
 * A row-level rule as SQL: which rows of a table the viewer may see. `null` means every row (admins); `NONE` means
 * no row. Services and loaders add it to every query, so lists, counts, nested fields and `node` agree.
 */
export type Scope = { sql: string; params: Record<string, unknown> } | null;

export const NONE: Scope = { sql: 'false', params: {} };

export function applyScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: Scope): SelectQueryBuilder<T> {
  return scope ? qb.andWhere(scope.sql, scope.params) : qb;
}

export function whereScope(w: WhereExpressionBuilder, scope: Scope): void {
  if (scope) w.andWhere(scope.sql, scope.params);
}

/** Projects the viewer is on the crew of (for field techs), as a SQL subquery of project ids. */
export const myProjectIds = `(SELECT pm.project_id FROM project_members pm JOIN projects mp ON mp.id = pm.project_id
  WHERE pm.user_id = :scopeUserId AND mp.deleted_at IS NULL)`;

/** Parameters every scope may use. */
export const scopeParams = (viewer: Viewer) => ({ scopeUserId: viewer.id, scopeTeamIds: viewerTeamIds(viewer) });

/** A loader `scope` callback that applies a viewer's row-level rule (no viewer: no rows). */
export function scoped<T extends ObjectLiteral>(viewer: Viewer | null, rule: (viewer: Viewer, alias: string) => Scope) {
  return (qb: SelectQueryBuilder<T>) => applyScope(qb, viewer ? rule(viewer, 'e') : NONE);
}

/** Rows owned by one of the viewer's teams (their own and the ones they manage). */
export function teamRows(viewer: Viewer, alias: string): Scope {
  const teams = viewerTeamIds(viewer);
  return teams.length ? { sql: `${alias}.team_id = ANY(:scopeTeamIds)`, params: scopeParams(viewer) } : NONE;
}

/**
 * The usual ladder of row-level rules: admins every row; managers their teams' rows (`teamRows`); sales their teams'
 * rows, or (`sales: 'assigned'`) what is assigned to them or unassigned in their team; field techs `fieldTech`.
 */
export function roleScope(
  viewer: Viewer,
  alias: string,
  rules: { sales: 'team' | 'assigned'; fieldTech: (viewer: Viewer, alias: string) => Scope },
): Scope {
  switch (viewer.role) {
    case 'ADMIN':
      return null;
    case 'MANAGER':
      return teamRows(viewer, alias);
    case 'SALES':
      return rules.sales === 'team' ? teamRows(viewer, alias) : assignedOrOpen(viewer, alias);
    case 'FIELD_TECH':
      return rules.fieldTech(viewer, alias);
  }
}

/** Rows assigned to the viewer, or unassigned in one of their teams (sales work queues). */
export function assignedOrOpen(viewer: Viewer, alias: string): Scope {
  return {
    sql: `(${alias}.assignee_id = :scopeUserId OR (${alias}.assignee_id IS NULL AND ${alias}.team_id = ANY(:scopeTeamIds)))`,
    params: scopeParams(viewer),
  };
}

/**
 * Who may change a team-owned record they can see: admins; managers and sales of its team. Field techs never.
 * (The JS twin of `teamRows` for writes.)
 */
export function canWriteTeamRecord(viewer: Viewer, row: { teamId: string | null }): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'FIELD_TECH') return false;
  return row.teamId !== null && viewerTeamIds(viewer).includes(row.teamId);
}

/** Admins and managers see (and restore) deleted records. */
export const seesDeleted = (viewer: Viewer) => viewer.role === 'ADMIN' || viewer.role === 'MANAGER';

/**
 * Who may change an assignable record they can see: admins; managers of its team; sales when it is theirs or
 * unassigned in their team. Field techs never.
 */
export function canWriteAssignable(viewer: Viewer, row: { teamId: string | null; assigneeId: string | null }): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'FIELD_TECH') return false;
  const inTeam = row.teamId !== null && viewerTeamIds(viewer).includes(row.teamId);
  if (viewer.role === 'MANAGER') return inTeam;
  return row.assigneeId === viewer.id || (row.assigneeId === null && inTeam);
}
// `canWriteAssignable` is also the JS twin of `teamRows` (managers) and `assignedOrOpen` (sales) for reading: for an
// assignable record, who may see it is who may change it.
