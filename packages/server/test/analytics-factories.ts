/**
 * An independent oracle for the dashboard: plain SELECTs of the raw rows, and each widget recomputed in TypeScript
 * from the definitions in schema/analytics (money in integer cents). Tests compare the API against it.
 */
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD, seedDemo } from '../src/seed/demo';
import { login, type Session } from './factories';
import type { TestApp } from './harness';
import { toGlobalId } from '../src/platform/graphql/global-id';
import { UserEntity } from '../src/modules/users/user.entity';
import { dateIn, instantOf, startOfMonthIn } from '../src/platform/time-zone';

/** The time zone the test app runs in: COMPANY_TIME_ZONE's default. */
export const COMPANY_ZONE = 'America/Chicago';

interface LeadRow { id: string; status: string; source: string; value: string | null; team_id: string | null; assignee_id: string | null; created_at: Date; converted_project_id: string | null }
interface ProjectRow { id: string; lead_id: string | null; status: string; budget: string | null; actual_cost: string; team_id: string | null; created_at: Date }
interface AppointmentRow { id: string; status: string; starts_at: Date; team_id: string | null; assignee_id: string | null }
interface UserRow { id: string; role: string; active: boolean; team_id: string | null }

/** Every row the dashboard reads, soft-deleted ones excluded. */
export interface Rows {
  leads: LeadRow[];
  projects: ProjectRow[];
  members: Array<{ project_id: string; user_id: string }>;
  appointments: AppointmentRow[];
  interactions: Array<{ lead_id: string; occurred_at: Date }>;
  users: UserRow[];
}

export async function loadRows(ds: DataSource): Promise<Rows> {
  return {
    leads: await ds.query(`SELECT id, status, source, estimated_value::text AS value, team_id, assignee_id, created_at, converted_project_id
      FROM leads WHERE deleted_at IS NULL`),
    projects: await ds.query(`SELECT id, lead_id, status, budget::text AS budget, actual_cost::text AS actual_cost, team_id, created_at
      FROM projects WHERE deleted_at IS NULL`),
    members: await ds.query('SELECT project_id, user_id FROM project_members'),
    appointments: await ds.query('SELECT id, status, starts_at, team_id, assignee_id FROM appointments WHERE deleted_at IS NULL'),
    interactions: await ds.query('SELECT lead_id, occurred_at FROM interactions WHERE deleted_at IS NULL AND lead_id IS NOT NULL'),
    users: await ds.query('SELECT id, role, active, team_id FROM users'),
  };
}

export interface Scope { teamId: string | null; userId: string | null; from: Date; to: Date }

const cents = (v: string | null) => (v === null ? 0 : Math.round(Number(v) * 100));
export const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const ratio = (a: number, b: number) => (b ? a / b : null);
const FUNNEL = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON'];
const STATUSES = [...FUNNEL, 'LOST'];
const SOURCES = ['DOOR_KNOCK', 'REFERRAL', 'WEBSITE', 'STORM_CANVASS', 'PARTNER', 'ADS', 'PHONE', 'OTHER'];
const PROJECT_STATUSES = ['PLANNING', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];

