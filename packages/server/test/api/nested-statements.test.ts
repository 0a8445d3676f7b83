import { toGlobalId } from '../../src/platform/graphql/global-id';
import { createKey, keyCall } from '../api-keys';
import { createCustomer, createInteraction, createProject, createTeam, createUser, signedIn, type Session } from '../factories';
import { useTestApp } from '../harness';

/**
 * DataLoaders batch nested fields: the number of SQL statements for a nested list query must not grow with the
 * page size. This is the resolvers' path: compiled reads (on by default) answer this query in one statement, which
 * `compiled-reads.test.ts` checks against this path.
 */
const { t } = useTestApp({ env: { GRAPHQL_COMPILED_READS: 'false' } });
let admin: Session;
let manager: Session;
let sales: Session;
let adjusterKey: string;

beforeAll(async () => {
  const team = await createTeam(t.ds);
  admin = await signedIn(t, 'ADMIN');
  manager = await signedIn(t, 'MANAGER', team.id);
  const crew = [await createUser(t.ds, { role: 'FIELD_TECH', teamId: team.id }), await createUser(t.ds, { role: 'FIELD_TECH', teamId: team.id })];
  const author = await createUser(t.ds, { role: 'SALES', teamId: team.id });
  for (let i = 0; i < 60; i++) {
    const c = await createCustomer(t.ds, { teamId: team.id });
    await createProject(t.ds, c, {}, crew.map((u) => u.id));
    await createProject(t.ds, c, {}, [crew[i % 2]!.id]);
    for (let j = 0; j < 12; j++) await createInteraction(t.ds, c, { userId: author.id, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, i, j)) });
  }
  sales = await signedIn(t, 'SALES', team.id);
  // A claim on every project, adjusted by one partner; 12 supplements each (the first 3 drafts), 2 lines each.
  const [partner] = await t.ds.query(`INSERT INTO partners (name, kind, status, team_id) VALUES ('Nested Adjusting', 'INSURANCE_ADJUSTER', 'ACTIVE', $1) RETURNING id`, [team.id]);
  await t.ds.query(
    `INSERT INTO insurance_claims (project_id, team_id, carrier, date_of_loss, cause_of_loss, status, adjuster_partner_id, created_at)
     SELECT id, team_id, 'Nested Mutual', '2026-05-01', 'HAIL', 'FILED', $1, created_at FROM projects`,
    [partner.id],
  );
  await t.ds.query(
    `INSERT INTO supplements (claim_id, title, status, requested_total, created_at)
     SELECT c.id, 'Supplement ' || g, CASE WHEN g <= 3 THEN 'DRAFT' ELSE 'SENT' END, '20.00', now() + g * interval '1 second'
     FROM insurance_claims c, generate_series(1, 12) g`,
  );
  await t.ds.query(
    `INSERT INTO supplement_line_items (supplement_id, position, description, quantity, unit_price, requested_total)
     SELECT s.id, k, 'Line ' || k, 1, 10, 10 FROM supplements s, generate_series(0, 1) k`,
  );
  adjusterKey = (await createKey(t, admin.accessToken, { name: 'Nested', partnerId: toGlobalId('Partner', partner.id), scopes: ['CLAIMS_READ'], allowFreeFormQueries: true, rateLimitPerMinute: 6000, costPerMinute: 1000000 })).secret;
}, 120_000);

const QUERY = `query($n: Int!) {
  customers(first: $n) { edges { node { name projects { name team { name } } interactions(first: 10) { subject user { name } } } } }
}`;

async function statementsFor(token: string, n: number) {
  const before = t.queries.length;
  const r = await t.gql(QUERY, { n }, token);
  expect(r.body.errors).toBeUndefined();
  return { statements: t.queries.slice(before), customers: r.body.data.customers.edges };
}

it.each([
  ['an admin', () => admin],
  ['a manager (row-level rules applied in every loader)', () => manager],
])('runs a constant handful of statements for %s, whatever the page size', async (_name, who) => {
  await statementsFor(who().accessToken, 1); // the first request reads the viewer; the next ones find it cached
  const small = await statementsFor(who().accessToken, 5);
  const large = await statementsFor(who().accessToken, 50);
  expect(large.customers).toHaveLength(50);
  for (const c of large.customers) {
    expect(c.node.projects).toHaveLength(2);
    expect(c.node.interactions).toHaveLength(10);
    expect(c.node.projects[0].team.length).toBeGreaterThan(0);
  }
  // customers page, projects, crews (memberships with their users), interactions with their authors; the viewer is
  // cached and `user { name }` finds the authors already loaded
  expect(large.statements.length).toBe(small.statements.length);
  expect(large.statements.length).toBeLessThanOrEqual(4);
  expect(large.statements.some((sql) => /= ANY\(/.test(sql))).toBe(true);
});

describe('claims with their supplements', () => {
  const STAFF = `query($n: Int!) { list: claims(first: $n) { edges { node { supplementCount supplements(first: 11) { title lineItems { id } } } } } }`;
  const ADJUSTER = `query($n: Int!) { list: myClaims(first: $n) { edges { node { supplementCount supplements(first: 11) { title lineItems { id } } } } } }`;

  /** The statements one request ran, and its claims. */
  async function claimStatements(query: string, n: number, call: (query: string, n: number) => Promise<{ body: { data?: any; errors?: unknown } }>) {
    const before = t.queries.length;
    const r = await call(query, n);
    expect(r.body.errors).toBeUndefined();
    return { statements: t.queries.slice(before), claims: r.body.data.list.edges.map((e: { node: unknown }) => e.node) };
  }

  it.each([
    ['an admin', () => admin, 12],
    ['a manager (row-level rules applied to the page)', () => manager, 12],
    ['a salesperson (row-level rules applied to the page)', () => sales, 12],
    ["the adjuster's key (sent supplements only)", null, 9],
  ] as const)('runs a constant handful of statements for %s, whatever the page size', async (_name, who, count) => {
    const call = who
      ? (query: string, n: number) => t.gql(query, { n }, who().accessToken)
      : (query: string, n: number) => keyCall(t, adjusterKey, { query, variables: { n } });
    const query = who ? STAFF : ADJUSTER;
    await claimStatements(query, 1, call); // the viewer (or key) read once; cached for the next requests
    const small = await claimStatements(query, 5, call);
    const large = await claimStatements(query, 50, call);
    expect(large.claims).toHaveLength(50);
    for (const c of large.claims) {
      expect(c.supplementCount).toBe(count);
      expect(c.supplements).toHaveLength(Math.min(11, count));
      for (const s of c.supplements) expect(s.lineItems).toHaveLength(2);
    }
    // the page, the supplements of every claim, their lines, the counts (and the key's own statements, as many each time)
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.filter((sql) => /supplement/.test(sql))).toHaveLength(3);
    expect(large.statements.filter((sql) => /supplement/.test(sql)).every((sql) => /= ANY\(/.test(sql))).toBe(true);
  });
});
