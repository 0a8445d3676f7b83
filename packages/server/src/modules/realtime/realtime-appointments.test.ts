import {
  CREATE_APPOINTMENT,
  DELETE_APPOINTMENT,
  HARD_DELETE_APPOINTMENT,
  RESTORE_APPOINTMENT,
  UPDATE_APPOINTMENT,
  at,
  gid,
} from '../../../test/appointments-factories';
import { createCustomer, createProject, createTeam, signedIn, type Session } from '../../../test/factories';
import { outboxPublished, startTestApp, subscribed, type TestApp } from '../../../test/harness';
import type { CustomerEntity } from '../customers/customer.entity';
import type { ProjectEntity } from '../projects/project.entity';

/**
 * `appointmentUpdated` and catch-up over real sockets, two server processes (A writes, B delivers) over one database
 * and one Redis. Delivery follows the appointments policy: managers their teams', sales theirs and their team's
 * unassigned ones, field techs theirs and their projects', admins all.
 */
let a: TestApp;
let b: TestApp;
let teamId: string;
let admin: Session, manager: Session, otherManager: Session, sales: Session, otherSales: Session, tech: Session, otherTech: Session;
let customer: CustomerEntity;
let otherCustomer: CustomerEntity;
let crewed: ProjectEntity; // crew: both techs

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({}, { shareDatabaseOf: a });
  teamId = (await createTeam(a.ds, 'Calendar')).id;
  const otherTeam = (await createTeam(a.ds)).id;
  admin = await signedIn(a, 'ADMIN');
  manager = await signedIn(a, 'MANAGER', teamId);
  otherManager = await signedIn(a, 'MANAGER', otherTeam);
  sales = await signedIn(a, 'SALES', teamId);
  otherSales = await signedIn(a, 'SALES', teamId);
  tech = await signedIn(a, 'FIELD_TECH', teamId);
  otherTech = await signedIn(a, 'FIELD_TECH', teamId);
  customer = await createCustomer(a.ds, { name: 'Live Calendar', teamId });
  otherCustomer = await createCustomer(a.ds, { name: 'Other Calendar', teamId: otherTeam });
  crewed = await createProject(a.ds, customer, { name: 'Both Techs' }, [tech.user.id, otherTech.user.id]);
});
afterAll(async () => {
  await b.close();
  await a.close();
});

const APPOINTMENT_UPDATED = `subscription($team: ID) {
  appointmentUpdated(teamId: $team) { eventId change occurredAt appointment { id title status startsAt assignee { id } } }
}`;
let markers = 0;

async function book(input: Record<string, unknown>, s: Session = sales): Promise<string> {
  const r = await a.gql(CREATE_APPOINTMENT, { i: { customerId: gid('Customer', customer.id), kind: 'INSPECTION', ...input } }, s.accessToken);
  expect(r.body.data?.createAppointment.errors).toEqual([]);
  return r.body.data!.createAppointment.appointment.id;
}
async function change(input: Record<string, unknown>, s: Session = manager): Promise<void> {
  const r = await a.gql(UPDATE_APPOINTMENT, { i: input }, s.accessToken);
  expect(r.body.data?.updateAppointment.errors).toEqual([]);
}
const listen = (s: Session, variables?: Record<string, unknown>) => subscribed(b, b.wsClient(s.accessToken), APPOINTMENT_UPDATED, variables);
type Sub = Awaited<ReturnType<typeof listen>>;
/**
 * Books an unassigned appointment on the project of both techs, which every session of the team sees (sales: their
 * team's unassigned ones). Events reach each subscriber in order, so once it has the marker, anything sent to it
 * earlier has arrived: what it has not got by then it never gets.
 */
const marker = () => book({ startsAt: at(20, 8 + markers), endsAt: at(20, 9 + markers++), projectId: gid('Project', crewed.id) }, manager);
const seen = (sub: Sub) =>
  sub.results.map((r) => [r.data.appointmentUpdated.change, r.data.appointmentUpdated.appointment?.id ?? null] as [string, string | null]);

it('a manager sees an appointment booked by sales of their team as it is booked; another team’s manager does not', async () => {
  const sub = await listen(manager);
  const filtered = await listen(manager, { team: gid('Team', teamId) });
  const outsider = await listen(otherManager);
  const id = await book({ title: 'Roof check', startsAt: at(1, 9), endsAt: at(1, 10), assigneeId: sales.id });
  await sub.waitFor(1);
  await filtered.waitFor(1);
  expect(sub.error).toBeUndefined();
  expect(sub.results[0]!.data.appointmentUpdated).toMatchObject({
    change: 'CREATED',
    appointment: { id, title: 'Roof check', status: 'SCHEDULED', startsAt: at(1, 9), assignee: { id: sales.id } },
  });
  expect(Number(sub.results[0]!.data.appointmentUpdated.eventId)).toBeGreaterThan(0);
  expect(seen(filtered)).toEqual([['CREATED', id]]);
  const theirs = await book({ customerId: gid('Customer', otherCustomer.id), startsAt: at(1, 11), endsAt: at(1, 12) }, otherManager);
  await outsider.waitFor(1);
  expect(seen(outsider)).toEqual([['CREATED', theirs]]); // in order: ours, sent first, would have arrived before it
  [sub, filtered, outsider].forEach((s) => s.unsubscribe());
});

