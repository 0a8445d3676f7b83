import { defineEvent } from '../realtime/event-definition';

const toRecipient = { receive: (viewer: { id: string }, event: { recipientId: string | null }) => event.recipientId === viewer.id };

/** A notification for one user. */
export const notificationCreated = defineEvent<{ id: string; recipientId: string }>({
  type: 'notification.created',
  graphqlType: 'NotificationEvent',
  staleFields: ['notifications'],
  row: (n) => ({ entityId: n.id, recipientId: n.recipientId }),
  ...toRecipient,
});

/** An appointment of one user starts soon (`leadTime`: e.g. `1h`). */
export const appointmentReminder = defineEvent<{ appointmentId: string | null; recipientId: string; leadTime: string }>({
  type: 'appointment.reminder',
  graphqlType: 'AppointmentReminderEvent',
  row: (r) => ({ entityId: r.appointmentId, recipientId: r.recipientId, data: { leadTime: r.leadTime } }),
  ...toRecipient,
});
