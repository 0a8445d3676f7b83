import type { Resolvers } from '../../generated/graphql';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';
import { loadSubject } from './subject';

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
};
