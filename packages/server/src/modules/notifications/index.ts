import type { Feature } from '../feature';
import { AlertEntity } from './alert.entity';
import { NotificationEntity } from './notification.entity';
import { notificationJobs } from './notification.jobs';
import { notificationResolvers } from './notification.resolvers';
import { appointmentReminder, notificationCreated } from './notification.events';

export const notifications: Feature = {
  name: 'notifications',
  entities: [NotificationEntity, AlertEntity],
  resolvers: notificationResolvers,
  nodeTypes: [
    { typeName: 'Notification', entity: NotificationEntity, load: (id, _globalId, { services, viewer }) => services.notifications.get(viewer, id) },
    { typeName: 'Alert', entity: AlertEntity, load: (id, _globalId, { services, viewer }) => services.alerts.get(viewer, id) },
  ],
  events: [notificationCreated, appointmentReminder],
  jobs: notificationJobs,
};