/** Every widget as the API should return it (ids as database keys; leaderboard rows keyed by user id); months in `timeZone`. */
export function expectedDashboard(rows: Rows, s: Scope, timeZone = COMPANY_ZONE) {
  const inRange = (d: Date) => d >= s.from && d <= s.to;
  const leadInScope = (l: LeadRow) => (s.userId ? l.assignee_id === s.userId : s.teamId ? l.team_id === s.teamId : true);
  const sellerLeads = new Set(rows.leads.filter((l) => l.assignee_id === s.userId).map((l) => l.id));
  const crewOf = new Set(rows.members.filter((m) => m.user_id === s.userId).map((m) => m.project_id));
  const projectInScope = (p: ProjectRow) =>
    s.userId ? (p.lead_id !== null && sellerLeads.has(p.lead_id)) || crewOf.has(p.id) : s.teamId ? p.team_id === s.teamId : true;
  const projectById = new Map(rows.projects.map((p) => [p.id, p]));
  /** Budget of the lead's converted project when it counts as revenue (not deleted, not cancelled). */
  const revenueOf = (l: LeadRow) => {
    const p = l.converted_project_id ? projectById.get(l.converted_project_id) : undefined;
    return p && p.status !== 'CANCELLED' ? cents(p.budget) : 0;
  };

  const leads = rows.leads.filter((l) => inRange(l.created_at) && leadInScope(l));
  const projects = rows.projects.filter(projectInScope);
  const won = projects.filter((p) => inRange(p.created_at) && p.status !== 'CANCELLED');
  const budgeted = projects.filter((p) => p.status !== 'CANCELLED' && p.budget !== null);
  const closed = leads.filter((l) => l.status === 'WON' || l.status === 'LOST');
  const deals = won.filter((p) => p.lead_id !== null && p.budget !== null);

  const months: string[] = [];
  for (let m = startOfMonthIn(s.from, timeZone); m <= s.to; m = startOfMonthIn(m, timeZone, 1)) months.push(dateIn(m, timeZone));
  const monthOf = (d: Date) => `${dateIn(d, timeZone).slice(0, 7)}-01`;

  const firstContact = new Map<string, number>();
  const created = new Map(rows.leads.map((l) => [l.id, l.created_at.getTime()]));
  for (const i of rows.interactions) {
    const c = created.get(i.lead_id);
    const at = i.occurred_at.getTime();
    if (c !== undefined && at >= c && at < (firstContact.get(i.lead_id) ?? Infinity)) firstContact.set(i.lead_id, at);
  }
  const sellers = rows.users.filter((u) => u.active && u.role === 'SALES' && (s.userId ? u.id === s.userId : s.teamId ? u.team_id === s.teamId : true));

  return {
    pipeline: STATUSES.map((status) => {
      const of = leads.filter((l) => l.status === status);
      return { status, count: of.length, value: money(sum(of.map((l) => cents(l.value)))) };
    }),
    funnel: FUNNEL.map((status, i) => {
      const reached = leads.filter((l) => FUNNEL.indexOf(l.status) >= i || (i === 0 && l.status === 'LOST')).length;
      return { status, count: reached, rate: ratio(reached, leads.length) ?? 0 };
    }),
    winRate: ratio(closed.filter((l) => l.status === 'WON').length, closed.length),
    averageDealSize: deals.length ? money(Math.round(sum(deals.map((p) => cents(p.budget))) / deals.length)) : null,
    revenueByMonth: months.map((month) => {
      const of = won.filter((p) => monthOf(p.created_at) === month);
      return { month, revenue: money(sum(of.map((p) => cents(p.budget)))), projects: of.length };
    }),
    sourceRoi: SOURCES.map((source) => {
      const of = leads.filter((l) => l.source === source);
      const wins = of.filter((l) => l.status === 'WON').length;
      return { source, leads: of.length, wins, revenue: money(sum(of.map(revenueOf))), conversionRate: ratio(wins, of.length) ?? 0 };
    }),
    leaderboard: new Map(
      sellers.map((u) => {
        const of = leads.filter((l) => l.assignee_id === u.id);
        const responses = of.filter((l) => firstContact.has(l.id)).map((l) => (firstContact.get(l.id)! - l.created_at.getTime()) / 3_600_000);
        const avg = responses.length ? sum(responses) / responses.length : null;
        return [u.id, { leads: of.length, wins: of.filter((l) => l.status === 'WON').length, revenue: money(sum(of.map(revenueOf))), avgResponseHours: avg }];
      }),
    ),
    projectStatus: PROJECT_STATUSES.map((status) => ({ status, count: projects.filter((p) => p.status === status).length })),
    onBudgetRatio: ratio(budgeted.filter((p) => cents(p.actual_cost) <= cents(p.budget)).length, budgeted.length),
    upcomingAppointments: rows.appointments
      .filter((a) => a.status !== 'CANCELLED' && a.starts_at >= s.to)
      .filter((a) => (s.userId ? a.assignee_id === s.userId : s.teamId ? a.team_id === s.teamId : true))
      .sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime() || (a.id < b.id ? -1 : 1))
      .slice(0, 10)
      .map((a) => a.id),
  };
}

export const DASHBOARD_FIELDS = `range from to team { id name }
  pipeline { status count value }
  funnel { status count rate }
  winRate averageDealSize
  revenueByMonth { month revenue projects }
  sourceRoi { source leads wins revenue conversionRate }
  leaderboard { user { id } leads wins revenue avgResponseHours }
  projectStatus { status count }
  onBudgetRatio
  upcomingAppointments { id startsAt }`;

