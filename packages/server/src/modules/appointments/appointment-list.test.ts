import { APPOINTMENTS, gid } from '../../../test/appointments-factories';
import { createAppointment, createCustomer, createLead, createProject, createTeam, createUser, signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import type { AppointmentEntity } from './appointment.entity';

/** The `appointments` list: calendar range, filters, orders and keyset pages. */
const { t, w: admin } = useTestApp((t) => signedIn(t, 'ADMIN'));
const rows: Record<string, AppointmentEntity> = {};
const refs: Record<string, string> = {};

const when = (day: number, hour: number) => new Date(Date.UTC(2033, 2, day, hour));
const RANGE = { from: '2033-03-07T00:00:00Z', to: '2033-03-14T00:00:00Z' };

beforeAll(async () => {
  const [a, b] = [(await createTeam(t.ds)).id, (await createTeam(t.ds)).id];
  const finch = await createCustomer(t.ds, { name: 'Harold Finch', teamId: a });
  const hendricks = await createCustomer(t.ds, { name: 'Grace Hendricks', teamId: b });
  const project = await createProject(t.ds, finch);
  const lead = await createLead(t.ds, { customerId: finch.id, teamId: a });
  const [u1, u2] = [await createUser(t.ds, { role: 'FIELD_TECH', teamId: a }), await createUser(t.ds, { role: 'SALES', teamId: a })];
  Object.assign(refs, {
    teamB: gid('Team', b),
    hendricks: gid('Customer', hendricks.id),
    project: gid('Project', project.id),
    lead: gid('Lead', lead.id),
    u1: gid('User', u1.id),
  });
  const add = async (name: string, start: Date, end: Date, over: Partial<AppointmentEntity> = {}, customer = finch) => {
    rows[name] = await createAppointment(t.ds, customer, { title: `Visit ${name}`, startsAt: start, endsAt: end, ...over });
  };
  await add('before', when(6, 10), when(6, 11));
  await add('endsAtFrom', when(6, 23), when(7, 0));
  await add('spansFrom', when(6, 23), when(7, 1));
  await add('w1', when(7, 9), when(7, 10), { kind: 'ESTIMATE', assigneeId: u1.id });
  await add('w2', when(8, 9), when(8, 10), { kind: 'INSTALL', projectId: project.id });
  await add('w3', when(9, 9), when(9, 10), { status: 'CANCELLED', leadId: lead.id });
  await add('w4', when(10, 9), when(10, 10), { status: 'COMPLETED', title: 'Garage roof check' });
  await add('w5', when(11, 9), when(11, 10), { assigneeId: u1.id, location: '12 Elm St, Minneapolis' });
  await add('tieA', when(12, 9), when(12, 10), { assigneeId: u2.id });
  await add('tieB', when(12, 9), when(12, 10));
  await add('startsAtTo', when(14, 0), when(14, 1));
  await add('after', when(20, 9), when(20, 10), {}, hendricks);
});

const nameOf = (id: string) => Object.keys(rows).find((k) => gid('Appointment', rows[k]!.id) === id);
const list = async (vars: Record<string, unknown>) => {
  const r = await t.gql(APPOINTMENTS, vars, admin.accessToken);
  if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.appointments as { totalCount: number; edges: Array<{ cursor: string; node: { id: string } }>; pageInfo: Record<string, any> };
};
const names = async (filter: Record<string, unknown>) => (await list({ first: 100, filter })).edges.map((e) => nameOf(e.node.id)).sort();
/** Names in list order (starts_at, then id), as the database orders them. */
const inOrder = (picked: string[], desc = false) => {
  const sorted = [...picked].sort((x, y) => rows[x]!.startsAt.getTime() - rows[y]!.startsAt.getTime() || (rows[x]!.id < rows[y]!.id ? -1 : 1));
  return desc ? sorted.reverse() : sorted;
};

describe('calendar range', () => {
  const inRange = ['spansFrom', 'w1', 'w2', 'w3', 'w4', 'w5', 'tieA', 'tieB'];

  it('returns the appointments overlapping the range, soonest first, across forward pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await list({ first: 3, after, filter: { range: RANGE } });
      expect(page.totalCount).toBe(8);
      seen.push(...page.edges.map((e) => nameOf(e.node.id)!));
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(inOrder(inRange));
  });

  it('pages backward and in descending order to the same set', async () => {
    const seen: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page = await list({ last: 3, before, filter: { range: RANGE } });
      seen.unshift(...page.edges.map((e) => nameOf(e.node.id)!));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(seen).toEqual(inOrder(inRange));
    const desc = await list({ first: 5, filter: { range: RANGE }, orderBy: { field: 'STARTS_AT', direction: 'DESC' } });
    const rest = await list({ first: 5, after: desc.pageInfo.endCursor, filter: { range: RANGE }, orderBy: { field: 'STARTS_AT', direction: 'DESC' } });
    expect([...desc.edges, ...rest.edges].map((e) => nameOf(e.node.id))).toEqual(inOrder(inRange, true));
  });

  it('accepts open-ended ranges', async () => {
    expect(await names({ range: { from: '2033-03-13T00:00:00Z' } })).toEqual(['after', 'startsAtTo']);
    expect(await names({ range: { to: '2033-03-06T23:00:00Z' } })).toEqual(['before']);
  });
});

