import { scopeParams, type Scope } from '../../platform/auth/scope';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import type { SavedViewEntity } from './saved-view.entity';

/**
 * Saved views a viewer may see: their own, and views shared with one of their teams (their own and the ones they
 * manage); admins every shared view. Someone else's personal view is nobody else's, admins included.
 */
export function savedViewScope(viewer: Viewer, alias: string): Scope {
  const params = scopeParams(viewer);
  if (viewer.role === 'ADMIN') return { sql: `(${alias}.owner_id = :scopeUserId OR ${alias}.shared)`, params };
  return { sql: `(${alias}.owner_id = :scopeUserId OR (${alias}.shared AND ${alias}.team_id = ANY(:scopeTeamIds)))`, params };
}

/** Who may change or delete a view they see: its owner; admins and the managers of its team a shared one. */
export function canEditSavedView(viewer: Viewer, view: SavedViewEntity): boolean {
  if (view.ownerId === viewer.id) return true;
  if (!view.shared) return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'MANAGER' && view.teamId !== null && viewerTeamIds(viewer).includes(view.teamId);
}
