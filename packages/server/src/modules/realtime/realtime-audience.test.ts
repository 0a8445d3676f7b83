import type { Role } from '../../generated/graphql';
import { CREATE_APPOINTMENT, DELETE_APPOINTMENT, UPDATE_APPOINTMENT, at, gid } from '../../../test/appointments-factories';
import { createCustomer, createProject, createTeam, signedIn, type Session } from '../../../test/factories';
import { subscribed, useTestApp, type TestApp } from '../../../test/harness';

/**
 * Live lead, project and appointment events are authorized once per event for all of a process's subscribers (the
 * event's `audience`). Each role must still receive exactly what the row-level rules let it see: every subscriber's
 * events are compared with what `node(id:)` (the policy as queries apply it) shows that viewer when the event is sent.
 */
const VIEWERS: Array<[string, Role, 'A' | 'B' | null]> = [
  ['admin', 'ADMIN', null],
  ['managerA', 'MANAGER', 'A'],
  ['managerB', 'MANAGER', 'B'],
  ['salesA1', 'SALES', 'A'],
  ['salesA2', 'SALES', 'A'],
  ['salesB', 'SALES', 'B'],
  ['techA1', 'FIELD_TECH', 'A'],
  ['techA2', 'FIELD_TECH', 'A'],
  ['techB', 'FIELD_TECH', 'B'],
];

const { t, w } = useTestApp(async (t: TestApp) => {
  const team = { A: (await createTeam(t.ds)).id, B: (await createTeam(t.ds)).id };
  const s: Record<string, Session> = {};
  for (const [name, role, tm] of VIEWERS) s[name] = await signedIn(t, role, tm && team[tm]);
  const customerA = await createCustomer(t.ds, { teamId: team.A });
  const customerB = await createCustomer(t.ds, { teamId: team.B });
  const projectA1 = await createProject(t.ds, customerA, {}, [s.techA1!.user.id]);
  const projectA2 = await createProject(t.ds, customerA, {}, [s.techA2!.user.id]);
  const projectB = await createProject(t.ds, customerB, {}, [s.techB!.user.id]);
  return { team, s, customerA, customerB, projectA1, projectA2, projectB };
});

type Sent = { id: string | null; seenBy: Set<string> };
const sessions = () => VIEWERS.map(([name]) => [name, w.s[name]!] as const);

/** Who may see the record `id` now, by the query API. */
async function seenBy(id: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const [name, s] of sessions()) {
    const r = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id }, s.accessToken);
    if (r.body.data?.node) names.add(name);
  }
  return names;
}

async function admin<T = any>(mutation: string, variables: Record<string, unknown>, field: string): Promise<T> {
  const r = await t.gql(mutation, variables, w.s.admin!.accessToken);
  expect(r.body.errors).toBeUndefined();
  expect(r.body.data[field].errors ?? []).toEqual([]);
  return r.body.data[field];
}

/**
 * Subscribes every viewer to `query`, then runs `writes`, which call `send(id, write)` for each event: its visible
 * audience is taken from `node(id:)` right after the write (before it, for a deletion), and each write waits until
 * that audience has the event, so the next write cannot change who may see an earlier event before it is delivered.
 * Then each subscriber must hold exactly its events, in order: `[id or null for a deletion]`.
 */
async function check(query: string, field: string, entity: string, writes: (send: (write: () => Promise<string>, opts?: { deletes?: string }) => Promise<void>) => Promise<void>) {
  const subs = new Map<string, Awaited<ReturnType<typeof subscribed>>>();
  for (const [name, s] of sessions()) subs.set(name, await subscribed(t, t.wsClient(s.accessToken), query));
  const sent: Sent[] = [];
  const idOf = (r: any): string | null => r.data?.[field]?.[entity]?.id ?? null;
  const send = async (write: () => Promise<string>, opts: { deletes?: string } = {}) => {
    const before = opts.deletes ? await seenBy(opts.deletes) : null;
    const id = await write();
    const event = { id: opts.deletes ? null : id, seenBy: before ?? (await seenBy(id)) };
    sent.push(event);
    const expected = (name: string) => sent.filter((e) => e.seenBy.has(name)).length;
    await Promise.all(
      [...event.seenBy].map((name) =>
        subs.get(name)!.waitFor(expected(name)).catch((err: Error) => {
          throw new Error(`${name}, event ${sent.length}: ${err.message}; got ${JSON.stringify(subs.get(name)!.results.map(idOf))}`);
        }),
      ),
    );
  };
  await writes(send);
  const got: Record<string, Array<string | null>> = {};
  const want: Record<string, Array<string | null>> = {};
  for (const [name] of VIEWERS) {
    const sub = subs.get(name)!;
    expect(sub.error).toBeUndefined();
    got[name] = sub.results.map(idOf);
    want[name] = sent.filter((e) => e.seenBy.has(name)).map((e) => e.id);
    sub.unsubscribe();
  }
  expect(got).toEqual(want);
  return want;
}

const count = (want: Record<string, unknown[]>) => Object.fromEntries(Object.entries(want).map(([k, v]) => [k, v.length]));

const CREATE_LEAD = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code message } } }`;
const UPDATE_LEAD = `mutation($i: UpdateLeadInput!) { updateLead(input: $i) { lead { id } errors { code message } } }`;
const ASSIGN_LEAD = `mutation($i: AssignLeadInput!) { assignLead(input: $i) { lead { id } errors { code message } } }`;
const DELETE_LEAD = `mutation($id: ID!) { deleteLead(id: $id) { lead { id } errors { code message } } }`;
const UPDATE_PROJECT = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { project { id } errors { code message } } }`;

