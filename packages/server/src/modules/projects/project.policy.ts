import { canWriteTeamRecord, myProjectIds, roleScope, scopeParams, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { ProjectEntity } from './project.entity';

/** Projects a viewer may see: admins all; managers and sales their teams' projects; field techs their crews' projects. */
export const projectScope = (viewer: Viewer, alias: string): Scope =>
  roleScope(viewer, alias, { sales: 'team', fieldTech: (v, a) => ({ sql: `${a}.id IN ${myProjectIds}`, params: scopeParams(v) }) });

/** Full edit rights: admins; managers and sales of the project's team. */
export const canWriteProject = (viewer: Viewer, project: ProjectEntity): boolean => canWriteTeamRecord(viewer, project);

/** Fields a field tech may change on a project they are on (progress reporting). */
export const FIELD_TECH_PROJECT_FIELDS = ['status', 'completionPercentage', 'actualCost'] as const;
