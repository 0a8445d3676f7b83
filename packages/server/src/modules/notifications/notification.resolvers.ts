import type { Resolvers } from '../../generated/graphql';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';
import { loadSubject } from './subject';
import { eventFields, liveStream } from '../realtime/live-stream';
import { appointmentReminder, notificationCreated } from './notification.events';

export const notificationResolvers: Resolvers = {
  Query: {
    notifications: (_, args, { services, viewer }) => services.notifications.list(viewer, args),
    alerts: (_, args, { services, viewer }) => services.alerts.list(viewer, args),
  },
  Mutation: {
    markNotificationRead: (_, { id }, { services, viewer }) => services.notifications.markRead(viewer, idOf('Notification', id)),
    markAllNotificationsRead: (_, __, { services, viewer }) => services.notifications.markAllRead(viewer),
    resolveAlert: (_, { id }, { services, viewer }) => services.alerts.resolve(viewer, idOf('Alert', id)),
  },
  Notification: {
    id: (n) => toGlobalId('Notification', n.id),
    subject: (n, _, { loaders }) => loadSubject(loaders, n.entityType, n.entityId),
  },
  NotificationConnection: {
    totalCount: (c) => c.totalCount(),
    unreadCount: (c) => c.unreadCount(),
  },
  Alert: {
    id: (a) => toGlobalId('Alert', a.id),
    subject: (a, _, { loaders }) => loadSubject(loaders, a.entityType, a.entityId),
    team: (a, _, { loaders }) => (a.teamId ? loaders.teamById.load(a.teamId) : null),
  },
  Subscription: {
    appointmentReminder: liveStream([appointmentReminder]),
    notificationReceived: liveStream([notificationCreated]),
  },
  NotificationEvent: {
    ...eventFields,
    notification: async (e, _, { services, viewer }) => {
      // Reached only through a subscription or missedEvents, both signed in.
      const n = await services.notifications.get(viewer!, e.entityId);
      if (!n) throw new Error(`notification ${e.entityId} not found for its recipient`);
      return n;
    },
  },
  AppointmentReminderEvent: {
    ...eventFields,
    leadTime: (e) => String(e.data.leadTime ?? ''),
    appointment: (e, _, { loaders }) => (e.entityId ? loaders.appointmentById.load(e.entityId) : null),
  },
};
