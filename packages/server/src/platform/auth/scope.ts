import type { ObjectLiteral, SelectQueryBuilder, WhereExpressionBuilder } from 'typeorm';
import type { Viewer } from './viewer';

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
export const scopeParams = (viewer: Viewer, teamIds: string[]) => ({ scopeUserId: viewer.id, scopeTeamIds: teamIds });

/** A loader `scope` callback that applies a viewer's row-level rule (no viewer: no rows). */
export function scoped<T extends ObjectLiteral>(viewer: Viewer | null, rule: (viewer: Viewer, alias: string) => Scope) {
  return (qb: SelectQueryBuilder<T>) => applyScope(qb, viewer ? rule(viewer, 'e') : NONE);
}
