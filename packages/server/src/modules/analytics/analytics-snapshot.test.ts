import { COMPANY_ZONE, expectedSnapshot, finishedJob, loadRows, seededDemo, type SnapshotValue } from '../../../test/analytics-factories';
import type { Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { toGlobalId } from '../../platform/graphql/global-id';
import { dateIn } from '../../platform/time-zone';
import { snapshotDate } from './analytics.jobs';

const { t, w: demo } = useTestApp(seededDemo, { env: { JOBS_WORKERS: 'true' }, timeout: 60_000 });
// Days of the company's time zone (COMPANY_TIME_ZONE), not UTC days.
const today = dateIn(new Date(), COMPANY_ZONE);
const yesterday = dateIn(new Date(Date.now() - 86_400_000), COMPANY_ZONE);
const METRICS = ['active_projects', 'open_leads', 'open_pipeline_value', 'won_revenue_month'];


async function runSnapshot(data: object) {
  const id = await t.queue.send('analytics-snapshot', data);
  return finishedJob(t, id!);
}

const stored = async (date: string): Promise<Record<string, SnapshotValue>> => {
  const rows: Array<{ metric_type: string; metric_value: SnapshotValue }> = await t.ds.query(
    `SELECT metric_type, metric_value FROM analytics_snapshots WHERE snapshot_date = $1 ORDER BY metric_type`,
    [date],
  );
  return Object.fromEntries(rows.map((r) => [r.metric_type, r.metric_value]));
};

function expectSnapshot(actual: Record<string, SnapshotValue>, expected: Record<string, SnapshotValue>) {
  expect(Object.keys(actual).sort()).toEqual(METRICS);
  for (const metric of METRICS) {
    const [a, e] = [actual[metric]!, expected[metric]!];
    expect(a.total).toBeCloseTo(e.total, 2);
    expect(Object.keys(a.teams).sort()).toEqual(Object.keys(e.teams).sort());
    expect(Object.keys(a.users).sort()).toEqual(Object.keys(e.users).sort());
    for (const [id, v] of Object.entries(e.teams)) expect(a.teams[id]).toBeCloseTo(v, 2);
    for (const [id, v] of Object.entries(e.users)) expect(a.users[id]).toBeCloseTo(v, 2);
  }
}

const SERIES = `query($metrics: [String!], $teamId: ID) {
  dashboard(range: LAST_7_DAYS, teamId: $teamId) { timeSeries(metrics: $metrics) { metric points { date value } } } }`;
const series = async (who: Session, variables: Record<string, unknown> = {}) => {
  const r = await t.gql(SERIES, variables, who.accessToken);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.dashboard.timeSeries as Array<{ metric: string; points: Array<{ date: string; value: number }> }>;
};

it('is scheduled nightly at 00:15 in the company’s time zone', async () => {
  const [row] = await t.ds.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = 'analytics-snapshot'`);
  expect(row).toEqual({ cron: '15 0 * * *', timezone: COMPANY_ZONE });
});

it('writes today’s metrics for the company, every team and every sales member; a rerun changes nothing', async () => {
  expect((await series(demo.admin))[0]!.points).toEqual([]); // cached empty series, invalidated by the run below

  const run = await runSnapshot({});
  expect(run).toMatchObject({ state: 'completed', output: { date: today } });
  const teamIds = [demo.north, demo.south, (await t.ds.query(`SELECT id FROM teams WHERE name = 'Storm Response'`))[0].id];
  const first = await stored(today);
  expectSnapshot(first, expectedSnapshot(await loadRows(t.ds), teamIds, today));
  expect(first.open_leads!.total).toBeGreaterThan(100);
  expect(first.won_revenue_month!.total).toBeGreaterThanOrEqual(0);

  expect((await runSnapshot({ date: today })).state).toBe('completed');
  expect(await stored(today)).toEqual(first);
  const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM analytics_snapshots');
  expect(n).toBe(4);

  expect((await runSnapshot({ date: yesterday })).state).toBe('completed');
  expectSnapshot(await stored(yesterday), expectedSnapshot(await loadRows(t.ds), teamIds, yesterday));
});

it('feeds the dashboard time series: company totals, the team’s values, the sales member’s own', async () => {
  const [y, d] = [await stored(yesterday), await stored(today)];
  const points = (pick: (v: SnapshotValue) => number) => (metric: string) => ({
    metric,
    points: [
      { date: yesterday, value: pick(y[metric]!) },
      { date: today, value: pick(d[metric]!) },
    ],
  });
  const ALL = ['open_leads', 'open_pipeline_value', 'won_revenue_month', 'active_projects'];
  expect(await series(demo.admin)).toEqual(ALL.map(points((v) => v.total)));
  expect(await series(demo.manager)).toEqual(ALL.map(points((v) => v.teams[demo.north]!)));
  expect(await series(demo.sales, { metrics: ['open_leads'] })).toEqual([points((v) => v.users[demo.sales.user.id]!)('open_leads')]);
  expect(await series(demo.admin, { metrics: ['won_revenue_month', 'no_such_metric'], teamId: toGlobalId('Team', demo.south) })).toEqual([
    points((v) => v.teams[demo.south]!)('won_revenue_month'),
    { metric: 'no_such_metric', points: [] },
  ]);
});

it('takes an optional YYYY-MM-DD date; today is the company’s day', () => {
  expect(snapshotDate({}, 'America/Chicago', new Date('2026-03-04T23:59:00Z'))).toBe('2026-03-04');
  // 01:30 UTC on the 5th is still the evening of the 4th in Minneapolis.
  expect(snapshotDate({}, 'America/Chicago', new Date('2026-03-05T01:30:00Z'))).toBe('2026-03-04');
  expect(snapshotDate({}, 'UTC', new Date('2026-03-05T01:30:00Z'))).toBe('2026-03-05');
  expect(snapshotDate({ date: '2026-02-28' }, 'America/Chicago')).toBe('2026-02-28');
  for (const date of ['2026-02-30', '20260228', 'yesterday']) expect(() => snapshotDate({ date }, 'America/Chicago')).toThrow('is not a date');
});
