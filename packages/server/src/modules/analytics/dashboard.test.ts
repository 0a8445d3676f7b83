import { DASHBOARD, expectedDashboard, loadRows, seededDemo } from '../../../test/analytics-factories';
import type { Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { fromGlobalId, toGlobalId } from '../../platform/graphql/global-id';

const { t, w: demo } = useTestApp(seededDemo, { timeout: 60_000 });

beforeAll(async () => {
  // Soft-deleted rows must never count: some recent leads, projects, upcoming appointments, and the first contact of some leads.
  await t.ds.query(`UPDATE leads SET deleted_at = now() WHERE id IN (SELECT id FROM leads WHERE created_at > now() - interval '60 days' ORDER BY id LIMIT 6)`);
  await t.ds.query(`UPDATE projects SET deleted_at = now() WHERE id IN (SELECT id FROM projects WHERE created_at > now() - interval '200 days' ORDER BY id LIMIT 4)`);
  await t.ds.query(`UPDATE appointments SET deleted_at = now() WHERE id IN (SELECT id FROM appointments WHERE starts_at > now() ORDER BY starts_at LIMIT 3)`);
  await t.ds.query(`UPDATE interactions SET deleted_at = now() WHERE id IN (
    SELECT DISTINCT ON (lead_id) id FROM interactions WHERE lead_id IS NOT NULL ORDER BY lead_id, occurred_at LIMIT 10)`);
}, 60_000);

const key = (globalId: string) => fromGlobalId(globalId)!.id;
const rounded = <T>(rows: T[], field: keyof T) => rows.map((r) => ({ ...r, [field]: Number((r[field] as number).toFixed(9)) }));
const expectClose = (actual: number | null, expected: number | null, digits: number) =>
  expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, digits);

/** Asks for every widget (cache emptied first) and compares each with the oracle over the same period and scope. */
async function expectDashboardMatches(who: Session, variables: Record<string, unknown>, scope: { teamId: string | null; userId: string | null }) {
  await t.cache.invalidate('dashboard');
  const r = await t.gql(DASHBOARD, variables, who.accessToken);
  expect(r.body.errors).toBeUndefined();
  const d = r.body.data.dashboard;
  expect(d.team?.id ?? null).toBe(scope.teamId && toGlobalId('Team', scope.teamId));
  const exp = expectedDashboard(await loadRows(t.ds), { ...scope, from: new Date(d.from), to: new Date(d.to) });

  expect(d.pipeline).toEqual(exp.pipeline);
  expect(rounded(d.funnel, 'rate')).toEqual(rounded(exp.funnel, 'rate'));
  expectClose(d.winRate, exp.winRate, 9);
  expect(d.averageDealSize).toBe(exp.averageDealSize);
  expect(d.revenueByMonth).toEqual(exp.revenueByMonth);
  expect(rounded(d.sourceRoi, 'conversionRate')).toEqual(rounded(exp.sourceRoi, 'conversionRate'));
  expect(d.projectStatus).toEqual(exp.projectStatus);
  expectClose(d.onBudgetRatio, exp.onBudgetRatio, 9);
  expect(d.upcomingAppointments.map((a: { id: string }) => key(a.id))).toEqual(exp.upcomingAppointments);

  expect(d.leaderboard.map((row: { user: { id: string } }) => key(row.user.id)).sort()).toEqual([...exp.leaderboard.keys()].sort());
  for (const row of d.leaderboard) {
    const { avgResponseHours, ...rest } = exp.leaderboard.get(key(row.user.id))!;
    expect({ leads: row.leads, wins: row.wins, revenue: row.revenue }).toEqual(rest);
    expectClose(row.avgResponseHours, avgResponseHours, 1);
  }
  const revenues = d.leaderboard.map((row: { revenue: string }) => Number(row.revenue));
  expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
  return d;
}

describe('widget numbers match the data', () => {
  it('admin: the whole company over the last 12 months', async () => {
    const d = await expectDashboardMatches(demo.admin, { range: 'LAST_12_MONTHS' }, { teamId: null, userId: null });
    // Not vacuous: the demo company has a pipeline, wins, revenue, sellers with response times and a calendar.
    expect(d.pipeline.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBeGreaterThan(200);
    expect(d.winRate).toBeGreaterThan(0);
    expect(d.revenueByMonth).toHaveLength(13);
    expect(d.leaderboard).toHaveLength(5);
    expect(d.leaderboard.some((row: { avgResponseHours: number | null }) => row.avgResponseHours !== null)).toBe(true);
    expect(d.upcomingAppointments).toHaveLength(10);
  });

  it('admin: the whole company over the last 30 days (the default range)', async () => {
    const d = await expectDashboardMatches(demo.admin, {}, { teamId: null, userId: null });
    expect(d.range).toBe('LAST_30_DAYS');
    expect(new Date(d.to).getTime() - new Date(d.from).getTime()).toBe(30 * 86_400_000);
  });

  it('admin: one team over the last 90 days', async () => {
    await expectDashboardMatches(demo.admin, { range: 'LAST_90_DAYS', teamId: toGlobalId('Team', demo.south) }, { teamId: demo.south, userId: null });
  });

  it('manager: their team when none is given, and when it is given', async () => {
    const d = await expectDashboardMatches(demo.manager, { range: 'YEAR_TO_DATE' }, { teamId: demo.north, userId: null });
    expect(d.from).toBe(`${new Date().getUTCFullYear()}-01-01T00:00:00.000Z`);
    expect(d.leaderboard).toHaveLength(2);
    await expectDashboardMatches(demo.manager, { range: 'LAST_7_DAYS', teamId: toGlobalId('Team', demo.north) }, { teamId: demo.north, userId: null });
  });

  it('sales: their own numbers, whatever team is asked for', async () => {
    const d = await expectDashboardMatches(
      demo.sales,
      { range: 'LAST_12_MONTHS', teamId: toGlobalId('Team', demo.south) },
      { teamId: null, userId: demo.sales.user.id },
    );
    expect(d.team).toBeNull();
    expect(d.leaderboard.map((row: { user: { id: string } }) => row.user.id)).toEqual([demo.sales.id]);
    expect(d.projectStatus.reduce((n: number, s: { count: number }) => n + s.count, 0)).toBeGreaterThan(0);
  });
});

describe('scope rules', () => {
  const ask = (who: Session, teamId?: string) => t.gql(`query($teamId: ID) { dashboard(teamId: $teamId) { team { id } } }`, { teamId }, who.accessToken);
  const codeOf = (r: Awaited<ReturnType<typeof ask>>) => r.body.errors?.[0]?.extensions?.code;

  it('a manager asking for another team is FORBIDDEN', async () => {
    const r = await ask(demo.manager, toGlobalId('Team', demo.south));
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(r.body.data).toBeNull();
  });

  it('field techs may not see the dashboard', async () => {
    expect(codeOf(await ask(demo.tech))).toBe('FORBIDDEN');
  });

  it('a malformed team ID is BAD_USER_INPUT; an unknown team is NOT_FOUND', async () => {
    expect(codeOf(await ask(demo.admin, toGlobalId('Customer', demo.south)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(demo.admin, toGlobalId('Team', '00000000-0000-4000-8000-000000000000')))).toBe('NOT_FOUND');
  });

  it('admins see the company (no team) unless they ask for one', async () => {
    expect((await ask(demo.admin)).body.data.dashboard.team).toBeNull();
    expect((await ask(demo.admin, toGlobalId('Team', demo.north))).body.data.dashboard.team.id).toBe(toGlobalId('Team', demo.north));
  });
});
