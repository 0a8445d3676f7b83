import { assignedOrOpen, canWriteAssignable, myProjectIds, scopeParams, teamRows, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { AppointmentEntity } from './appointment.entity';

/**
 * Appointments a viewer may see: admins all; managers their teams'; sales the ones assigned to them and the
 * unassigned ones of their team; field techs those of their projects and those assigned to them.
 */
export function appointmentScope(viewer: Viewer, alias: string): Scope {
  switch (viewer.role) {
    case 'ADMIN':
      return null;
    case 'MANAGER':
      return teamRows(viewer, alias);
    case 'SALES':
      return assignedOrOpen(viewer, alias);
    case 'FIELD_TECH':
      return {
        sql: `(${alias}.assignee_id = :scopeUserId OR ${alias}.project_id IN ${myProjectIds})`,
        params: scopeParams(viewer),
      };
  }
}

/** Who may change an appointment they can see: admins, managers of its team, sales it is assigned to or unassigned in their team. */
export const canWriteAppointment = (viewer: Viewer, a: AppointmentEntity): boolean => canWriteAssignable(viewer, a);
