import type { Role } from '../../src/generated/graphql';
import { createCustomer, createInteraction, createProject, createTeam, createUser, signedIn, type Session } from '../factories';
import { startTestApp, useTestApp, type GqlResponse, type TestApp } from '../harness';

/**
 * Compiled reads (platform/graphql/compiled) must answer exactly what the resolvers answer. Two processes of one
 * deployment over one database, one with compiled reads (the default) and one without, are asked the same queries
 * by viewers of every role; the answers must be equal, and the compiled one must come from its single statement.
 */
const { t } = useTestApp();
let plain: TestApp;
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  plain = await startTestApp({ GRAPHQL_COMPILED_READS: 'false' }, { shareDatabaseOf: t });
  const [north, south] = [await createTeam(t.ds), await createTeam(t.ds)];
  sessions.admin = await signedIn(t, 'ADMIN');
  sessions.manager = await signedIn(t, 'MANAGER', north.id);
  sessions.sales = await signedIn(t, 'SALES', south.id);
  sessions.tech = await signedIn(t, 'FIELD_TECH', north.id);
  const crew = [await createUser(t.ds, { role: 'FIELD_TECH', teamId: north.id, name: 'Avery Stone' }), sessions.tech.user];
  const author = await createUser(t.ds, { role: 'SALES', teamId: north.id });
  await t.ds.query('UPDATE teams SET manager_id = $1 WHERE id = $2', [sessions.manager.user.id, north.id]);
  const tie = new Date(Date.UTC(2026, 5, 1, 12, 0, 0, 123));
  for (let i = 0; i < 24; i++) {
    const team = i % 3 === 2 ? null : i % 2 ? south : north;
    const c = await createCustomer(t.ds, { teamId: team?.id ?? null, name: `Customer ${String(i).padStart(2, '0')} ${i % 4 ? 'Anders' : 'Baker'}`, email: i % 5 ? `c${i}@example.com` : null });
    const p1 = await createProject(t.ds, c, { status: i % 2 ? 'IN_PROGRESS' : 'COMPLETED', budget: i % 4 ? '12500.50' : null, startDate: i % 3 ? '2026-04-0' + (1 + (i % 9)) : null }, i % 2 ? crew.map((u) => u.id) : [crew[1]!.id]);
    await createProject(t.ds, c, i % 6 === 0 ? { deletedAt: new Date() } : i % 5 === 0 ? { status: 'CANCELLED' } : {}, i % 3 ? [crew[0]!.id] : []);
    for (let j = 0; j < 8; j++) {
      await createInteraction(t.ds, c, {
        userId: j % 3 ? author.id : null,
        projectId: j % 2 ? p1.id : null,
        // equal times: the order must break ties by id the same way
        occurredAt: j < 3 ? tie : new Date(Date.UTC(2026, 0, 1 + i, j, 30, 15, 7 * j)),
        subject: j % 4 ? `Subject ${j}` : null,
        ...(j === 7 && { deletedAt: new Date() }),
      });
    }
    if (i % 7 === 3) await t.ds.query('UPDATE customers SET deleted_at = now() WHERE id = $1', [c.id]);
  }
  const fees = ["'NONE', NULL, NULL, NULL", "'PERCENT', 2.5, NULL, 1500", "'FLAT', NULL, 250, NULL"];
  for (let i = 0; i < 6; i++) {
    const team = i % 3 === 2 ? null : i % 2 ? south.id : north.id;
    const [p] = await t.ds.query(
      `INSERT INTO partners (name, kind, status, owner_id, team_id, notes, fee_kind, fee_percent, fee_flat, fee_cap, deleted_at)
       VALUES ($1, 'REALTOR', 'ACTIVE', $2, $3, $4, ${fees[i % 3]}, ${i === 5 ? 'now()' : 'NULL'}) RETURNING id`,
      [`Partner ${i}`, i % 2 ? null : author.id, team, i % 2 ? 'Prefers texts' : null],
    );
    for (let j = 0; j < i % 3; j++) await t.ds.query('INSERT INTO partner_contacts (partner_id, name, email) VALUES ($1, $2, $3)', [p.id, `Contact ${j}`, j ? null : 'c@example.com']);
  }
}, 120_000);

afterAll(() => plain?.close());

