import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createInteraction, createLead, createProject, createTeam } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { createWorld } from '../../../test/interactions-factories';
import type { CustomerEntity } from '../customers/customer.entity';

const { t, w } = useTestApp(createWorld);

const LIST = `query($f: InteractionFilter, $o: InteractionOrder, $first: Int, $after: String, $last: Int, $before: String) {
  interactions(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id subject } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const iid = (id: string) => toGlobalId('Interaction', id);
const list = async (token: string, vars: Record<string, unknown>) => {
  const r = await t.gql(LIST, vars, token);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.interactions;
};
const subjects = (c: { edges: Array<{ node: { subject: string } }> }) => c.edges.map((e) => e.node.subject);
const ids = (c: { edges: Array<{ node: { id: string } }> }) => c.edges.map((e) => e.node.id).sort();
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute));

describe('who sees which interactions', () => {
  let visible: Record<string, string[]>;
  let all: string[];

  beforeAll(async () => {
    const north = await createCustomer(t.ds, { teamId: w.north });
    const south = await createCustomer(t.ds, { teamId: w.south });
    const crew = await createProject(t.ds, north, {}, [w.tech.user.id]);
    const other = await createProject(t.ds, north);
    const [plain, onCrew, onOther, southern] = await Promise.all([
      createInteraction(t.ds, north, { subject: 'zvis plain' }),
      createInteraction(t.ds, north, { subject: 'zvis crew', projectId: crew.id }),
      createInteraction(t.ds, north, { subject: 'zvis other', projectId: other.id }),
      createInteraction(t.ds, south, { subject: 'zvis south' }),
    ]);
    const northern = [plain, onCrew, onOther].map((i) => iid(i.id));
    all = [...northern, iid(southern.id)];
    visible = {
      admin: all,
      manager: northern,
      otherManager: [iid(southern.id)],
      sales: northern,
      otherSales: [iid(southern.id)],
      tech: [iid(onCrew.id)],
    };
  });

  it.each(['admin', 'manager', 'otherManager', 'sales', 'otherSales', 'tech'] as const)('%s: in the list and totalCount', async (who) => {
    const c = await list(w[who].accessToken, { f: { search: 'zvis' } });
    expect(ids(c)).toEqual([...visible[who]!].sort());
    expect(c.totalCount).toBe(visible[who]!.length);
  });

  it.each(['admin', 'manager', 'otherManager', 'sales', 'otherSales', 'tech'] as const)('%s: by id and through node', async (who) => {
    for (const id of all) {
      const r = await t.gql('query($id: ID!) { interaction(id: $id) { id } node(id: $id) { id } }', { id }, w[who].accessToken);
      const expected = visible[who]!.includes(id) ? { id } : null;
      expect(r.body.data).toEqual({ interaction: expected, node: expected });
    }
  });

  it('a sales rep of another team sees nothing of a customer, even filtering for it', async () => {
    const customer = await createCustomer(t.ds, { teamId: w.north });
    await createInteraction(t.ds, customer);
    const c = await list(w.otherSales.accessToken, { f: { customerId: toGlobalId('Customer', customer.id) } });
    expect(c).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('needs a signed-in user', async () => {
    const r = await t.gql('{ interactions { totalCount } }');
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('the timeline', () => {
  let customer: CustomerEntity;
  beforeAll(async () => {
    customer = await createCustomer(t.ds, { teamId: w.north });
    // Inserted out of order: the list orders by occurredAt, not by insertion.
    const minutes = Array.from({ length: 25 }, (_, i) => (i * 7) % 25);
    for (const m of minutes) await createInteraction(t.ds, customer, { subject: `t${String(m).padStart(2, '0')}`, occurredAt: at(m) });
  });
  const f = () => ({ customerId: toGlobalId('Customer', customer.id) });
  const newestFirst = Array.from({ length: 25 }, (_, i) => `t${String(24 - i).padStart(2, '0')}`);

  it('pages most recent first across pages, and back', async () => {
    const p1 = await list(w.sales.accessToken, { f: f(), first: 10 });
    expect(p1.totalCount).toBe(25);
    expect(subjects(p1)).toEqual(newestFirst.slice(0, 10));
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = await list(w.sales.accessToken, { f: f(), first: 10, after: p1.pageInfo.endCursor });
    expect(subjects(p2)).toEqual(newestFirst.slice(10, 20));
    const p3 = await list(w.sales.accessToken, { f: f(), first: 10, after: p2.pageInfo.endCursor });
    expect(subjects(p3)).toEqual(newestFirst.slice(20));
    expect(p3.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const back = await list(w.sales.accessToken, { f: f(), last: 5, before: p3.pageInfo.startCursor });
    expect(subjects(back)).toEqual(newestFirst.slice(15, 20));
    expect(back.pageInfo.hasPreviousPage).toBe(true);
  });

  it('orders oldest first on request, and by logging time', async () => {
    const asc = await list(w.sales.accessToken, { f: f(), first: 3, o: { field: 'OCCURRED_AT', direction: 'ASC' } });
    expect(subjects(asc)).toEqual(['t00', 't01', 't02']);
    const next = await list(w.sales.accessToken, { f: f(), first: 3, after: asc.pageInfo.endCursor, o: { field: 'OCCURRED_AT', direction: 'ASC' } });
    expect(subjects(next)).toEqual(['t03', 't04', 't05']);
    const byCreation: string[] = (
      await t.ds.query('SELECT subject FROM interactions WHERE customer_id = $1 ORDER BY created_at DESC, id DESC', [customer.id])
    ).map((r: { subject: string }) => r.subject);
    const created = await list(w.sales.accessToken, { f: f(), first: 25, o: { field: 'CREATED_AT' } });
    expect(subjects(created)).toEqual(byCreation);
  });

  it('breaks ties on the same time by id, without losing or repeating rows', async () => {
    const tied = await createCustomer(t.ds, { teamId: w.north });
    for (let i = 0; i < 5; i++) await createInteraction(t.ds, tied, { subject: `tie${i}`, occurredAt: at(0) });
    const expected: string[] = (await t.ds.query('SELECT id FROM interactions WHERE customer_id = $1 ORDER BY id DESC', [tied.id])).map((r: { id: string }) =>
      iid(r.id),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const c = await list(w.sales.accessToken, { f: { customerId: toGlobalId('Customer', tied.id) }, first: 2, after });
      seen.push(...c.edges.map((e: { node: { id: string } }) => e.node.id));
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected);
  });
});

describe('filters', () => {
  let customer: CustomerEntity;
  let leadId: string;
  let projectId: string;
  const q = (filter: Record<string, unknown>) => list(w.admin.accessToken, { f: { customerId: toGlobalId('Customer', customer.id), ...filter }, first: 50 });

  beforeAll(async () => {
    customer = await createCustomer(t.ds, { teamId: w.north });
    const lead = await createLead(t.ds, { customerId: customer.id, teamId: w.north });
    const project = await createProject(t.ds, customer);
    await createInteraction(t.ds, customer, { subject: 'f-call', type: 'CALL', direction: 'OUTBOUND', occurredAt: at(1), userId: w.sales.user.id, leadId: lead.id });
    await createInteraction(t.ds, customer, { subject: 'f-email', type: 'EMAIL', direction: 'INBOUND', occurredAt: at(2), notes: 'Asked about 100% financing' });
    await createInteraction(t.ds, customer, { subject: 'f-visit', type: 'VISIT', direction: 'OUTBOUND', occurredAt: at(3), projectId: project.id, outcome: 'Booked Inspection' });
    await createInteraction(t.ds, customer, { subject: 'f-note', type: 'NOTE', direction: 'INTERNAL', occurredAt: at(4), userId: w.sales.user.id });
    leadId = toGlobalId('Lead', lead.id);
    projectId = toGlobalId('Project', project.id);
  });

  it('by kind, direction and time', async () => {
    expect(subjects(await q({ types: ['CALL', 'NOTE'] }))).toEqual(['f-note', 'f-call']);
    expect(subjects(await q({ directions: ['INBOUND', 'INTERNAL'] }))).toEqual(['f-note', 'f-email']);
    expect(subjects(await q({ occurredAt: { from: at(2).toISOString(), to: at(3).toISOString() } }))).toEqual(['f-visit', 'f-email']);
    expect(subjects(await q({ occurredAt: { from: at(4).toISOString() } }))).toEqual(['f-note']);
  });

  it('by author, lead and project', async () => {
    expect(subjects(await q({ userId: w.sales.id }))).toEqual(['f-note', 'f-call']);
    expect(subjects(await q({ leadId }))).toEqual(['f-call']);
    expect(subjects(await q({ projectId }))).toEqual(['f-visit']);
    expect((await q({ projectId: leadId })).totalCount).toBe(0);
  });

  it('by search over subject, notes and outcome, case-insensitive, wildcards literal', async () => {
    expect(subjects(await q({ search: 'F-EMA' }))).toEqual(['f-email']);
    expect(subjects(await q({ search: '100%' }))).toEqual(['f-email']);
    expect(subjects(await q({ search: 'booked insp' }))).toEqual(['f-visit']);
    expect((await q({ search: 'f_' })).totalCount).toBe(0);
    expect((await q({ search: '  ' })).totalCount).toBe(4);
  });
});

describe('nested lists', () => {
  it('Customer.interactions gives the latest N of each customer in one query', async () => {
    const team = (await createTeam(t.ds)).id;
    const customers = [];
    for (let c = 0; c < 4; c++) {
      const customer = await createCustomer(t.ds, { teamId: team, name: `Nested ${c}` });
      for (let m = 0; m < 6; m++) await createInteraction(t.ds, customer, { subject: `c${c}-m${m}`, occurredAt: at(m * 5 + c) });
      customers.push(customer);
    }
    const start = t.queries.length;
    const r = await t.gql(
      `query($f: CustomerFilter) { customers(filter: $f, first: 10) { edges { node { name interactions(first: 3) { subject } } } } }`,
      { f: { teamId: toGlobalId('Team', team) } },
      w.admin.accessToken,
    );
    expect(r.body.errors).toBeUndefined();
    const byName = Object.fromEntries(
      r.body.data.customers.edges.map((e: { node: { name: string; interactions: Array<{ subject: string }> } }) => [e.node.name, e.node.interactions.map((i) => i.subject)]),
    );
    expect(byName).toEqual({
      'Nested 0': ['c0-m5', 'c0-m4', 'c0-m3'],
      'Nested 1': ['c1-m5', 'c1-m4', 'c1-m3'],
      'Nested 2': ['c2-m5', 'c2-m4', 'c2-m3'],
      'Nested 3': ['c3-m5', 'c3-m4', 'c3-m3'],
    });
    expect(t.queries.slice(start).filter((sql) => /"interactions"/.test(sql))).toHaveLength(1);
  });

  it('Interaction.customer, user, lead and project are batched', async () => {
    const team = (await createTeam(t.ds)).id;
    for (let c = 0; c < 3; c++) {
      const customer = await createCustomer(t.ds, { teamId: team });
      const lead = await createLead(t.ds, { customerId: customer.id, teamId: team });
      const project = await createProject(t.ds, customer);
      await createInteraction(t.ds, customer, { userId: w.sales.user.id, leadId: lead.id, projectId: project.id, occurredAt: at(c) });
    }
    const customerIds: string[] = (await t.ds.query('SELECT id FROM customers WHERE team_id = $1', [team])).map((r: { id: string }) => r.id);
    const start = t.queries.length;
    const r = await t.gql(
      `query($f: InteractionFilter) { interactions(filter: $f) { edges { node { customer { name } user { name } lead { contactName } project { name } } } } }`,
      { f: { search: 'called about' } },
      w.admin.accessToken,
    );
    expect(r.body.errors).toBeUndefined();
    const nodes = r.body.data.interactions.edges.map((e: { node: unknown }) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(customerIds.length);
    const issued = t.queries.slice(start);
    for (const table of ['customers', 'users', 'leads', 'projects']) {
      expect(issued.filter((sql) => new RegExp(`FROM "${table}"`).test(sql))).toHaveLength(1);
    }
  });
});
