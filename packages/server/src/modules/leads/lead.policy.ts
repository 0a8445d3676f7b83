import { NONE, scopeParams, type Scope } from '../../platform/auth/scope';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import type { LeadEntity } from './lead.entity';

/**
 * Leads a viewer may see: admins all; managers their teams' leads; sales the leads assigned to them and the
 * unassigned leads of their team; field techs none.
 */
export function leadScope(viewer: Viewer, alias: string): Scope {
  const teams = viewerTeamIds(viewer);
  const params = scopeParams(viewer, teams);
  switch (viewer.role) {
    case 'ADMIN':
      return null;
    case 'MANAGER':
      return teams.length ? { sql: `${alias}.team_id = ANY(:scopeTeamIds)`, params } : NONE;
    case 'SALES':
      return {
        sql: `(${alias}.assignee_id = :scopeUserId OR (${alias}.assignee_id IS NULL AND ${alias}.team_id = ANY(:scopeTeamIds)))`,
        params,
      };
    case 'FIELD_TECH':
      return NONE;
  }
}

/** Whether the viewer may change a lead they can see (sales: theirs or unassigned in their team). */
export function canWriteLead(viewer: Viewer, lead: LeadEntity): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'FIELD_TECH') return false;
  const inTeam = lead.teamId !== null && viewerTeamIds(viewer).includes(lead.teamId);
  if (viewer.role === 'MANAGER') return inTeam;
  return lead.assigneeId === viewer.id || (lead.assigneeId === null && inTeam);
}
