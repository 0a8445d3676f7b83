import { CREATE_APPOINTMENT, UPDATE_APPOINTMENT, at, gid } from '../../../test/appointments-factories';
import { createAppointment, createCustomer, createTeam, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { NOTIFICATIONS, notificationsOfKind } from '../../../test/notification-factories';
import type { CustomerEntity } from '../customers/customer.entity';

const { t } = useTestApp();
let manager: Session, sales: Session, sales2: Session;
let customer: CustomerEntity;

beforeAll(async () => {
  const teamId = (await createTeam(t.ds)).id;
  manager = await signedIn(t, 'MANAGER', teamId);
  sales = await signedIn(t, 'SALES', teamId);
  sales2 = await signedIn(t, 'SALES', teamId);
  customer = await createCustomer(t.ds, { name: 'Jane Roofer', teamId });
});
beforeEach(() => t.ds.query('DELETE FROM notifications'));

const send = async (query: string, i: Record<string, unknown>, s: Session) => {
  const r = await t.gql(query, { i }, s.accessToken);
  if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
  return Object.values(r.body.data)[0] as { appointment: { id: string } | null; errors: Array<{ code: string }> };
};
const book = (input: Record<string, unknown>, s: Session = manager) =>
  send(CREATE_APPOINTMENT, { customerId: gid('Customer', customer.id), kind: 'INSPECTION', ...input }, s);
const update = (input: Record<string, unknown>, s: Session = manager) => send(UPDATE_APPOINTMENT, input, s);
/** Who got APPOINTMENT_BOOKED notifications, in order. */
const booked = async () => (await notificationsOfKind(t.ds, 'APPOINTMENT_BOOKED')).map((n) => n.recipient_id);

describe('APPOINTMENT_BOOKED', () => {
  it('tells the assignee of a new appointment, with the customer and the local time, linked to the appointment', async () => {
    const p = await book({ startsAt: at(1, 14), endsAt: at(1, 15), assigneeId: sales.id });
    expect(p.errors).toEqual([]);
    const r = await t.gql(NOTIFICATIONS, {}, sales.accessToken);
    expect(r.body.data.notifications).toMatchObject({ totalCount: 1, unreadCount: 1 });
    expect(r.body.data.notifications.edges[0].node).toMatchObject({
      kind: 'APPOINTMENT_BOOKED',
      title: 'Inspection booked: Jane Roofer — Tue, Jun 1, 9:00 AM CDT',
      body: `Inspection – Jane Roofer\n100 Main St, Minneapolis, MN 55401\nBooked by ${manager.user.name}`,
      readAt: null,
      subject: { __typename: 'Appointment', id: p.appointment!.id },
    });
  });

  it('tells nobody about what they booked themselves, an unassigned booking or a refused one', async () => {
    expect((await book({ startsAt: at(2, 14), endsAt: at(2, 15), assigneeId: sales.id }, sales)).errors).toEqual([]);
    expect((await book({ startsAt: at(2, 16), endsAt: at(2, 17) })).errors).toEqual([]);
    expect((await book({ startsAt: at(2, 14), endsAt: at(2, 15), assigneeId: sales.id })).errors.map((e) => e.code)).toEqual(['CONFLICT']);
    expect(await booked()).toEqual([]);
  });

  it('tells the new assignee on reassignment, not the previous one; other changes tell nobody', async () => {
    const a = await createAppointment(t.ds, customer, { assigneeId: sales.user.id });
    expect((await update({ id: gid('Appointment', a.id), notes: 'Bring the ladder' })).errors).toEqual([]);
    expect(await booked()).toEqual([]);
    expect((await update({ id: gid('Appointment', a.id), assigneeId: sales2.id })).errors).toEqual([]);
    expect(await booked()).toEqual([sales2.user.id]);
    expect((await update({ id: gid('Appointment', a.id), assigneeId: null })).errors).toEqual([]);
    expect(await booked()).toEqual([sales2.user.id]);
  });

  it('tells the assignee again when a cancelled appointment is booked again, not when it is cancelled', async () => {
    const a = await createAppointment(t.ds, customer, { assigneeId: sales.user.id });
    const id = gid('Appointment', a.id);
    expect((await update({ id, status: 'CANCELLED' })).errors).toEqual([]);
    expect((await update({ id, assigneeId: sales2.id })).errors).toEqual([]);
    expect(await booked()).toEqual([]);
    expect((await update({ id, status: 'SCHEDULED' })).errors).toEqual([]);
    expect(await booked()).toEqual([sales2.user.id]);
  });
});
