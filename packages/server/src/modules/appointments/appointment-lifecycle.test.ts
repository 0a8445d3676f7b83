import {
  APPOINTMENTS,
  APPOINTMENT_BY_ID,
  CREATE_APPOINTMENT,
  DELETE_APPOINTMENT,
  HARD_DELETE_APPOINTMENT,
  RESTORE_APPOINTMENT,
  UPDATE_APPOINTMENT,
  at,
  auditOf,
  gid,
} from '../../../test/appointments-factories';
import { createCustomer, createTeam, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

/** Soft delete, restore (with the double-booking re-check) and hard delete, each with its audit entry. */
const { t } = useTestApp();
let admin: Session, manager: Session, tech: Session;
let customerId: string;

beforeAll(async () => {
  const team = (await createTeam(t.ds)).id;
  admin = await signedIn(t, 'ADMIN');
  manager = await signedIn(t, 'MANAGER', team);
  tech = await signedIn(t, 'FIELD_TECH', team);
  customerId = gid('Customer', (await createCustomer(t.ds, { teamId: team })).id);
});

type Payload = { appointment: Record<string, any> | null; errors: Array<{ field: string[]; code: string; message: string }> };
const run = async (query: string, vars: Record<string, unknown>, name: string, s: Session = manager): Promise<Payload> => {
  const r = await t.gql(query, vars, s.accessToken);
  if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data[name];
};
const book = async (day: number) =>
  (await run(CREATE_APPOINTMENT, { i: { customerId, kind: 'INSTALL', startsAt: at(day, 8), endsAt: at(day, 16), assigneeId: tech.id } }, 'createAppointment'))
    .appointment!;
const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;
const actions = async (globalId: string) => (await auditOf(t.ds, rawId(globalId))).map((e) => e.action);

describe('deleteAppointment and restoreAppointment', () => {
  it('moves to the trash, frees the slot, and restores only while the slot is free', async () => {
    const first = await book(1);
    const deleted = await run(DELETE_APPOINTMENT, { id: first.id }, 'deleteAppointment');
    expect(deleted.errors).toEqual([]);
    expect(deleted.appointment!.deletedAt).toEqual(expect.any(String));
    const active = await t.gql(APPOINTMENTS, { first: 10 }, manager.accessToken);
    expect(active.body.data.appointments.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(first.id);
    const trash = await t.gql(APPOINTMENTS, { filter: { deleted: true } }, manager.accessToken);
    expect(trash.body.data.appointments.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([first.id]);

    const second = await book(1);
    const refused = await run(RESTORE_APPOINTMENT, { id: first.id }, 'restoreAppointment');
    expect(refused.appointment).toBeNull();
    expect(refused.errors).toEqual([expect.objectContaining({ field: ['id'], code: 'CONFLICT', message: expect.stringMatching(/already booked then/) })]);
    const [row] = await t.ds.query('SELECT deleted_at FROM appointments WHERE id = $1', [rawId(first.id)]);
    expect(row.deleted_at).not.toBeNull();

    await run(UPDATE_APPOINTMENT, { i: { id: second.id, status: 'CANCELLED' } }, 'updateAppointment');
    const restored = await run(RESTORE_APPOINTMENT, { id: first.id }, 'restoreAppointment');
    expect(restored).toMatchObject({ errors: [], appointment: { id: first.id, deletedAt: null } });
    expect(await actions(first.id)).toEqual(['CREATE', 'DELETE', 'RESTORE']);
    const [entry] = (await auditOf(t.ds, rawId(first.id))).slice(1);
    expect(entry).toMatchObject({ actor_id: manager.user.id, changes: { deletedAt: { before: null, after: expect.any(String) } } });
  });

  it('cannot delete twice, nor restore an active appointment', async () => {
    const a = await book(2);
    const notFound = [expect.objectContaining({ field: ['id'], code: 'NOT_FOUND' })];
    expect((await run(RESTORE_APPOINTMENT, { id: a.id }, 'restoreAppointment')).errors).toEqual(notFound);
    await run(DELETE_APPOINTMENT, { id: a.id }, 'deleteAppointment');
    expect((await run(DELETE_APPOINTMENT, { id: a.id }, 'deleteAppointment')).errors).toEqual(notFound);
    expect((await run(UPDATE_APPOINTMENT, { i: { id: a.id, title: 'x' } }, 'updateAppointment')).errors).toEqual(notFound);
    expect(await actions(a.id)).toEqual(['CREATE', 'DELETE']);
  });
});

describe('hardDeleteAppointment', () => {
  it('is for admins only', async () => {
    const a = await book(3);
    const r = await t.gql(HARD_DELETE_APPOINTMENT, { id: a.id }, manager.accessToken);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(APPOINTMENT_BY_ID, { id: a.id }, admin.accessToken)).body.data.appointment).not.toBeNull();
  });

  it('removes the row for good and records it', async () => {
    const a = await book(4);
    await run(DELETE_APPOINTMENT, { id: a.id }, 'deleteAppointment');
    const r = await t.gql(HARD_DELETE_APPOINTMENT, { id: a.id }, admin.accessToken);
    expect(r.body.data.hardDeleteAppointment).toEqual({ deletedId: a.id, errors: [] });
    expect(await t.ds.query('SELECT id FROM appointments WHERE id = $1', [rawId(a.id)])).toEqual([]);
    const audit = await auditOf(t.ds, rawId(a.id));
    expect(audit.map((e) => e.action)).toEqual(['CREATE', 'DELETE', 'HARD_DELETE']);
    expect(audit[2]).toMatchObject({
      actor_id: admin.user.id,
      changes: { title: { before: expect.stringMatching(/^Installation – Customer /), after: null } },
    });
    const again = await t.gql(HARD_DELETE_APPOINTMENT, { id: a.id }, admin.accessToken);
    expect(again.body.data.hardDeleteAppointment).toEqual({
      deletedId: null,
      errors: [{ field: ['id'], code: 'NOT_FOUND', message: 'No such appointment.' }],
    });
  });
});
