import { canWriteAssignable, myProjectIds, roleScope, scopeParams, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { AppointmentEntity } from './appointment.entity';

/**
 * Appointments a viewer may see: admins all; managers their teams'; sales the ones assigned to them and the
 * unassigned ones of their team; field techs those of their projects and those assigned to them.
 */
export const appointmentScope = (viewer: Viewer, alias: string): Scope =>
  roleScope(viewer, alias, {
    sales: 'assigned',
    fieldTech: (v, a) => ({ sql: `(${a}.assignee_id = :scopeUserId OR ${a}.project_id IN ${myProjectIds})`, params: scopeParams(v) }),
  });

/** Who may change an appointment they can see: admins, managers of its team, sales it is assigned to or unassigned in their team. */
export const canWriteAppointment = (viewer: Viewer, a: AppointmentEntity): boolean => canWriteAssignable(viewer, a);
