import { canWriteTeamRecord, myProjectIds, scopeParams, teamRows, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { ProjectEntity } from './project.entity';

/** Projects a viewer may see: admins all; managers and sales their teams' projects; field techs their crews' projects. */
export function projectScope(viewer: Viewer, alias: string): Scope {
  switch (viewer.role) {
    case 'ADMIN':
      return null;
    case 'MANAGER':
    case 'SALES':
      return teamRows(viewer, alias);
    case 'FIELD_TECH':
      return { sql: `${alias}.id IN ${myProjectIds}`, params: scopeParams(viewer) };
  }
}

/** Full edit rights: admins; managers and sales of the project's team. */
export const canWriteProject = (viewer: Viewer, project: ProjectEntity): boolean => canWriteTeamRecord(viewer, project);

/** Fields a field tech may change on a project they are on (progress reporting). */
export const FIELD_TECH_PROJECT_FIELDS = ['status', 'completionPercentage', 'actualCost'] as const;
