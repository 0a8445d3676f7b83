import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t, w } = useTestApp(twoTeamCast);

const QUERY = `query($range: DateRangeInput!, $teamId: ID) { reputation(range: $range, teamId: $teamId) {
  overall { count averageRating positiveShare }
  byPlatform { platform stats { count averageRating positiveShare } }
  byTeam { team { name } stats { count averageRating } }
  bySalesperson { user { name } stats { count averageRating positiveShare } }
} }`;
const range = { from: '2026-01-01T00:00:00Z', to: '2026-12-31T23:59:59Z' };
type Who = keyof typeof w.as;
const ask = async (who: Who, teamId?: string) => {
  const r = await t.gql(QUERY, { range, teamId }, w.as[who].accessToken);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.reputation;
};

beforeAll(async () => {
  const nc = await createCustomer(t.ds, { teamId: w.north });
  const np = await createProject(t.ds, nc, {}, [w.as.sales.user.id, w.as.tech.user.id]);
  const sc = await createCustomer(t.ds, { teamId: w.south });
  const sp = await createProject(t.ds, sc, {}, [w.as.otherSales.user.id]);
  const rows: Array<[string, number, string | null, string, string, string]> = [
    ['GOOGLE', 5, np.id, nc.id, w.north, '2026-03-01'],
    ['GOOGLE', 4, np.id, nc.id, w.north, '2026-04-01'],
    ['YELP', 1, null, nc.id, w.north, '2026-05-01'],
    ['YELP', 2, sp.id, sc.id, w.south, '2026-05-02'],
    ['GOOGLE', 5, np.id, nc.id, w.north, '2025-05-01'], // outside the period
  ];
  for (const [platform, rating, projectId, customerId, teamId, postedAt] of rows) {
    await t.ds.query(`INSERT INTO reviews (platform, rating, author_name, posted_at, project_id, customer_id, team_id) VALUES ($1, $2, 'A', $3, $4, $5, $6)`, [
      platform, rating, postedAt, projectId, customerId, teamId,
    ]);
  }
  await t.ds.query(`INSERT INTO reviews (platform, rating, author_name, posted_at, team_id, deleted_at) VALUES ('BBB', 1, 'Gone', '2026-06-01', $1, now())`, [w.north]);
});

it('admins: every review of the period, by platform, team and salesperson (the SALES crew of the project)', async () => {
  const r = await ask('admin');
  expect(r.overall).toEqual({ count: 4, averageRating: 3, positiveShare: 0.5 });
  expect(r.byPlatform).toEqual([
    { platform: 'GOOGLE', stats: { count: 2, averageRating: 4.5, positiveShare: 1 } },
    { platform: 'YELP', stats: { count: 2, averageRating: 1.5, positiveShare: 0 } },
  ]);
  expect(r.byTeam).toEqual([
    { team: { name: 'North' }, stats: { count: 3, averageRating: 3.33 } },
    { team: { name: 'South' }, stats: { count: 1, averageRating: 2 } },
  ]);
  expect(r.bySalesperson).toEqual([
    { user: { name: w.as.sales.user.name }, stats: { count: 2, averageRating: 4.5, positiveShare: 1 } },
    { user: { name: w.as.otherSales.user.name }, stats: { count: 1, averageRating: 2, positiveShare: 0 } },
  ]);
  expect((await ask('admin', toGlobalId('Team', w.south))).overall.count).toBe(1);
});

it('managers and sales: their teams only; another team asked for is empty; field techs are refused', async () => {
  for (const who of ['manager', 'sales'] as const) {
    const r = await ask(who);
    expect(r.overall.count).toBe(3);
    expect(r.byTeam.map((x: any) => x.team.name)).toEqual(['North']);
    expect((await ask(who, toGlobalId('Team', w.south))).overall).toEqual({ count: 0, averageRating: null, positiveShare: 0 });
  }
  const tech = await t.gql(QUERY, { range }, w.as.tech.accessToken);
  expect(tech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it("the dashboard's reputation widget: the company, a team, or a salesperson's own projects", async () => {
  const nc = await createCustomer(t.ds, { teamId: w.north });
  const np = await createProject(t.ds, nc, {}, [w.as.sales.user.id]);
  const other = await createProject(t.ds, nc, {});
  for (const [projectId, rating] of [
    [np.id, 5],
    [other.id, 3],
  ] as const) {
    await t.ds.query(`INSERT INTO reviews (platform, rating, author_name, posted_at, project_id, customer_id, team_id) VALUES ('GOOGLE', $1, 'Recent', now() - interval '1 day', $2, $3, $4)`, [
      rating, projectId, nc.id, w.north,
    ]);
  }
  const DASH = `{ dashboard(range: LAST_7_DAYS) { reputation { overall { count averageRating positiveShare } byPlatform { platform } } } }`;
  const widget = async (who: Who) => (await t.gql(DASH, {}, w.as[who].accessToken)).body.data.dashboard.reputation;
  expect((await widget('admin')).overall).toEqual({ count: 2, averageRating: 4, positiveShare: 0.5 });
  expect((await widget('manager')).overall.count).toBe(2);
  expect((await widget('otherManager')).overall.count).toBe(0);
  expect(await widget('sales')).toEqual({ overall: { count: 1, averageRating: 5, positiveShare: 1 }, byPlatform: [{ platform: 'GOOGLE' }] });
});
