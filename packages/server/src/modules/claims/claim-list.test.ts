import { createCustomer, createProject, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

/**
 * `claims` page by page both ways through the API: every order, each direction, forward to the end with `first/after`
 * and back from the end with `last/before`, the same rows in the same order as SQL's; under a salesperson's row rule
 * too. Ties on the leading key (dates of loss, deadlines, creation times) are broken by the id; claims without a
 * deadline come last either way.
 */
const { t, w } = useTestApp(twoTeamCast);

const LIST = `query($o: InsuranceClaimOrder, $first: Int, $after: String, $last: Int, $before: String) {
  claims(orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id claimNumber } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

/** The leading key of each order as the list sorts it (claims without a deadline last either way). */
const ORDER_SQL: Record<string, (direction: string) => string> = {
  CREATED_AT: () => 'created_at',
  UPDATED_AT: () => 'updated_at',
  DATE_OF_LOSS: () => 'date_of_loss',
  DEPRECIATION_DEADLINE: (d) => `COALESCE(depreciation_deadline, '${d === 'ASC' ? 'infinity' : '-infinity'}'::date)`,
};

/** 9 claims in the north team (a crew project each) and 2 in the south team; ties and missing deadlines on purpose. */
beforeAll(async () => {
  const customer = await createCustomer(t.ds, { teamId: w.north });
  const other = await createCustomer(t.ds, { teamId: w.south });
  for (let i = 0; i < 11; i++) {
    const south = i >= 9;
    const project = await createProject(t.ds, south ? other : customer);
    await t.ds.query(
      `INSERT INTO insurance_claims (project_id, team_id, carrier, claim_number, date_of_loss, cause_of_loss, status, depreciation_deadline, created_at, updated_at)
       VALUES ($1, $2, 'Paging Mutual', $3, DATE '2026-05-01' + ($4::int % 3), 'HAIL', 'FILED',
               CASE WHEN $4::int % 4 = 0 THEN NULL ELSE DATE '2026-11-01' + ($4::int % 2) END,
               TIMESTAMPTZ '2026-06-01T12:00:00Z' + ($4::int / 2) * interval '1 hour', TIMESTAMPTZ '2026-07-01T12:00:00Z' - $4::int * interval '1 minute')`,
      [project.id, south ? w.south : w.north, `P-${i}`, i],
    );
  }
});

type Page = { totalCount: number; edges: Array<{ node: { claimNumber: string } }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string } };

async function page(token: string, variables: Record<string, unknown>): Promise<Page> {
  const r = await t.gql(LIST, variables, token);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.claims;
}
const numbers = (p: Page) => p.edges.map((e) => e.node.claimNumber);

/** Every page of 2 forward to the end, then every page of 2 backward from the end: both must give the same rows. */
async function walk(token: string, o: Record<string, string> | undefined, total: number): Promise<string[]> {
  const forward: string[] = [];
  let p = await page(token, { o, first: 2 });
  expect(p.pageInfo.hasPreviousPage).toBe(false);
  forward.push(...numbers(p));
  while (p.pageInfo.hasNextPage) {
    p = await page(token, { o, first: 2, after: p.pageInfo.endCursor });
    expect(p.totalCount).toBe(total);
    forward.push(...numbers(p));
  }
  const backward: string[] = [];
  p = await page(token, { o, last: 2 });
  expect(p.pageInfo.hasNextPage).toBe(false);
  backward.unshift(...numbers(p));
  while (p.pageInfo.hasPreviousPage) {
    p = await page(token, { o, last: 2, before: p.pageInfo.startCursor });
    expect(p.totalCount).toBe(total);
    expect(p.pageInfo.hasNextPage).toBe(true);
    backward.unshift(...numbers(p));
  }
  expect(backward).toEqual(forward);
  return forward;
}

/** The order straight from SQL, of the claims of `teams`. */
async function expected(field: string, direction: string, teams: string[]): Promise<string[]> {
  const key = ORDER_SQL[field]!(direction);
  const rows: Array<{ claim_number: string }> = await t.ds.query(
    `SELECT claim_number FROM insurance_claims WHERE deleted_at IS NULL AND team_id = ANY($1) ORDER BY ${key} ${direction}, id ${direction}`,
    [teams],
  );
  return rows.map((r) => r.claim_number);
}

const cases = Object.keys(ORDER_SQL).flatMap((field) => ['ASC', 'DESC'].map((direction) => [field, direction] as const));

it.each(cases)('%s %s: forward to the end, then backward, the same rows in order (admin)', async (field, direction) => {
  expect(await walk(w.as.admin.accessToken, { field, direction }, 11)).toEqual(await expected(field, direction, [w.north, w.south]));
});

it.each(cases)('%s %s: both ways under a salesperson\'s row rule (their team\'s claims only)', async (field, direction) => {
  expect(await walk(w.as.sales.accessToken, { field, direction }, 9)).toEqual(await expected(field, direction, [w.north]));
});

it('is newest first by default, both ways', async () => {
  expect(await walk(w.as.manager.accessToken, undefined, 9)).toEqual(await expected('CREATED_AT', 'DESC', [w.north]));
});

it('puts claims without a deadline last either way', async () => {
  for (const direction of ['ASC', 'DESC']) {
    const rows = await walk(w.as.admin.accessToken, { field: 'DEPRECIATION_DEADLINE', direction }, 11);
    expect(rows.slice(-3).sort()).toEqual(['P-0', 'P-4', 'P-8']);
  }
});

it('refuses `first` and `last` together, and a `before` cursor of another list', async () => {
  const both = await t.gql(LIST, { first: 2, last: 2 }, w.as.admin.accessToken);
  expect(both.body.errors?.[0]).toMatchObject({ message: 'Pass either `first` or `last`, not both.', extensions: { code: 'BAD_USER_INPUT', field: 'last' } });
  const tooMany = await t.gql(LIST, { last: 101 }, w.as.admin.accessToken);
  expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  const foreign = Buffer.from(JSON.stringify(['x'])).toString('base64url');
  const bad = await t.gql(LIST, { last: 2, before: foreign }, w.as.admin.accessToken);
  expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
});

it('counts `last` in the cost of the page like `first`', async () => {
  const query = (n: number) => `{ claims(last: ${n}) { edges { node { id supplements { lineItems { id description } } } } } }`;
  const cheap = await t.gql(query(1), {}, w.as.admin.accessToken);
  expect(cheap.body.errors).toBeUndefined();
  const dear = await t.gql(query(100), {}, w.as.admin.accessToken);
  expect(dear.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
});
