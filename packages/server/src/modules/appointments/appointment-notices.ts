import type { EntityManager } from 'typeorm';
import type { AppointmentKind, AppointmentStatus } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import type { NotificationService } from '../notifications/notification.service';
import type { AppointmentEntity } from './appointment.entity';

const UPCOMING: AppointmentStatus[] = ['SCHEDULED', 'CONFIRMED'];

const KIND_LABELS: Record<AppointmentKind, string> = {
  INSPECTION: 'Inspection',
  ESTIMATE: 'Estimate',
  INSTALL: 'Installation',
  FOLLOW_UP: 'Follow-up',
};

/**
 * Tells the assignee, inside the booking's transaction, that the appointment was booked for them
 * ("Inspection booked: Jane Doe — Tue, Jun 1, 9:00 AM CDT"). Nobody is told about what they booked themselves, nor
 * about an appointment that is not (or no longer) coming up.
 */
export async function notifyBooked(
  m: EntityManager,
  notifications: NotificationService,
  viewer: Viewer,
  a: AppointmentEntity,
  customerName?: string,
): Promise<void> {
  if (!a.assigneeId || a.assigneeId === viewer.id || !UPCOMING.includes(a.status)) return;
  const name = customerName ?? ((await m.query('SELECT name FROM customers WHERE id = $1', [a.customerId])) as Array<{ name: string }>)[0]?.name;
  await notifications.notify(m, {
    recipientId: a.assigneeId,
    kind: 'APPOINTMENT_BOOKED',
    title: `${KIND_LABELS[a.kind]} booked: ${name} — ${notifications.localTime(a.startsAt)}`,
    body: [a.title, a.location, `Booked by ${viewer.name}`].filter(Boolean).join('\n'),
    subject: { type: 'Appointment', id: a.id },
  });
}
