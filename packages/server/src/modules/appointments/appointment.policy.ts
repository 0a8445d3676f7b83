import { NONE, myProjectIds, scopeParams, type Scope } from '../../platform/auth/scope';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import type { AppointmentEntity } from './appointment.entity';

/**
 * Appointments a viewer may see: admins all; managers their teams'; sales the ones assigned to them and the
 * unassigned ones of their team; field techs those of their projects and those assigned to them.
 */
export function appointmentScope(viewer: Viewer, alias: string): Scope {
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
      return { sql: `(${alias}.assignee_id = :scopeUserId OR ${alias}.project_id IN ${myProjectIds})`, params };
  }
}

/** Who may change an appointment they can see: admins, managers of its team, sales it is assigned to or unassigned in their team. */
export function canWriteAppointment(viewer: Viewer, a: AppointmentEntity): boolean {
  if (viewer.role === 'ADMIN') return true;
  if (viewer.role === 'FIELD_TECH') return false;
  const inTeam = a.teamId !== null && viewerTeamIds(viewer).includes(a.teamId);
  if (viewer.role === 'MANAGER') return inTeam;
  return a.assigneeId === viewer.id || (a.assigneeId === null && inTeam);
}
