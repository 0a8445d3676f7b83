import {
  APPOINTMENT_BY_ID,
  CREATE_APPOINTMENT,
  UPDATE_APPOINTMENT,
  appointmentCount,
  at,
  auditOf,
  gid,
} from '../../../test/appointments-factories';
import { createCustomer, createLead, createProject, createTeam, createUser, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import type { CustomerEntity } from '../customers/customer.entity';

const { t } = useTestApp();
let teamId: string;
let admin: Session, manager: Session, sales: Session, tech: Session, otherSales: Session;
let customer: CustomerEntity;

beforeAll(async () => {
  teamId = (await createTeam(t.ds)).id;
  const otherTeamId = (await createTeam(t.ds)).id;
  admin = await signedIn(t, 'ADMIN');
  manager = await signedIn(t, 'MANAGER', teamId);
  sales = await signedIn(t, 'SALES', teamId);
  tech = await signedIn(t, 'FIELD_TECH', teamId);
  otherSales = await signedIn(t, 'SALES', otherTeamId);
  customer = await createCustomer(t.ds, { name: 'Jane Roofer', teamId });
});

type Payload = { appointment: Record<string, any> | null; errors: Array<{ field: string[]; code: string; message: string }> };
const create = async (input: Record<string, unknown>, s: Session = manager): Promise<Payload> => {
  const r = await t.gql(CREATE_APPOINTMENT, { i: { customerId: gid('Customer', customer.id), kind: 'INSPECTION', ...input } }, s.accessToken);
  if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.createAppointment;
};
const update = async (input: Record<string, unknown>, s: Session = manager): Promise<Payload> => {
  const r = await t.gql(UPDATE_APPOINTMENT, { i: input }, s.accessToken);
  if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.updateAppointment;
};
const errorsOf = (p: Payload) => p.errors.map((e) => [e.field.join('.'), e.code]).sort();
const rawId = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;

describe('createAppointment', () => {
  it('books with a generated title, the customer address as location, the customer team and audit entry', async () => {
    const p = await create({ startsAt: at(1, 9), endsAt: at(1, 10), assigneeId: sales.id }, sales);
    expect(p.errors).toEqual([]);
    expect(p.appointment).toMatchObject({
      kind: 'INSPECTION',
      title: 'Inspection – Jane Roofer',
      location: '100 Main St, Minneapolis, MN 55401',
      status: 'SCHEDULED',
      startsAt: '2032-06-01T09:00:00.000Z',
      endsAt: '2032-06-01T10:00:00.000Z',
      notes: null,
      deletedAt: null,
      customer: { id: gid('Customer', customer.id) },
      assignee: { id: sales.id },
      owningTeam: { id: gid('Team', teamId) },
      createdBy: { id: sales.id },
      lead: null,
      project: null,
    });
    const id = rawId(p.appointment!.id);
    const [row] = await t.ds.query('SELECT team_id, assignee_id, created_by FROM appointments WHERE id = $1', [id]);
    expect(row).toEqual({ team_id: teamId, assignee_id: sales.user.id, created_by: sales.user.id });
    const audit = await auditOf(t.ds, id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', actor_id: sales.user.id, changes: { title: { before: null, after: 'Inspection – Jane Roofer' } } });
  });

  it('keeps a given title, location and notes and links a lead and a project of the customer', async () => {
    const lead = await createLead(t.ds, { customerId: customer.id, teamId });
    const project = await createProject(t.ds, customer);
    const p = await create({
      kind: 'ESTIMATE',
      title: '  Estimate walk-through ',
      location: 'phone',
      notes: 'Bring samples',
      leadId: gid('Lead', lead.id),
      projectId: gid('Project', project.id),
      startsAt: at(1, 11),
      endsAt: at(1, 12),
    });
    expect(p.errors).toEqual([]);
    expect(p.appointment).toMatchObject({
      title: 'Estimate walk-through',
      location: 'phone',
      notes: 'Bring samples',
      lead: { id: gid('Lead', lead.id) },
      project: { id: gid('Project', project.id) },
      assignee: null,
    });
  });

  it('reports every invalid field at once and inserts nothing', async () => {
    const before = await appointmentCount(t.ds);
    const stranger = await createCustomer(t.ds, { teamId });
    const otherLead = await createLead(t.ds, { customerId: stranger.id, teamId });
    const otherProject = await createProject(t.ds, stranger);
    const p = await create({
      startsAt: at(2, 10),
      endsAt: at(2, 9),
      title: 'x'.repeat(201),
      location: 'y'.repeat(301),
      notes: 'z'.repeat(5001),
      leadId: gid('Lead', otherLead.id),
      projectId: gid('Project', otherProject.id),
      assigneeId: gid('User', '00000000-0000-4000-8000-000000000000'),
    });
    expect(p.appointment).toBeNull();
    expect(errorsOf(p)).toEqual([
      ['assigneeId', 'NOT_FOUND'],
      ['endsAt', 'OUT_OF_RANGE'],
      ['leadId', 'NOT_FOUND'],
      ['location', 'TOO_LONG'],
      ['notes', 'TOO_LONG'],
      ['projectId', 'NOT_FOUND'],
      ['title', 'TOO_LONG'],
    ]);
    expect(await appointmentCount(t.ds)).toBe(before);
  });

  it('refuses an end equal to the start and a slot longer than 24 hours', async () => {
    const same = await create({ startsAt: at(2, 10), endsAt: at(2, 10) });
    expect(same.errors).toEqual([{ field: ['endsAt'], code: 'OUT_OF_RANGE', message: 'The end must be after the start.' }]);
    const long = await create({ startsAt: at(2, 10), endsAt: at(3, 10, 1) });
    expect(long.errors).toEqual([{ field: ['endsAt'], code: 'OUT_OF_RANGE', message: 'An appointment may last at most 24 hours.' }]);
    expect((await create({ startsAt: at(2, 10), endsAt: at(3, 10) })).errors).toEqual([]);
  });

  it('needs a visible customer and an active assignee', async () => {
    const other = await createCustomer(t.ds, { teamId: otherSales.user.teamId });
    const hidden = await create({ customerId: gid('Customer', other.id), startsAt: at(4, 9), endsAt: at(4, 10) }, sales);
    expect(errorsOf(hidden)).toEqual([['customerId', 'NOT_FOUND']]);
    const inactive = await createUser(t.ds, { role: 'SALES', teamId, active: false });
    const off = await create({ startsAt: at(4, 9), endsAt: at(4, 10), assigneeId: gid('User', inactive.id) });
    expect(errorsOf(off)).toEqual([['assigneeId', 'NOT_FOUND']]);
    const malformed = await create({ customerId: 'nope', startsAt: at(4, 9), endsAt: at(4, 10) });
    expect(errorsOf(malformed)).toEqual([['customerId', 'NOT_FOUND']]);
  });

  it('lets sales assign themselves or their team, managers their teams, admins anyone', async () => {
    const colleague = await createUser(t.ds, { role: 'SALES', teamId });
    const outsider = await createUser(t.ds, { role: 'SALES', teamId: otherSales.user.teamId });
    const cases: Array<[Session, string, string | undefined]> = [
      [sales, tech.id, undefined],
      [sales, gid('User', colleague.id), undefined],
      [sales, gid('User', outsider.id), 'FORBIDDEN'],
      [sales, admin.id, 'FORBIDDEN'],
      [manager, gid('User', colleague.id), undefined],
      [manager, gid('User', outsider.id), 'FORBIDDEN'],
      [admin, gid('User', outsider.id), undefined],
    ];
    let hour = 0;
    for (const [s, assigneeId, code] of cases) {
      hour++;
      const p = await create({ startsAt: at(5, hour), endsAt: at(5, hour, 30), assigneeId }, s);
      expect([p.errors.map((e) => [e.field.join('.'), e.code]), p.appointment?.assignee]).toEqual(
        code ? [[['assigneeId', code]], undefined] : [[], { id: assigneeId }],
      );
    }
  });

  it('is refused to field techs', async () => {
    const r = await t.gql(
      CREATE_APPOINTMENT,
      { i: { customerId: gid('Customer', customer.id), kind: 'INSPECTION', startsAt: at(6, 9), endsAt: at(6, 10) } },
      tech.accessToken,
    );
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('double booking', () => {
  it('refuses an overlapping slot of the same assignee but allows adjacent slots and other people', async () => {
    const first = await create({ startsAt: at(10, 10), endsAt: at(10, 11), assigneeId: tech.id });
    expect(first.errors).toEqual([]);
    const clash = await create({ startsAt: at(10, 10, 30), endsAt: at(10, 11, 30), assigneeId: tech.id });
    expect(clash.appointment).toBeNull();
    expect(clash.errors).toEqual([
      {
        field: ['startsAt'],
        code: 'CONFLICT',
        message: 'The assignee is already booked then (2032-06-10T10:00:00.000Z to 2032-06-10T11:00:00.000Z).',
      },
    ]);
    expect((await create({ startsAt: at(10, 11), endsAt: at(10, 12), assigneeId: tech.id })).errors).toEqual([]);
    expect((await create({ startsAt: at(10, 9), endsAt: at(10, 10), assigneeId: tech.id })).errors).toEqual([]);
    expect((await create({ startsAt: at(10, 10), endsAt: at(10, 11), assigneeId: sales.id })).errors).toEqual([]);
    expect((await create({ startsAt: at(10, 10), endsAt: at(10, 11) })).errors).toEqual([]);
  });

  it('lets exactly one of five parallel overlapping bookings through', async () => {
    const assignee = await createUser(t.ds, { role: 'FIELD_TECH', teamId });
    const results = await Promise.all(
      [0, 10, 20, 30, 40].map((m) => create({ startsAt: at(11, 9, m), endsAt: at(11, 10, m), assigneeId: gid('User', assignee.id) })),
    );
    expect(results.filter((r) => r.appointment)).toHaveLength(1);
    const refused = results.filter((r) => !r.appointment);
    expect(refused).toHaveLength(4);
    const conflict = expect.objectContaining({ field: ['startsAt'], code: 'CONFLICT', message: expect.stringMatching(/already booked then/) });
    for (const r of refused) expect(r.errors).toEqual([conflict]);
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM appointments WHERE assignee_id = $1', [assignee.id]);
    expect(n).toBe(1);
  });

  it('cancelling frees the slot; booking the cancelled one again then conflicts', async () => {
    const first = (await create({ startsAt: at(12, 9), endsAt: at(12, 10), assigneeId: tech.id })).appointment!;
    const cancelled = await update({ id: first.id, status: 'CANCELLED' });
    expect(cancelled).toMatchObject({ errors: [], appointment: { status: 'CANCELLED' } });
    const second = await create({ startsAt: at(12, 9), endsAt: at(12, 10), assigneeId: tech.id });
    expect(second.errors).toEqual([]);
    const back = await update({ id: first.id, status: 'SCHEDULED' });
    expect(errorsOf(back)).toEqual([['status', 'CONFLICT']]);
    const noShow = await update({ id: second.appointment!.id, status: 'NO_SHOW' });
    expect(noShow.errors).toEqual([]);
    expect((await update({ id: first.id, status: 'SCHEDULED' })).appointment).toMatchObject({ status: 'SCHEDULED' });
  });

  it('moving or reassigning onto a busy slot conflicts and changes nothing', async () => {
    await create({ startsAt: at(13, 9), endsAt: at(13, 10), assigneeId: tech.id });
    const other = (await create({ startsAt: at(13, 12), endsAt: at(13, 13), assigneeId: tech.id })).appointment!;
    const move = await update({ id: other.id, startsAt: at(13, 9, 30), endsAt: at(13, 10, 30) });
    expect(move.errors).toEqual([
      { field: ['startsAt'], code: 'CONFLICT', message: 'The assignee is already booked then (2032-06-13T09:00:00.000Z to 2032-06-13T10:00:00.000Z).' },
    ]);
    const [row] = await t.ds.query('SELECT starts_at FROM appointments WHERE id = $1', [rawId(other.id)]);
    expect(row.starts_at.toISOString()).toBe('2032-06-13T12:00:00.000Z');
    const salesSlot = (await create({ startsAt: at(13, 9), endsAt: at(13, 10), assigneeId: sales.id })).appointment!;
    const reassign = await update({ id: salesSlot.id, assigneeId: tech.id });
    expect(errorsOf(reassign)).toEqual([['assigneeId', 'CONFLICT']]);
    const free = await update({ id: other.id, startsAt: at(13, 10), endsAt: at(13, 11) });
    expect(free).toMatchObject({ errors: [], appointment: { startsAt: '2032-06-13T10:00:00.000Z', endsAt: '2032-06-13T11:00:00.000Z' } });
  });
});

describe('updateAppointment', () => {
  it('changes fields, records the change in the audit log and can unassign', async () => {
    const a = (await create({ startsAt: at(15, 9), endsAt: at(15, 10), assigneeId: sales.id }, sales)).appointment!;
    const p = await update({ id: a.id, kind: 'FOLLOW_UP', title: 'Call back', location: null, notes: 'Gate code 1234', assigneeId: null }, sales);
    expect(p).toMatchObject({ errors: [], appointment: { kind: 'FOLLOW_UP', title: 'Call back', location: null, notes: 'Gate code 1234', assignee: null } });
    const audit = await auditOf(t.ds, rawId(a.id));
    expect(audit.map((e) => e.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1]!.changes).toMatchObject({
      title: { before: 'Inspection – Jane Roofer', after: 'Call back' },
      assigneeId: { before: sales.user.id, after: null },
    });
  });

  it('validates like create and refuses disallowed status changes', async () => {
    const a = (await create({ startsAt: at(16, 9), endsAt: at(16, 10) })).appointment!;
    expect(errorsOf(await update({ id: a.id, endsAt: at(16, 8) }))).toEqual([['endsAt', 'OUT_OF_RANGE']]);
    expect(errorsOf(await update({ id: a.id, startsAt: at(16, 11) }))).toEqual([['startsAt', 'OUT_OF_RANGE']]);
    expect(errorsOf(await update({ id: a.id, endsAt: at(17, 9, 1) }))).toEqual([['endsAt', 'OUT_OF_RANGE']]);
    expect(errorsOf(await update({ id: a.id, title: ' ', notes: 'n'.repeat(5001) }))).toEqual([['notes', 'TOO_LONG'], ['title', 'REQUIRED']]);
    expect((await update({ id: a.id, status: 'COMPLETED' })).errors).toEqual([]);
    expect(errorsOf(await update({ id: a.id, status: 'SCHEDULED' }))).toEqual([['status', 'INVALID_TRANSITION']]);
    const r = await t.gql(APPOINTMENT_BY_ID, { id: a.id }, manager.accessToken);
    expect(r.body.data.appointment).toMatchObject({ status: 'COMPLETED', title: 'Inspection – Jane Roofer', endsAt: '2032-06-16T10:00:00.000Z' });
  });

  it('treats appointments the viewer cannot see as missing', async () => {
    const a = (await create({ startsAt: at(18, 9), endsAt: at(18, 10), assigneeId: tech.id })).appointment!;
    expect(errorsOf(await update({ id: a.id, title: 'Mine now' }, sales))).toEqual([['id', 'NOT_FOUND']]);
    expect(errorsOf(await update({ id: a.id, title: 'Mine now' }, otherSales))).toEqual([['id', 'NOT_FOUND']]);
    expect(errorsOf(await update({ id: gid('Appointment', '00000000-0000-4000-8000-000000000000'), title: 'x' }))).toEqual([['id', 'NOT_FOUND']]);
  });
});