export const DASHBOARD = `query($range: DashboardRange, $teamId: ID) { dashboard(range: $range, teamId: $teamId) { ${DASHBOARD_FIELDS} } }`;

/** The demo company, seeded into the test database, with a session per demo login. */
export async function seededDemo(t: TestApp) {
  await seedDemo(t.ds, pino({ level: 'silent' }));
  const as = async (email: string): Promise<Session> => {
    const r = await login(t, email, DEMO_PASSWORD);
    if (!r.accessToken) throw new Error(`demo login failed for ${email}`);
    const user = await t.ds.getRepository(UserEntity).findOneByOrFail({ email });
    return { user, id: toGlobalId('User', user.id), accessToken: r.accessToken, refreshToken: r.refreshToken! };
  };
  const teams: Array<{ id: string; name: string }> = await t.ds.query('SELECT id, name FROM teams ORDER BY name');
  const team = (name: string) => teams.find((x) => x.name === name)!.id;
  return {
    north: team('North Metro'),
    south: team('South Metro'),
    admin: await as('admin@iswitchroofs.test'),
    manager: await as('manager@iswitchroofs.test'),
    sales: await as('sales@iswitchroofs.test'),
    tech: await as('tech@iswitchroofs.test'),
  };
}

/** Waits until a pg-boss job finished; returns its final state and output. */
export async function finishedJob(t: TestApp, id: string, timeoutMs = 20_000): Promise<{ state: string; output: unknown }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.ds.query(
      `SELECT state::text, output FROM pgboss.job WHERE id = $1 UNION ALL SELECT state::text, output FROM pgboss.archive WHERE id = $1`,
      [id],
    );
    if (row && (row.state === 'completed' || row.state === 'failed')) return row;
    if (Date.now() > deadline) throw new Error(`job ${id} still ${row?.state ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface SnapshotValue {
  total: number;
  teams: Record<string, number>;
  users: Record<string, number>;
}

/** The snapshot of `date` (YYYY-MM-DD, a day in `timeZone`) as the job should write it, recomputed from the rows. */
export function expectedSnapshot(rows: Rows, teamIds: string[], date: string, now = new Date(), timeZone = COMPANY_ZONE): Record<string, SnapshotValue> {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const endOfDay = instantOf(timeZone, year, month, day + 1).getTime();
  const cutoff = Math.min(now.getTime(), endOfDay);
  const monthStart = instantOf(timeZone, year, month, 1).getTime();
  const sellers = rows.users.filter((u) => u.active && u.role === 'SALES').map((u) => u.id);
  const assigneeOf = new Map(rows.leads.map((l) => [l.id, l.assignee_id]));
  const usersOf = (p: ProjectRow) =>
    new Set([...(p.lead_id && assigneeOf.get(p.lead_id) ? [assigneeOf.get(p.lead_id)!] : []), ...rows.members.filter((m) => m.project_id === p.id).map((m) => m.user_id)]);

  const open = rows.leads.filter((l) => !['WON', 'LOST'].includes(l.status) && l.created_at.getTime() < cutoff);
  const projects = rows.projects.filter((p) => p.created_at.getTime() < cutoff);
  const metric = <T>(items: T[], value: (x: T) => number, team: (x: T) => string | null, users: (x: T) => Set<string | null>): SnapshotValue => ({
    total: sum(items.map(value)),
    teams: Object.fromEntries(teamIds.map((id) => [id, sum(items.filter((x) => team(x) === id).map(value))])),
    users: Object.fromEntries(sellers.map((id) => [id, sum(items.filter((x) => users(x).has(id)).map(value))])),
  });
  const wonCents = (p: ProjectRow) => (p.status !== 'CANCELLED' && p.created_at.getTime() >= monthStart ? cents(p.budget) : 0);
  return {
    open_leads: metric(open, () => 1, (l) => l.team_id, (l) => new Set([l.assignee_id])),
    open_pipeline_value: metric(open, (l) => cents(l.value) / 100, (l) => l.team_id, (l) => new Set([l.assignee_id])),
    won_revenue_month: metric(projects, (p) => wonCents(p) / 100, (p) => p.team_id, usersOf),
    active_projects: metric(projects, (p) => (['PLANNING', 'SCHEDULED', 'IN_PROGRESS'].includes(p.status) ? 1 : 0), (p) => p.team_id, usersOf),
  };
}