describe('filters', () => {
  it.each([
    ['kinds', { kinds: ['ESTIMATE', 'INSTALL'] }, ['w1', 'w2']],
    ['statuses', { statuses: ['CANCELLED', 'COMPLETED'] }, ['w3', 'w4']],
    ['assigneeId', () => ({ assigneeId: refs.u1 }), ['w1', 'w5']],
    ['unassigned: false', { unassigned: false }, ['tieA', 'w1', 'w5']],
    ['teamId', () => ({ teamId: refs.teamB }), ['after']],
    ['customerId', () => ({ customerId: refs.hendricks }), ['after']],
    ['projectId', () => ({ projectId: refs.project }), ['w2']],
    ['leadId', () => ({ leadId: refs.lead }), ['w3']],
    ['search on the title', { search: 'GARAGE' }, ['w4']],
    ['search on the location', { search: 'elm st' }, ['w5']],
    ['search on the customer name', { search: 'hendr' }, ['after']],
    ['search with wildcards taken literally', { search: '%' }, []],
    ['a malformed id', { customerId: 'not-an-id' }, []],
    ['several conditions', () => ({ range: RANGE, unassigned: true, kinds: ['INSPECTION'], statuses: ['SCHEDULED'] }), ['spansFrom', 'tieB']],
  ] as Array<[string, Record<string, unknown> | (() => Record<string, unknown>), string[]]>)('%s', async (_, filter, expected) => {
    expect(await names(typeof filter === 'function' ? filter() : filter)).toEqual([...expected].sort());
  });

  it('counts unassigned ones across all pages', async () => {
    const page = await list({ first: 2, filter: { unassigned: true } });
    expect(page.edges).toHaveLength(2);
    expect(page.totalCount).toBe(Object.keys(rows).length - 3);
  });
});

describe('order by creation', () => {
  it('pages by created_at with the id as tie-breaker', async () => {
    await t.ds.query(`UPDATE appointments SET created_at = '2032-01-01'::timestamptz + (extract(day FROM starts_at) * -1 || ' hours')::interval`);
    const expected: Array<{ id: string }> = await t.ds.query('SELECT id FROM appointments ORDER BY created_at ASC, id ASC');
    const first = await list({ first: 6, orderBy: { field: 'CREATED_AT' } });
    const second = await list({ first: 6, after: first.pageInfo.endCursor, orderBy: { field: 'CREATED_AT' } });
    expect([...first.edges, ...second.edges].map((e) => e.node.id)).toEqual(expected.map((r) => gid('Appointment', r.id)));
    expect(second.pageInfo.hasNextPage).toBe(false);
  });
});
