import type { AppointmentChange } from '../../generated/graphql';
import { dashboardView } from '../analytics/dashboard.events';
import { defineEvent, type RecordWrite, type WriteEffects } from '../realtime/event-definition';
import type { AppointmentEntity } from './appointment.entity';

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
});

export const appointmentWrites: WriteEffects<AppointmentEntity> = {
  events: { CREATE: appointmentUpdated, UPDATE: appointmentUpdated, DELETE: appointmentUpdated, HARD_DELETE: appointmentUpdated, RESTORE: appointmentUpdated },
  staleViews: [dashboardView],
};