it('the assignee field tech gets the booking, move, cancellation, deletion and restore; a tech not on it gets nothing', async () => {
  const assignee = await listen(tech);
  const bystander = await listen(otherTech);
  const colleague = await listen(otherSales); // sales see only theirs and their team's unassigned ones
  const control = await listen(manager);
  const id = await book({ startsAt: at(2, 9), endsAt: at(2, 10), assigneeId: tech.id });
  await change({ id, startsAt: at(2, 13), endsAt: at(2, 14) });
  await change({ id, status: 'CANCELLED' });
  const deleted = await a.gql(DELETE_APPOINTMENT, { id }, manager.accessToken);
  expect(deleted.body.data.deleteAppointment.errors).toEqual([]);
  const restored = await a.gql(RESTORE_APPOINTMENT, { id }, manager.accessToken);
  expect(restored.body.data.restoreAppointment.errors).toEqual([]);

  const expected = [
    ['CREATED', id],
    ['UPDATED', id],
    ['CANCELLED', id],
    ['DELETED', null], // gone from queries: who could see it when it was deleted is told so
    ['RESTORED', id],
  ];
  const last = ['CREATED', await marker()];
  await Promise.all([control.waitFor(6), assignee.waitFor(6), bystander.waitFor(1), colleague.waitFor(1)]);
  expect(seen(control)).toEqual([...expected, last]);
  expect(seen(assignee)).toEqual([...expected, last]);
  expect(assignee.results[1]!.data.appointmentUpdated.appointment.startsAt).toBe(at(2, 13));
  expect(assignee.results[2]!.data.appointmentUpdated.appointment.status).toBe('CANCELLED');
  expect(seen(bystander)).toEqual([last]);
  expect(seen(colleague)).toEqual([last]);
  [assignee, bystander, colleague, control].forEach((s) => s.unsubscribe());
});

it('follows the policy at delivery time: a reassigned appointment goes to the new assignee only; crews see their project’s', async () => {
  const project = await createProject(a.ds, customer, {}, [otherTech.user.id]);
  const first = await listen(tech);
  const second = await listen(otherTech);
  const control = await listen(manager);
  const id = await book({ startsAt: at(3, 9), endsAt: at(3, 10), assigneeId: tech.id });
  await change({ id, assigneeId: otherTech.id });
  const onProject = await book({ startsAt: at(3, 11), endsAt: at(3, 12), projectId: gid('Project', project.id) }, manager);
  const last = ['CREATED', await marker()];
  await Promise.all([control.waitFor(4), first.waitFor(2), second.waitFor(3)]);
  expect(seen(first)).toEqual([['CREATED', id], last]);
  expect(seen(second)).toEqual([['UPDATED', id], ['CREATED', onProject], last]);
  [first, second, control].forEach((s) => s.unsubscribe());
});

it('an appointment deleted for good reaches whoever could see it, with no appointment', async () => {
  // Listening first: a subscription made right after the booking could still hear its CREATED (the relay publishes
  // after the commit), so the booking is part of what each one expects.
  const assignee = await listen(tech);
  const bystander = await listen(otherTech);
  const control = await listen(manager);
  const id = await book({ startsAt: at(4, 9), endsAt: at(4, 10), assigneeId: tech.id });
  await Promise.all([control.waitFor(1), assignee.waitFor(1)]);
  const r = await a.gql(HARD_DELETE_APPOINTMENT, { id }, admin.accessToken);
  expect(r.body.data.hardDeleteAppointment.errors).toEqual([]);
  const last = ['CREATED', await marker()];
  await Promise.all([control.waitFor(3), assignee.waitFor(3), bystander.waitFor(1)]);
  expect(seen(control)).toEqual([['CREATED', id], ['DELETED', null], last]);
  expect(seen(assignee)).toEqual([['CREATED', id], ['DELETED', null], last]);
  expect(seen(bystander)).toEqual([last]);
  [assignee, bystander, control].forEach((s) => s.unsubscribe());
});

describe('catching up', () => {
  const MISSED = `query($since: String!) { missedEvents(since: $since, first: 500) {
    events { __typename ... on AppointmentEvent { eventId change appointment { id status } } }
  } }`;
  const appointmentEvents = async (s: Session, since: string) => {
    const r = await a.gql(MISSED, { since }, s.accessToken);
    expect(r.body.errors).toBeUndefined();
    return (r.body.data.missedEvents.events as Array<{ __typename: string; change?: string; appointment?: { id: string } | null }>)
      .filter((e) => e.__typename === 'AppointmentEvent')
      .map((e) => [e.change, e.appointment?.id ?? null]);
  };

  it('missedEvents returns appointment changes, in order, to exactly those who may see the appointment', async () => {
    const since = (await a.gql('{ latestEventId }', {}, manager.accessToken)).body.data.latestEventId;
    const id = await book({ startsAt: at(5, 9), endsAt: at(5, 10), assigneeId: tech.id });
    await change({ id, status: 'CANCELLED' });
    await outboxPublished(a, [a.app.relay, b.app.relay]); // missedEvents returns published events
    const expected = [
      ['CREATED', id],
      ['CANCELLED', id],
    ];
    expect(await appointmentEvents(manager, since)).toEqual(expected);
    expect(await appointmentEvents(tech, since)).toEqual(expected);
    expect(await appointmentEvents(admin, since)).toEqual(expected);
    expect(await appointmentEvents(otherTech, since)).toEqual([]);
    expect(await appointmentEvents(otherManager, since)).toEqual([]);
    expect(await appointmentEvents(otherSales, since)).toEqual([]);
  });
});
