import type { AppointmentChange } from '../../generated/graphql';
import { dashboardView } from '../analytics/dashboard.events';
import { defineEvent, recordAudience, type RecordWrite, type WriteEffects } from '../realtime/event-definition';
import { AppointmentEntity } from './appointment.entity';
import { appointmentScope } from './appointment.policy';

const current = recordAudience(AppointmentEntity, appointmentScope, (loaders) => loaders.appointmentById);

const CHANGES = { CREATE: 'CREATED', UPDATE: 'UPDATED', DELETE: 'DELETED', HARD_DELETE: 'DELETED', RESTORE: 'RESTORED' } as const;

/** What a write means to the appointment's viewers: an update that calls it off is a cancellation. */
function changeOf({ action, before, after }: RecordWrite<AppointmentEntity>): AppointmentChange {
  if (action === 'UPDATE' && after?.status === 'CANCELLED' && before?.status !== 'CANCELLED') return 'CANCELLED';
  return CHANGES[action];
}

/** An appointment booked, moved, cancelled, deleted or restored. */
export const appointmentUpdated = defineEvent<RecordWrite<AppointmentEntity>>({
  type: 'appointment.updated',
  graphqlType: 'AppointmentEvent',
  staleFields: ['appointments'],
  row: (write) => {
    const a = (write.after ?? write.before)!;
    // Who may see it is decided at delivery; the snapshot decides for deleted ones, which no query returns.
    return { entityId: a.id, teamId: a.teamId, data: { change: changeOf(write), assigneeId: a.assigneeId ?? null, projectId: a.projectId ?? null } };
  },
  // Exactly the viewers the appointments policy lets see it; a deleted one by who could see it when it was deleted.
  receive: async (_viewer, event, loaders) => {
    if (event.entityId === null) return false;
    if (event.data.change !== 'DELETED') return (await loaders.appointmentById.load(event.entityId)) !== null;
    const { assigneeId = null, projectId = null } = event.data as { assigneeId?: string | null; projectId?: string | null };
    return loaders.appointmentSnapshotVisible.load({ teamId: event.teamId, assigneeId, projectId });
  },
  // The same, for every subscriber of a process at once.
  audience: (event, viewers, lookup) => {
    if (event.entityId === null || event.data.change !== 'DELETED') return current(event, viewers, lookup);
    const { assigneeId = null, projectId = null } = event.data as { assigneeId?: string | null; projectId?: string | null };
    return lookup.snapshot({ team_id: event.teamId, assignee_id: assigneeId, project_id: projectId }, appointmentScope).then((sees) => ({ sees }));
  },
});

export const appointmentWrites: WriteEffects<AppointmentEntity> = {
  events: { CREATE: appointmentUpdated, UPDATE: appointmentUpdated, DELETE: appointmentUpdated, HARD_DELETE: appointmentUpdated, RESTORE: appointmentUpdated },
  staleViews: [dashboardView],
};
