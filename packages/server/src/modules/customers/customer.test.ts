import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, createTeam, signedIn, twoTeamCast, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t, w } = useTestApp(twoTeamCast);

const FIELDS = 'id name email phone address { street city state zip } customerType segment lifetimeValue owningTeam { name } createdBy { name } deletedAt';
const CREATE = `mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { customer { ${FIELDS} } errors { field code message } } }`;
const UPDATE = `mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { customer { ${FIELDS} } errors { field code message } } }`;
const GET = `query($id: ID!) { customer(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: CustomerFilter, $o: CustomerOrder, $first: Int, $after: String) {
  customers(filter: $f, orderBy: $o, first: $first, after: $after) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
}`;
const gid = (id: string) => toGlobalId('Customer', id);
const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);

describe('createCustomer', () => {
  it('creates a customer in the viewer team, normalises the phone and records the audit entry', async () => {
    const r = await t.gql(
      CREATE,
      { i: { name: '  Dana Hansen ', email: 'Dana.Hansen@Example.com', phone: '(612) 555-0142', address: { street: '1208 Maple Ave', city: 'Minneapolis', state: 'mn', zip: '55401' }, segment: 'storm-2026' } },
      w.as.sales!.accessToken,
    );
    const c = r.body.data.createCustomer;
    expect(c.errors).toEqual([]);
    expect(c.customer).toMatchObject({
      name: 'Dana Hansen',
      email: 'Dana.Hansen@Example.com',
      phone: '+16125550142',
      address: { street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
      customerType: 'RESIDENTIAL',
      lifetimeValue: '0.00',
      owningTeam: { name: 'North' },
      createdBy: { name: w.as.sales!.user.name },
    });
    const [audit] = await t.ds.query(`SELECT action, actor_id, changes FROM audit_log WHERE entity_type = 'Customer' AND entity_id = $1`, [
      c.customer.id && Buffer.from(c.customer.id, 'base64url').toString().split(':')[1],
    ]);
    expect(audit).toMatchObject({ action: 'CREATE', actor_id: w.as.sales!.user.id });
    expect(audit.changes.phone).toEqual({ before: null, after: '+16125550142' });
  });

  it('reports every bad field and creates nothing', async () => {
    await createCustomer(t.ds, { email: 'taken@example.com', teamId: w.south });
    const before = await count('SELECT count(*) AS n FROM customers');
    const r = await t.gql(
      CREATE,
      { i: { name: 'X', email: 'TAKEN@example.com', phone: '555-12', address: { state: 'Minnesota', zip: '5540' }, segment: 's'.repeat(51), teamId: toGlobalId('Team', w.south) } },
      w.as.sales!.accessToken,
    );
    const errors = r.body.data.createCustomer.errors.map((e: { field: string[]; code: string }) => `${e.field.join('.')}:${e.code}`).sort();
    expect(errors).toEqual(['address.state:TOO_LONG', 'address.zip:INVALID', 'email:TAKEN', 'name:INVALID', 'phone:INVALID', 'segment:TOO_LONG', 'teamId:FORBIDDEN']);
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(before);
  });

  it('reports a malformed e-mail together with every other field problem (a 9-digit phone)', async () => {
    const before = await count('SELECT count(*) AS n FROM customers');
    const r = await t.gql(CREATE, { i: { name: 'Valid Name', email: 'nope', phone: '612-555-014' } }, w.as.sales!.accessToken);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.createCustomer.errors).toEqual([
      { field: ['email'], code: 'INVALID', message: 'Email is not a valid e-mail address.' },
      { field: ['phone'], code: 'INVALID', message: 'Phone is not a valid phone number.' },
    ].map((e) => expect.objectContaining(e)));
    expect(await count('SELECT count(*) AS n FROM customers')).toBe(before);
  });

  it('is not allowed for field techs', async () => {
    const r = await t.gql(CREATE, { i: { name: 'Valid Name' } }, w.as.tech!.accessToken);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('updateCustomer', () => {
  it('changes given fields, clears with null, and leaves the rest', async () => {
    const c = await createCustomer(t.ds, { teamId: w.north, segment: 'old' });
    const r = await t.gql(UPDATE, { i: { id: gid(c.id), phone: '+1 651 555 0199', segment: null } }, w.as.sales!.accessToken);
    expect(r.body.data.updateCustomer.errors).toEqual([]);
    expect(r.body.data.updateCustomer.customer).toMatchObject({ name: c.name, phone: '+16515550199', segment: null });
    const [audit] = await t.ds.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE'`, [c.id]);
    expect(Object.keys(audit.changes).sort()).toEqual(['phone', 'segment']);
  });

  it('is NOT_FOUND for a customer of another team, and changes nothing', async () => {
    const c = await createCustomer(t.ds, { teamId: w.south });
    const r = await t.gql(UPDATE, { i: { id: gid(c.id), name: 'Hijacked' } }, w.as.sales!.accessToken);
    expect(r.body.data.updateCustomer).toEqual({ customer: null, errors: [{ field: ['id'], code: 'NOT_FOUND', message: 'No such customer.' }] });
    expect((await t.ds.query('SELECT name FROM customers WHERE id = $1', [c.id]))[0].name).toBe(c.name);
  });

  it('only admins and managers move a customer to another team', async () => {
    const c = await createCustomer(t.ds, { teamId: w.north });
    const bySales = await t.gql(UPDATE, { i: { id: gid(c.id), teamId: toGlobalId('Team', w.south) } }, w.as.sales!.accessToken);
    expect(bySales.body.data.updateCustomer.errors[0]).toMatchObject({ field: ['teamId'], code: 'FORBIDDEN' });
    const byAdmin = await t.gql(UPDATE, { i: { id: gid(c.id), teamId: toGlobalId('Team', w.south) } }, w.as.admin!.accessToken);
    expect(byAdmin.body.data.updateCustomer.customer.owningTeam.name).toBe('South');
  });
});

describe('visibility', () => {
  it('follows the row-level rules for by-id reads, lists and totalCount', async () => {
    const team = await createTeam(t.ds);
    const mine = await createCustomer(t.ds, { teamId: team.id, name: 'Visibility Mine' });
    const theirs = await createCustomer(t.ds, { teamId: w.south, name: 'Visibility Theirs' });
    const viaProject = await createCustomer(t.ds, { teamId: team.id, name: 'Visibility Crew' });
    const manager = await signedIn(t, 'MANAGER', team.id);
    const sales = await signedIn(t, 'SALES', team.id);
    const tech = await signedIn(t, 'FIELD_TECH', team.id);
    await createProject(t.ds, viaProject, {}, [tech.user.id]);

    const sees = async (s: Session) => {
      const byId = await Promise.all([mine, theirs, viaProject].map(async (c) => (await t.gql(GET, { id: gid(c.id) }, s.accessToken)).body.data.customer?.name ?? null));
      const list = (await t.gql(LIST, { f: { search: 'visibility' }, first: 50 }, s.accessToken)).body.data.customers;
      return { byId, list: list.edges.map((e: any) => e.node.name).sort(), total: list.totalCount };
    };
    expect(await sees(manager)).toEqual({ byId: ['Visibility Mine', null, 'Visibility Crew'], list: ['Visibility Crew', 'Visibility Mine'], total: 2 });
    expect(await sees(sales)).toEqual({ byId: ['Visibility Mine', null, 'Visibility Crew'], list: ['Visibility Crew', 'Visibility Mine'], total: 2 });
    expect(await sees(tech)).toEqual({ byId: [null, null, 'Visibility Crew'], list: ['Visibility Crew'], total: 1 });
    expect((await sees(w.as.admin!)).total).toBe(3);
    const node = await t.gql('query($id: ID!) { node(id: $id) { id ... on Customer { name } } }', { id: gid(theirs.id) }, sales.accessToken);
    expect(node.body.data.node).toBeNull();
  });
});

describe('search, filters, order and pagination', () => {
  it('finds by name, e-mail, phone digits and address, case-insensitively', async () => {
    const team = await createTeam(t.ds);
    const s = await signedIn(t, 'SALES', team.id);
    await createCustomer(t.ds, { teamId: team.id, name: 'Ingrid Solberg', email: 'ingrid@fjord.example', phone: '+17635550177', addressStreet: '77 Lakeview Ter', addressCity: 'Edina', addressZip: '55424' });
    await createCustomer(t.ds, { teamId: team.id, name: 'Other Person', phone: '+17635550100' });
    const find = async (search: string) =>
      (await t.gql(LIST, { f: { search } }, s.accessToken)).body.data.customers.edges.map((e: any) => e.node.name);
    for (const term of ['solberg', 'FJORD.example', '(763) 555-0177', '5550177', 'lakeview', 'edina', '55424']) {
      expect(await find(term)).toEqual(['Ingrid Solberg']);
    }
    expect(await find('%')).toEqual([]);
  });

  it('orders by name across pages with stable cursors', async () => {
    const team = await createTeam(t.ds);
    const s = await signedIn(t, 'MANAGER', team.id);
    const names = ['Aaron', 'Beth', 'Carl', 'Dina', 'Eve', 'Finn', 'Gus'];
    for (const n of [...names].reverse()) await createCustomer(t.ds, { teamId: team.id, name: n, customerType: n < 'D' ? 'COMMERCIAL' : 'RESIDENTIAL' });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.gql(LIST, { o: { field: 'NAME', direction: 'ASC' }, first: 3, after }, s.accessToken)).body.data.customers;
      seen.push(...page.edges.map((e: any) => e.node.name));
      expect(page.totalCount).toBe(7);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(names);
    const commercial = (await t.gql(LIST, { f: { customerTypes: ['COMMERCIAL'] }, o: { field: 'NAME', direction: 'DESC' } }, s.accessToken)).body.data.customers;
    expect(commercial.edges.map((e: any) => e.node.name)).toEqual(['Carl', 'Beth', 'Aaron']);
  });

  it('refuses a page over the cap', async () => {
    const r = await t.gql(LIST, { first: 500 }, w.as.admin!.accessToken);
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('delete, restore, hard delete', () => {
  const DELETE = 'mutation($id: ID!) { deleteCustomer(id: $id) { customer { deletedAt } errors { code } } }';
  const RESTORE = 'mutation($id: ID!) { restoreCustomer(id: $id) { customer { deletedAt } errors { code } } }';
  const HARD = 'mutation($id: ID!) { hardDeleteCustomer(id: $id) { deletedId errors { code } } }';

  it('soft-deletes, hides from lists, restores, and records each step', async () => {
    const c = await createCustomer(t.ds, { teamId: w.north, name: 'Trash Candidate' });
    const del = await t.gql(DELETE, { id: gid(c.id) }, w.as.manager!.accessToken);
    expect(del.body.data.deleteCustomer.customer.deletedAt).toEqual(expect.any(String));
    expect((await t.gql(LIST, { f: { search: 'trash candidate' } }, w.as.manager!.accessToken)).body.data.customers.totalCount).toBe(0);
    expect((await t.gql(LIST, { f: { search: 'trash candidate', deleted: true } }, w.as.manager!.accessToken)).body.data.customers.totalCount).toBe(1);
    expect((await t.gql(GET, { id: gid(c.id) }, w.as.sales!.accessToken)).body.data.customer).toBeNull();
    const back = await t.gql(RESTORE, { id: gid(c.id) }, w.as.manager!.accessToken);
    expect(back.body.data.restoreCustomer).toEqual({ customer: { deletedAt: null }, errors: [] });
    const actions = (await t.ds.query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id', [c.id])).map((r: any) => r.action);
    expect(actions).toEqual(['DELETE', 'RESTORE']);
  });

  it('lets only admins hard-delete, cascading to projects', async () => {
    const c = await createCustomer(t.ds, { teamId: w.north });
    await createProject(t.ds, c);
    expect((await t.gql(HARD, { id: gid(c.id) }, w.as.manager!.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const r = await t.gql(HARD, { id: gid(c.id) }, w.as.admin!.accessToken);
    expect(r.body.data.hardDeleteCustomer).toEqual({ deletedId: gid(c.id), errors: [] });
    expect(await count('SELECT count(*) AS n FROM projects WHERE customer_id = $1', [c.id])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE entity_id = $1 AND action = 'HARD_DELETE'`, [c.id])).toBe(1);
  });

  it('a manager of another team cannot delete', async () => {
    const c = await createCustomer(t.ds, { teamId: w.north });
    const r = await t.gql(DELETE, { id: gid(c.id) }, w.as.otherManager!.accessToken);
    expect(r.body.data.deleteCustomer.errors).toEqual([{ code: 'NOT_FOUND' }]);
  });
});

describe('lifetime value', () => {
  it('sums the budgets of projects that are not cancelled', async () => {
    const c = await createCustomer(t.ds, { teamId: w.north });
    await createProject(t.ds, c, { budget: '12000.50', status: 'COMPLETED' });
    await createProject(t.ds, c, { budget: '3000.25', status: 'IN_PROGRESS' });
    await createProject(t.ds, c, { budget: '9999.00', status: 'CANCELLED' });
    const r = await t.gql(GET, { id: gid(c.id) }, w.as.sales!.accessToken);
    expect(r.body.data.customer.lifetimeValue).toBe('15000.75');
  });
});
