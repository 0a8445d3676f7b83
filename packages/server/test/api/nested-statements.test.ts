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
