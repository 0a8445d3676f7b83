import { createAppointment, createCustomer, createLead, createTeam, createUser } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { fromNow, notificationsOfKind, runJob, unschedule } from '../../../test/notification-factories';
import { zonedFormat } from '../../platform/time-zone';

// A company on the west coast: its notifications and their e-mails name times there, whatever the server's clock zone.
const ZONE = 'America/Los_Angeles';
const { t } = useTestApp({ env: { JOBS_WORKERS: 'true', COMPANY_TIME_ZONE: ZONE } });

/** `9:05 PM PST` for `at` in the company's zone (what a notification must name). */
const clock = (at: Date) => zonedFormat(ZONE, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at);

it('reminders and their e-mails name times in COMPANY_TIME_ZONE', async () => {
  await unschedule(t, ['follow-up-reminders', 'appointment-reminders']);
  const teamId = (await createTeam(t.ds)).id;
  const rep = await createUser(t.ds, { role: 'SALES', teamId });
  const customer = await createCustomer(t.ds, { teamId });
  const appointment = await createAppointment(t.ds, customer, { assigneeId: rep.id, startsAt: fromNow(30), endsAt: fromNow(60), title: 'Roof check' });
  const due = fromNow(-10);
  await createLead(t.ds, { teamId, assigneeId: rep.id, contactName: 'Pat Lee', nextFollowUpAt: due });

  await runJob(t, 'appointment-reminders');
  await runJob(t, 'follow-up-reminders');

  const [soon] = await notificationsOfKind(t.ds, 'APPOINTMENT_IN_1H');
  expect(soon!.title).toContain(clock(appointment.startsAt));
  expect(soon!.title).toMatch(/P[SD]T$/);
  const [followUp] = await notificationsOfKind(t.ds, 'FOLLOW_UP_DUE');
  expect(followUp!.body).toContain(clock(due));
  const mails: Array<{ subject: string; text: string }> = await t.ds.query(`SELECT subject, text FROM messages WHERE recipient = $1`, [rep.email]);
  expect(mails.find((m) => m.subject === soon!.title)).toBeDefined();
  expect(mails.find((m) => m.subject === 'Follow up with Pat Lee')!.text).toContain(clock(due));
});
