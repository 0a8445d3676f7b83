import { NONE, myProjectIds, scopeParams, type Scope } from '../../platform/auth/scope';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import type { ProjectEntity } from './project.entity';

/** Projects a viewer may see: admins all; managers and sales their teams' projects; field techs their crews' projects. */
export function projectScope(viewer: Viewer, alias: string): Scope {
  const teams = viewerTeamIds(viewer);
  const params = scopeParams(viewer, teams);
  switch (viewer.role) {
    case 'ADMIN':
      return null;
    case 'MANAGER':
    case 'SALES':
      return teams.length ? { sql: `${alias}.team_id = ANY(:scopeTeamIds)`, params } : NONE;
    case 'FIELD_TECH':
      return { sql: `${alias}.id IN ${myProjectIds}`, params };
  }
}

/** Full edit rights: admins; managers and sales of the project's team. */
export function canWriteProject(viewer: Viewer, project: ProjectEntity): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'FIELD_TECH') return false;
  return project.teamId !== null && viewerTeamIds(viewer).includes(project.teamId);
}

/** Fields a field tech may change on a project they are on (progress reporting). */
export const FIELD_TECH_PROJECT_FIELDS = ['status', 'completionPercentage', 'actualCost'] as const;
