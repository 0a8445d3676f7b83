import {
  APPOINTMENTS,
  APPOINTMENT_BY_ID,
  DELETE_APPOINTMENT,
  RESTORE_APPOINTMENT,
  UPDATE_APPOINTMENT,
  gid,
  managerOf,
} from '../../../test/appointments-factories';
import { createAppointment, createCustomer, createProject, createTeam, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

/** Row-level visibility of appointments per role, in every read path, and mutations on invisible ones. */
const { t } = useTestApp();
const who: Record<string, Session> = {};
const ids: Record<string, string> = {};

const VISIBLE: Record<string, string[]> = {
  admin: ['mine', 'open', 'colleague', 'onProject', 'techOwn', 'teamB', 'openB'],
  managerA: ['mine', 'open', 'colleague', 'onProject', 'techOwn'],
  runsA: ['mine', 'open', 'colleague', 'onProject', 'techOwn'],
  managerB: ['teamB', 'openB'],
  salesA: ['mine', 'open'],
  salesB: ['teamB', 'openB'],
  techA: ['onProject', 'techOwn'],
  techOther: [],
};
const SEES_TRASH = ['admin', 'managerA', 'runsA'];

beforeAll(async () => {
  const [a, b] = [(await createTeam(t.ds)).id, (await createTeam(t.ds)).id];
  who.admin = await signedIn(t, 'ADMIN');
  who.managerA = await signedIn(t, 'MANAGER', a);
  who.runsA = await managerOf(t, a);
  who.managerB = await signedIn(t, 'MANAGER', b);
  who.salesA = await signedIn(t, 'SALES', a);
  who.salesB = await signedIn(t, 'SALES', b);
  who.techA = await signedIn(t, 'FIELD_TECH', a);
  who.techOther = await signedIn(t, 'FIELD_TECH', a);
  const salesA2 = await signedIn(t, 'SALES', a);
  const [cA, cB] = [await createCustomer(t.ds, { teamId: a }), await createCustomer(t.ds, { teamId: b })];
  const project = await createProject(t.ds, cA, {}, [who.techA.user.id]);
  const rows = {
    mine: await createAppointment(t.ds, cA, { assigneeId: who.salesA.user.id }),
    open: await createAppointment(t.ds, cA),
    colleague: await createAppointment(t.ds, cA, { assigneeId: salesA2.user.id }),
    onProject: await createAppointment(t.ds, cA, { projectId: project.id, assigneeId: salesA2.user.id }),
    techOwn: await createAppointment(t.ds, cA, { assigneeId: who.techA.user.id }),
    teamB: await createAppointment(t.ds, cB, { assigneeId: who.salesB.user.id }),
    openB: await createAppointment(t.ds, cB),
    trashed: await createAppointment(t.ds, cA, { deletedAt: new Date() }),
  };
  for (const [name, row] of Object.entries(rows)) ids[name] = gid('Appointment', row.id);
});

const names = (globalIds: string[]) => globalIds.map((id) => Object.keys(ids).find((k) => ids[k] === id)).sort();

describe.each(Object.keys(VISIBLE))('as %s', (role) => {
  const expected = () => VISIBLE[role]!;

  it('lists exactly the visible appointments, with a matching totalCount', async () => {
    const r = await t.gql(APPOINTMENTS, { first: 100 }, who[role]!.accessToken);
    const list = r.body.data.appointments;
    expect(names(list.edges.map((e: { node: { id: string } }) => e.node.id))).toEqual([...expected()].sort());
    expect(list.totalCount).toBe(expected().length);
  });

  it('reads by id and node(id) only what it may see', async () => {
    for (const name of Object.keys(ids).filter((n) => n !== 'trashed')) {
      const byId = await t.gql(APPOINTMENT_BY_ID, { id: ids[name] }, who[role]!.accessToken);
      const node = await t.gql('query($id: ID!) { node(id: $id) { ... on Appointment { id } } }', { id: ids[name] }, who[role]!.accessToken);
      const visible = expected().includes(name);
      expect([name, byId.body.data.appointment?.id ?? null, node.body.data.node?.id ?? null]).toEqual([
        name,
        visible ? ids[name] : null,
        visible ? ids[name] : null,
      ]);
    }
  });

  it('sees deleted appointments only as admin or manager of the team', async () => {
    const byId = await t.gql(APPOINTMENT_BY_ID, { id: ids.trashed }, who[role]!.accessToken);
    expect(Boolean(byId.body.data.appointment?.deletedAt)).toBe(SEES_TRASH.includes(role));
    const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: ids.trashed }, who[role]!.accessToken);
    expect(node.body.data.node).toBeNull();
    const list = await t.gql(APPOINTMENTS, { filter: { deleted: true } }, who[role]!.accessToken);
    expect(names(list.body.data.appointments.edges.map((e: { node: { id: string } }) => e.node.id))).toEqual(SEES_TRASH.includes(role) ? ['trashed'] : []);
  });
});

describe('mutations on appointments the viewer cannot see or change', () => {
  const errorsOf = (payload: { errors: Array<{ field: string[]; code: string }> }) => payload.errors.map((e) => [e.field.join('.'), e.code]);

  it('are NOT_FOUND for invisible ones and change nothing', async () => {
    const upd = await t.gql(UPDATE_APPOINTMENT, { i: { id: ids.colleague, title: 'Hijacked' } }, who.salesA!.accessToken);
    expect(errorsOf(upd.body.data.updateAppointment)).toEqual([['id', 'NOT_FOUND']]);
    const del = await t.gql(DELETE_APPOINTMENT, { id: ids.mine }, who.managerB!.accessToken);
    expect(errorsOf(del.body.data.deleteAppointment)).toEqual([['id', 'NOT_FOUND']]);
    const res = await t.gql(RESTORE_APPOINTMENT, { id: ids.trashed }, who.managerB!.accessToken);
    expect(errorsOf(res.body.data.restoreAppointment)).toEqual([['id', 'NOT_FOUND']]);
    const [row] = await t.ds.query('SELECT title, deleted_at FROM appointments WHERE id = $1', [Buffer.from(ids.mine!, 'base64url').toString().split(':')[1]]);
    expect(row).toEqual({ title: 'Inspection', deleted_at: null });
  });

  it('refuses sales and field techs the trash operations by role', async () => {
    for (const role of ['salesA', 'techA']) {
      const r = await t.gql(DELETE_APPOINTMENT, { id: ids.open }, who[role]!.accessToken);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const upd = await t.gql(UPDATE_APPOINTMENT, { i: { id: ids.techOwn, title: 'x' } }, who.techA!.accessToken);
    expect(upd.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("a customer's nested appointments follow the same rules", async () => {
    const r = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on Appointment { customer { appointments { id } } } } }',
      { id: ids.mine },
      who.salesA!.accessToken,
    );
    expect(names(r.body.data.node.customer.appointments.map((a: { id: string }) => a.id))).toEqual(['mine', 'open']);
  });
});