const INTERACTION = 'id type direction subject channel outcome occurredAt createdAt updatedAt deletedAt __typename';
// Every row has its variables: jest takes a test function with more parameters than the row has for one with `done`.
const QUERIES: Array<[string, string, Record<string, unknown>]> = [
  ['the simple list', '{ customers(first: 20) { edges { node { id name email phone } } } }', {}],
  [
    'customers × projects × crew × interactions × author',
    `{ customers(first: 50) { edges { node { id name email phone projects { id name status team { id name } interactions(first: 10) { id type subject occurredAt user { id name } } } } } } }`,
    {},
  ],
  [
    'every column, aliases, __typename, fragments, page info and total',
    `query Q($n: Int!, $k: Int) { __typename list: customers(first: $n, orderBy: { field: NAME, direction: DESC }) {
      __typename totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor __typename }
      edges { cursor __typename node { ...C timeline: interactions(first: $k) { ...I } createdBy { id email role active lastLoginAt } } } } }
    fragment C on Customer { key: id name email phone customerType segment createdAt updatedAt deletedAt __typename
      projects { ... on Project { id name projectType status budget actualCost startDate endDate completionPercentage createdAt customer { id name } } } }
    fragment I on Interaction { ${INTERACTION} user { id name email } project { id name } customer { name } }`,
    { n: 7, k: 3 },
  ],
  ['a leaf asked twice (beside a fragment, as clients write)', '{ customers(first: 3) { edges { node { id __typename ...F } } } } fragment F on Customer { id name __typename }', {}],
  ['a filtered search with its total', '{ customers(first: 5, filter: { search: "anders" }) { totalCount edges { node { id name } } } }', {}],
  ['the interactions list', `{ interactions(first: 30) { totalCount edges { cursor node { ${INTERACTION} user { name } customer { id name } project { id status } } } } }`, {}],
  ['projects with their customers and crews', '{ projects(first: 30) { edges { node { id name budget customer { id name email } team { id name role } interactions(first: 2) { id } } } } }', {}],
  [
    'cursors of every ordering, null dates and budgets included',
    `{ a: projects(first: 4, orderBy: { field: START_DATE, direction: DESC }) { pageInfo { endCursor } edges { cursor node { id startDate } } }
       b: projects(first: 4, orderBy: { field: BUDGET }) { edges { cursor node { id budget } } }
       c: customers(first: 4, orderBy: { field: UPDATED_AT }) { edges { cursor node { id } } } }`,
    {},
  ],
  [
    "the staff app's customers and projects lists (address, lifetime value, teams)",
    `query L($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
      customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount edges { cursor node { id ...Row __typename } __typename }
        pageInfo { hasNextPage endCursor __typename } __typename }
      projects(first: 10) { edges { node { id name customer { id name address { street city __typename } } owningTeam { id name manager { id name } members { id name team { name } } } } } } }
    fragment Row on Customer { id name email phone address { city state } customerType segment lifetimeValue owningTeam { id name __typename } createdAt updatedAt deletedAt }`,
    { first: 25, filter: { search: 'anders' }, orderBy: { field: 'NAME', direction: 'ASC' } },
  ],
  [
    'partners with their contacts, fee terms, owners and teams',
    `{ partners(first: 10, orderBy: { field: NAME }) { totalCount edges { cursor node { id name kind status notes deletedAt
      referralFee { kind percent flatAmount cap } contacts { id name email phone role } owner { name } owningTeam { name } createdBy { id } } } } }`,
    {},
  ],
  ['the users list', '{ users(first: 10) { totalCount edges { node { id name email role active createdAt } } } }', {}],
];

const ROLES: Array<[string, Role]> = [
  ['admin', 'ADMIN'],
  ['manager', 'MANAGER'],
  ['sales', 'SALES'],
  ['tech', 'FIELD_TECH'],
];

describe.each(ROLES)('as %s', (who) => {
  it.each(QUERIES)('%s: the same answer as the resolvers, from one statement', async (_name, query, variables) => {
    const token = sessions[who]!.accessToken;
    await t.gql('{ me { id } }', undefined, token); // the viewer is cached: the statements below are the query's
    const expected = await plain.gql(query, variables, token);
    const before = t.queries.length;
    const actual = await t.gql(query, variables, token);
    const statements = t.queries.slice(before);
    expect(actual.status).toBe(expected.status);
    expect(actual.body).toEqual(expected.body);
    if (expected.body.errors) return; // e.g. `users` for sales and field techs: refused the same way
    const roots = Object.values(expected.body.data).filter((v) => typeof v === 'object').length;
    const counts = (query.match(/totalCount/g) ?? []).length;
    expect(statements.filter((s) => s.includes('json_build_object'))).toHaveLength(roots);
    expect(statements).toHaveLength(roots + counts);
  });
});

describe('after a cursor', () => {
  it('pages the same way, deep pages included', async () => {
    const token = sessions.admin!.accessToken;
    const q = 'query($after: String) { interactions(first: 7, after: $after) { pageInfo { endCursor hasNextPage } edges { node { id subject user { name } } } } }';
    let after: string | null = null;
    for (let page = 0; page < 30; page++) {
      const [a, b]: [GqlResponse, GqlResponse] = await Promise.all([t.gql(q, { after }, token), plain.gql(q, { after }, token)]);
      expect(a.body).toEqual(b.body);
      if (!b.body.data.interactions.pageInfo.hasNextPage) return;
      after = b.body.data.interactions.pageInfo.endCursor;
    }
    throw new Error('more pages than expected');
  });
});

describe('what it does not compile', () => {
  it.each([
    ['an object asked twice', '{ customers(first: 3) { edges { node { id projects { id } projects { name } } } } }'],
    ['a directive', '{ customers(first: 3) { edges { node { id name @include(if: true) } } } }'],
    ['a field with a resolver it has no SQL for', '{ customers(first: 3) { edges { node { id lifetimeValue address { city } } } } }'],
    ['a root field it has no SQL for', '{ me { id name } customers(first: 2) { edges { node { id } } } }'],
    ['a nested page out of range', '{ customers(first: 3) { edges { node { id interactions(first: 500) { id } } } } }'],
    ['a page out of range', '{ customers(first: 500) { edges { node { id } } } }'],
    ['a bad cursor', '{ customers(first: 3, after: "nope") { edges { node { id } } } }'],
  ])('%s: answered by the resolvers, the same way', async (_name, query) => {
    const token = sessions.manager!.accessToken;
    const [a, b] = await Promise.all([t.gql(query, undefined, token), plain.gql(query, undefined, token)]);
    expect(a.status).toBe(b.status);
    expect(a.body).toEqual(b.body);
  });

  it('nothing for a signed-out caller: refused the same way', async () => {
    const query = '{ customers(first: 3) { edges { node { id } } } }';
    const [a, b] = await Promise.all([t.gql(query), plain.gql(query)]);
    expect(a.body).toEqual(b.body);
    expect(a.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