async function lead(team: 'A' | 'B', assignee: string | null): Promise<string> {
  const customer = team === 'A' ? w.customerA : w.customerB;
  const i = { customerId: gid('Customer', customer.id), source: 'WEBSITE', teamId: gid('Team', w.team[team]), assigneeId: assignee && w.s[assignee]!.id };
  return (await admin(CREATE_LEAD, { i }, 'createLead')).lead.id;
}

it('leadCreated: admins all, managers their teams’, sales theirs and their team’s unassigned ones, field techs none', async () => {
  const want = await check('subscription { leadCreated { eventId lead { id } } }', 'leadCreated', 'lead', async (send) => {
    await send(() => lead('A', null));
    await send(() => lead('A', 'salesA1'));
    await send(() => lead('B', null));
    await send(() => lead('B', 'salesB'));
    await send(() => lead('A', 'salesA2'));
  });
  // Leads created without an assignee go to a sales member of their team (its strategy): one of the two sees each.
  const { salesA1, salesA2, ...rest } = count(want);
  expect(salesA1! + salesA2!).toBe(3);
  expect(rest).toEqual({ admin: 5, managerA: 3, managerB: 2, salesB: 2, techA1: 0, techA2: 0, techB: 0 });
});

it('leadUpdated: changes, a reassignment and a deletion reach exactly who may see the lead', async () => {
  const ids = { openA: await lead('A', null), mineA: await lead('A', 'salesA1'), openB: await lead('B', null) };
  const want = await check('subscription { leadUpdated { eventId type lead { id } } }', 'leadUpdated', 'lead', async (send) => {
    let n = 0;
    const note = (id: string) => () => admin(UPDATE_LEAD, { i: { id, notes: `note ${++n}` } }, 'updateLead').then((r) => r.lead.id);
    await send(note(ids.openA));
    await send(note(ids.mineA));
    await send(note(ids.openB));
    await send(() => admin(ASSIGN_LEAD, { i: { id: ids.mineA, assigneeId: w.s.salesA2!.id } }, 'assignLead').then((r) => r.lead.id));
    await send(() => admin(DELETE_LEAD, { id: ids.openB }, 'deleteLead').then(() => ids.openB), { deletes: ids.openB });
    await send(note(ids.openA));
  });
  const { salesA1, salesA2, ...rest } = count(want); // each event of team A's leads: its one assignee of the two
  expect(salesA1! + salesA2!).toBe(4);
  expect(want.salesA1).toContain(ids.mineA); // theirs when its notes changed
  expect(want.salesA2).toContain(ids.mineA); // reassigned to them: the event of the reassignment
  expect(rest).toEqual({ admin: 6, managerA: 4, managerB: 2, salesB: 2, techA1: 0, techA2: 0, techB: 0 });
});

it('projectUpdated: admins all, managers and sales their teams’, field techs their crews’', async () => {
  const from = t.queries.length;
  const want = await check('subscription { projectUpdated { eventId project { id name } } }', 'projectUpdated', 'project', async (send) => {
    for (const p of [w.projectA1, w.projectA2, w.projectB, w.projectA1]) {
      await send(() => admin(UPDATE_PROJECT, { i: { id: gid('Project', p.id), name: `Renamed ${p.id} ${Math.random()}` } }, 'updateProject').then((r) => r.project.id));
    }
  });
  expect(count(want)).toEqual({ admin: 4, managerA: 3, managerB: 1, salesA1: 3, salesA2: 3, salesB: 1, techA1: 2, techA2: 1, techB: 1 });
  // Authorized once per event for the nine subscribers (one audience statement each), not once per subscriber.
  expect(t.queries.slice(from).filter((q) => q.includes('jsonb_to_recordset(CAST(')).length).toBe(4);
});

it('appointmentUpdated: bookings, a move and a deletion reach exactly who may see the appointment (then)', async () => {
  let hour = 8;
  const book = (team: 'A' | 'B', extra: Record<string, unknown>) => async () => {
    const customer = team === 'A' ? w.customerA : w.customerB;
    const i = { customerId: gid('Customer', customer.id), kind: 'INSPECTION', startsAt: at(3, hour), endsAt: at(3, ++hour), ...extra };
    return (await admin(CREATE_APPOINTMENT, { i }, 'createAppointment')).appointment.id as string;
  };
  const ids: string[] = [];
  const want = await check('subscription { appointmentUpdated { eventId change appointment { id } } }', 'appointmentUpdated', 'appointment', async (send) => {
    await send(async () => (ids[0] = await book('A', { projectId: gid('Project', w.projectA1.id) })()));
    await send(async () => (ids[1] = await book('A', { assigneeId: w.s.salesA1!.id })()));
    await send(async () => (ids[2] = await book('A', { assigneeId: w.s.techA2!.id })()));
    await send(async () => (ids[3] = await book('B', { projectId: gid('Project', w.projectB.id) })()));
    await send(() => admin(UPDATE_APPOINTMENT, { i: { id: ids[1], startsAt: at(4, 9), endsAt: at(4, 10) } }, 'updateAppointment').then((r) => r.appointment.id));
    await send(() => admin(DELETE_APPOINTMENT, { id: ids[2] }, 'deleteAppointment').then(() => ids[2]!), { deletes: ids[2] });
    await send(() => admin(UPDATE_APPOINTMENT, { i: { id: ids[0], title: 'Marker' } }, 'updateAppointment').then((r) => r.appointment.id));
  });
  expect(count(want)).toEqual({ admin: 7, managerA: 6, managerB: 1, salesA1: 4, salesA2: 2, salesB: 1, techA1: 2, techA2: 2, techB: 1 });
});
