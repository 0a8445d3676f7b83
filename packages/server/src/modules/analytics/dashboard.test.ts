import { COMPANY_ZONE, DASHBOARD, expectedDashboard, loadRows, seededDemo } from '../../../test/analytics-factories';
import type { Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { NoCache } from '../../platform/cache/cache';
import { fromGlobalId, toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, createTeam } from '../../../test/factories';
import { dateIn, startOfMonthIn } from '../../platform/time-zone';
import { rangeBounds } from './dashboard-scope';
import { DashboardService } from './dashboard.service';

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
    // January 1st at midnight in Minneapolis (CST).
    expect(d.from).toBe(`${dateIn(new Date(), COMPANY_ZONE).slice(0, 4)}-01-01T06:00:00.000Z`);
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

describe('periods ending at any time (whole days from the aggregates, both ends corrected from the rows)', () => {
  // Early and late in a UTC day (the first day is then read as its aggregate minus its rows before the period, or
  // live), at midnight, and ending in the past (the last day's rows after the period's end are taken off).
  const ends = ['T03:00:00.000Z', 'T15:30:00.000Z', 'T00:00:00.000Z', 'T23:59:59.999Z'].flatMap((time) =>
    [0, 9].map((daysAgo) => new Date(`${new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10)}${time}`)));

  it.each(ends.map((end) => [end.toISOString(), end]))('ending %s: company, team and sales member', async (_, end) => {
    const service = new DashboardService(t.ds, new NoCache(), COMPANY_ZONE);
    const rows = await loadRows(t.ds);
    for (const scope of [{ teamId: null, userId: null }, { teamId: demo.north, userId: null }, { teamId: null, userId: demo.sales.user.id }]) {
      for (const range of ['LAST_7_DAYS', 'LAST_12_MONTHS'] as const) {
        const d = { range, ...rangeBounds(range, end, COMPANY_ZONE), ...scope };
        const exp = expectedDashboard(rows, d);
        expect(await service.pipeline(d)).toEqual(exp.pipeline);
        expect(rounded(await service.funnel(d), 'rate')).toEqual(rounded(exp.funnel, 'rate'));
        expectClose(await service.winRate(d), exp.winRate, 9);
        expect(rounded(await service.sourceRoi(d), 'conversionRate')).toEqual(rounded(exp.sourceRoi, 'conversionRate'));
        expect(await service.averageDealSize(d)).toBe(exp.averageDealSize);
        expect(await service.revenueByMonth(d)).toEqual(exp.revenueByMonth);
        const leaderboard = await service.leaderboard(d);
        expect(leaderboard.map((row) => row.userId).sort()).toEqual([...exp.leaderboard.keys()].sort());
        for (const row of leaderboard) {
          const { avgResponseHours, ...rest } = exp.leaderboard.get(row.userId)!;
          expect({ leads: row.leads, wins: row.wins, revenue: row.revenue }).toEqual(rest);
          expectClose(row.avgResponseHours, avgResponseHours, 1);
        }
      }
    }
  });
});

describe('win rate, funnel and pipeline', () => {
  it.each(['LAST_7_DAYS', 'LAST_90_DAYS', 'YEAR_TO_DATE'] as const)('count the same leads (%s), for the company and for a salesperson', async (range) => {
    for (const who of [demo.admin, demo.sales]) {
      await t.cache.invalidate('dashboard');
      const r = await t.gql(DASHBOARD, { range }, who.accessToken);
      const d = r.body.data.dashboard;
      const count = (s: string) => d.pipeline.find((p: { status: string }) => p.status === s).count as number;
      const all = d.pipeline.reduce((n: number, p: { count: number }) => n + p.count, 0);
      const won = d.funnel.find((f: { status: string }) => f.status === 'WON');
      expect(d.funnel[0].count).toBe(all);
      expect(won.count).toBe(count('WON'));
      if (all) expect(won.rate).toBeCloseTo(count('WON') / all, 9);
      const decided = count('WON') + count('LOST');
      if (decided) expect(d.winRate).toBeCloseTo(count('WON') / decided, 9);
      else expect(d.winRate).toBeNull();
    }
  });
});

describe('the company’s time zone', () => {
  it('starts the year on January 1st there', () => {
    // 3 AM UTC on Jan 1st 2027 is still New Year's Eve in Minneapolis: the year to date is 2026's.
    expect(rangeBounds('YEAR_TO_DATE', new Date('2027-01-01T03:00:00Z'), COMPANY_ZONE).from.toISOString()).toBe('2026-01-01T06:00:00.000Z');
    expect(rangeBounds('YEAR_TO_DATE', new Date('2027-01-01T03:00:00Z'), 'UTC').from.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('counts revenue in the month it was won there, not in the UTC month', async () => {
    const monthStart = startOfMonthIn(new Date(), COMPANY_ZONE);
    const team = await createTeam(t.ds, 'Night Shift');
    const customer = await createCustomer(t.ds, { teamId: team.id });
    // The last evening of last month in Minneapolis is already this month in UTC.
    await createProject(t.ds, customer, { createdAt: new Date(monthStart.getTime() - 30 * 60_000), budget: '1111.00' });
    await createProject(t.ds, customer, { createdAt: new Date(monthStart.getTime() + 30 * 60_000), budget: '2222.00' });
    const d = { range: 'LAST_12_MONTHS' as const, ...rangeBounds('LAST_12_MONTHS', new Date(), COMPANY_ZONE), teamId: team.id, userId: null };
    const months = await new DashboardService(t.ds, new NoCache(), COMPANY_ZONE).revenueByMonth(d);
    expect(months).toEqual(expectedDashboard(await loadRows(t.ds), d).revenueByMonth);
    expect(months.slice(-2)).toEqual([
      { month: dateIn(startOfMonthIn(monthStart, COMPANY_ZONE, -1), COMPANY_ZONE), revenue: '1111.00', projects: 1 },
      { month: dateIn(monthStart, COMPANY_ZONE), revenue: '2222.00', projects: 1 },
    ]);
    const utc = await new DashboardService(t.ds, new NoCache(), 'UTC').revenueByMonth(d);
    expect(utc.at(-1)).toMatchObject({ revenue: '3333.00', projects: 2 });
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

/**
 * The widgets read daily aggregates kept by triggers (migration DashboardAggregates): a change to a row of a past day,
 * through the API or plain SQL, shows in the next uncached dashboard of every scope.
 */
describe('past-dated changes show at once', () => {
  const DAY = 86_400_000;
  const gid = (type: string, id: string) => toGlobalId(type, id);
  async function mutate(query: string, variables: Record<string, unknown>, field: string) {
    const r = await t.gql(query, variables, demo.admin.accessToken);
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data[field].errors).toEqual([]);
  }
  /** Every scope the change may touch, over a period where `day` is a whole day inside (not an edge). */
  async function expectAllScopesMatch() {
    await expectDashboardMatches(demo.admin, { range: 'LAST_12_MONTHS' }, { teamId: null, userId: null });
    await expectDashboardMatches(demo.manager, { range: 'LAST_12_MONTHS' }, { teamId: demo.north, userId: null });
    await expectDashboardMatches(demo.sales, { range: 'LAST_12_MONTHS' }, { teamId: null, userId: demo.sales.user.id });
    await expectDashboardMatches(demo.admin, { range: 'LAST_90_DAYS', teamId: toGlobalId('Team', demo.south) }, { teamId: demo.south, userId: null });
  }
  const old = (sql: string) => t.ds.query(sql, [new Date(Date.now() - 200 * DAY), new Date(Date.now() - 20 * DAY)]);

  it('a lead of weeks ago: value, source, status, assignee, team, soft delete and restore', async () => {
    const [lead] = await old(`SELECT id FROM leads WHERE deleted_at IS NULL AND status IN ('NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT')
      AND team_id = '${demo.north}' AND assignee_id = '${demo.sales.user.id}' AND created_at BETWEEN $1 AND $2 ORDER BY created_at LIMIT 1`);
    expect(lead).toBeDefined();
    const id = gid('Lead', lead.id);
    await mutate(`mutation($i: UpdateLeadInput!) { updateLead(input: $i) { errors { code } } }`, { i: { id, estimatedValue: '98765.43', source: 'PARTNER' } }, 'updateLead');
    await mutate(`mutation($i: UpdateLeadStatusInput!) { updateLeadStatus(input: $i) { errors { code } } }`, { i: { id, status: 'LOST', lostReason: 'Went with a cheaper bid' } }, 'updateLeadStatus');
    await expectAllScopesMatch();
    await mutate(`mutation($i: AssignLeadInput!) { assignLead(input: $i) { errors { code } } }`, { i: { id, assigneeId: null } }, 'assignLead');
    await t.ds.query(`UPDATE leads SET team_id = $2 WHERE id = $1`, [lead.id, demo.south]); // plain SQL counts too
    await expectAllScopesMatch();
    await mutate(`mutation($id: ID!) { deleteLead(id: $id) { errors { code } } }`, { id }, 'deleteLead');
    await expectAllScopesMatch();
    await mutate(`mutation($id: ID!) { restoreLead(id: $id) { errors { code } } }`, { id }, 'restoreLead');
    await expectAllScopesMatch();
  });

  it('a project of months ago: budget, cost, cancellation, crew, its lead’s assignee, soft and hard delete', async () => {
    const [p] = await old(`SELECT p.id, p.lead_id FROM projects p JOIN leads l ON l.id = p.lead_id AND l.converted_project_id = p.id
      WHERE p.deleted_at IS NULL AND p.status IN ('PLANNING', 'SCHEDULED', 'IN_PROGRESS') AND p.budget IS NOT NULL
        AND l.assignee_id IS NOT NULL AND l.assignee_id <> '${demo.sales.user.id}' AND p.created_at BETWEEN $1 AND $2 ORDER BY p.created_at LIMIT 1`);
    expect(p).toBeDefined();
    const id = gid('Project', p.id);
    const update = (i: Record<string, unknown>) =>
      mutate(`mutation($i: UpdateProjectInput!) { updateProject(input: $i) { errors { code } } }`, { i: { id, ...i } }, 'updateProject');
    await update({ budget: '43210.99', actualCost: '50000.00' });
    await mutate(`mutation($i: AssignProjectTeamInput!) { assignProjectTeam(input: $i) { errors { code } } }`, { i: { id, memberIds: [demo.sales.id] } }, 'assignProjectTeam');
    await expectAllScopesMatch();
    // Its lead goes to the sales member, then the crew is emptied: still theirs through the lead.
    await mutate(`mutation($i: AssignLeadInput!) { assignLead(input: $i) { errors { code } } }`, { i: { id: gid('Lead', p.lead_id), assigneeId: demo.sales.id } }, 'assignLead');
    await mutate(`mutation($i: AssignProjectTeamInput!) { assignProjectTeam(input: $i) { errors { code } } }`, { i: { id, memberIds: [] } }, 'assignProjectTeam');
    await expectAllScopesMatch();
    await update({ status: 'CANCELLED' });
    await expectAllScopesMatch();
    await mutate(`mutation($id: ID!) { deleteProject(id: $id) { errors { code } } }`, { id }, 'deleteProject');
    await expectAllScopesMatch();
    await mutate(`mutation($id: ID!) { restoreProject(id: $id) { errors { code } } }`, { id }, 'restoreProject');
    await t.ds.query(`UPDATE projects SET status = 'IN_PROGRESS', created_at = created_at - interval '30 days' WHERE id = $1`, [p.id]);
    await expectAllScopesMatch();
    await mutate(`mutation($id: ID!) { hardDeleteProject(id: $id) { errors { code } } }`, { id }, 'hardDeleteProject');
    await expectAllScopesMatch();
  });

  it('the aggregates equal the rows, day by day (after every change above and in beforeAll)', async () => {
    const differing = async (kept: string, fromRows: string) => {
      const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM ((${kept} EXCEPT ${fromRows}) UNION ALL (${fromRows} EXCEPT ${kept})) x`);
      return n;
    };
    // Leads per team, day and source: count, wins, estimated value, revenue of the converted project, responses.
    expect(await differing(
      `SELECT scope_id, day, val, leads, wins, value, revenue, responded, response_seconds FROM dashboard_lead_days WHERE scope_kind = 't' AND dim = 'o' AND leads <> 0`,
      `SELECT l.team_id, (l.created_at AT TIME ZONE 'UTC')::date, l.source::text, count(*)::int, (count(*) FILTER (WHERE l.status = 'WON'))::int,
              coalesce(sum(l.estimated_value), 0), coalesce(sum(p.budget), 0), count(l.first_contact_at)::int,
              coalesce(sum(extract(epoch FROM l.first_contact_at - l.created_at)), 0)
         FROM leads l LEFT JOIN projects p ON p.id = l.converted_project_id AND p.deleted_at IS NULL AND p.status <> 'CANCELLED'
        WHERE l.deleted_at IS NULL AND l.team_id IS NOT NULL GROUP BY 1, 2, 3`,
    )).toBe(0);
    // Projects per sales member or crew member, day and status: count, budgeted, budget, on budget.
    expect(await differing(
      `SELECT scope_id, day, status, sum(projects)::int, sum(budgeted)::int, sum(budget), sum(on_budget)::int FROM dashboard_project_days
        WHERE scope_kind = 'u' GROUP BY 1, 2, 3 HAVING sum(projects) <> 0`,
      `SELECT u.user_id, (p.created_at AT TIME ZONE 'UTC')::date, p.status::text, count(*)::int, count(p.budget)::int, coalesce(sum(p.budget), 0),
              (count(*) FILTER (WHERE p.actual_cost <= p.budget))::int
         FROM projects p JOIN (SELECT l.assignee_id AS user_id, pp.id FROM projects pp JOIN leads l ON l.id = pp.lead_id AND l.deleted_at IS NULL
                               WHERE l.assignee_id IS NOT NULL UNION SELECT pm.user_id, pm.project_id FROM project_members pm) u ON u.id = p.id
        WHERE p.deleted_at IS NULL GROUP BY 1, 2, 3`,
    )).toBe(0);
  });
});
