/**
 * Reads of the daily dashboard aggregates (migration 1764410000000-DashboardAggregates, kept exact by triggers in
 * every writing transaction): a period is its UTC days from `dashboard_lead_days` / `dashboard_project_days`,
 * corrected at both ends by rows of its first and last day read from the tables themselves (see `split`). So the numbers are those of the rows, to the millisecond, whatever the period's bounds, and a write is
 * counted as soon as it commits (today's aggregate is as current as the rows).
 */
import { Params, type WidgetScope } from './dashboard-scope';

const NIL = '00000000-0000-0000-0000-000000000000';
const DAY_MS = 86_400_000;

/** The aggregates' scope columns: company, team, or sales member. */
function scopeOf(s: WidgetScope, p: Params): string {
  const [kind, id] = s.userId ? ['u', s.userId] : s.teamId ? ['t', s.teamId] : ['c', NIL];
  return `a.scope_kind = ${p.add(kind)} AND a.scope_id = ${p.add(id)}::uuid`;
}

const dayOf = (d: Date) => new Date(Math.floor(d.getTime() / DAY_MS) * DAY_MS);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Rows created between `from` and `to` (`after`: excluding `from`; `through`: including `to`), counted with `sign`. */
interface Window {
  from: Date;
  to: Date;
  after?: boolean;
  through?: boolean;
  sign: 1 | -1;
}

/**
 * The period as whole UTC days of the aggregates (`days`, inclusive; null for none) corrected by rows read live
 * (`windows`): the last day's aggregate minus the rows created after the period's end (normally none: it ends now);
 * the first day either added live (its part in the period) or as its aggregate minus its rows before the period,
 * whichever spans fewer hours.
 */
function split(s: WidgetScope): { days: [string, string] | null; windows: Window[] } {
  const firstDay = dayOf(s.from);
  const lastDay = dayOf(s.to);
  if (firstDay.getTime() === lastDay.getTime()) return { days: null, windows: [{ from: s.from, to: s.to, through: true, sign: 1 }] };
  const afterFirst = new Date(firstDay.getTime() + DAY_MS);
  const windows: Window[] = [{ from: s.to, to: new Date(lastDay.getTime() + DAY_MS), after: true, sign: -1 }];
  const firstWhole = s.from.getTime() - firstDay.getTime() < DAY_MS / 2;
  windows.push(firstWhole ? { from: firstDay, to: s.from, sign: -1 } : { from: s.from, to: afterFirst, sign: 1 });
  return { days: [iso(firstWhole ? firstDay : afterFirst), iso(lastDay)], windows };
}

const windowCondition = (column: string, w: Window, p: Params) =>
  `${column} ${w.after ? '>' : '>='} ${p.add(w.from)}::timestamptz AND ${column} ${w.through ? '<=' : '<'} ${p.add(w.to)}::timestamptz`;

/** Dimensions of `dashboard_lead_days`: status, source, assignee. */
export type LeadDim = 'status' | 'source' | 'assignee';
const LEAD_DIM: Record<LeadDim, { code: string; live: string }> = {
  status: { code: 's', live: 'l.status::text' },
  source: { code: 'o', live: 'l.source::text' },
  assignee: { code: 'a', live: 'l.assignee_id::text' },
};

/** Leads in scope, for the partial days (the aggregates hold the rest). */
function liveLeadsInScope(s: WidgetScope, p: Params): string {
  if (s.userId) return `l.assignee_id = ${p.add(s.userId)}::uuid`;
  if (s.teamId) return `l.team_id = ${p.add(s.teamId)}::uuid`;
  return 'true';
}

/**
 * The period's non-deleted leads in scope summed per value of `dim` (as `val`): `leads`, `wins`, `value` (estimated),
 * `revenue` (non-cancelled converted projects' budget), `responded` and `response_seconds` (first contact).
 */
export function leadFacts(s: WidgetScope, p: Params, dim: LeadDim): string {
  const { days, windows } = split(s);
  const parts: string[] = [];
  if (days) {
    parts.push(`SELECT a.val, a.leads, a.wins, a.value, a.revenue, a.responded, a.response_seconds
      FROM dashboard_lead_days a
     WHERE ${scopeOf(s, p)} AND a.dim = ${p.add(LEAD_DIM[dim].code)} AND a.day BETWEEN ${p.add(days[0])}::date AND ${p.add(days[1])}::date`);
  }
  for (const w of windows) {
    const sign = w.sign < 0 ? '-' : '';
    parts.push(`SELECT ${LEAD_DIM[dim].live}, ${sign}1, ${sign}(l.status = 'WON')::int, ${sign}coalesce(l.estimated_value, 0),
           ${sign}coalesce(l.converted_revenue, 0), ${sign}(l.first_contact_at IS NOT NULL)::int,
           ${sign}coalesce(extract(epoch FROM l.first_contact_at - l.created_at), 0)
      FROM leads l
     WHERE l.deleted_at IS NULL AND ${windowCondition('l.created_at', w, p)} AND ${liveLeadsInScope(s, p)}${dim === 'assignee' ? ' AND l.assignee_id IS NOT NULL' : ''}`);
  }
  return `SELECT f.val, sum(f.leads) AS leads, sum(f.wins) AS wins, sum(f.value) AS value, sum(f.revenue) AS revenue,
         sum(f.responded) AS responded, sum(f.response_seconds) AS response_seconds
    FROM (${parts.join('\n    UNION ALL ')}) f(val, leads, wins, value, revenue, responded, response_seconds)
   GROUP BY f.val`;
}

/** Project fact columns of one project row `r` (as in `dashboard_project_days`), counted with `sign`. */
const projectFactColumns = (sign: string) => `r.status::text, r.lead_id IS NOT NULL, ${sign}1, ${sign}(r.budget IS NOT NULL)::int,
       ${sign}coalesce(r.budget, 0), ${sign}coalesce((r.actual_cost <= r.budget)::int, 0)`;

/** Projects in scope with their facts, for the partial days: a sales member's from `dashboard_project_users`. */
function liveProjects(s: WidgetScope, p: Params): string {
  if (s.userId) return `dashboard_project_users r WHERE r.user_id = ${p.add(s.userId)}::uuid`;
  const team = s.teamId ? ` AND r.team_id = ${p.add(s.teamId)}::uuid` : '';
  return `projects r WHERE r.deleted_at IS NULL${team}`;
}

/**
 * The non-deleted projects in scope, one row per UTC day (`day`), status and `has_lead`: `projects`, `budgeted` (with a
 * budget), `budget` (sum), `on_budget` (cost within the budget). Created in the period, or all of them (`period` false).
 */
export function projectFacts(s: WidgetScope, p: Params, period: boolean): string {
  const cols = 'day, status, has_lead, projects, budgeted, budget, on_budget';
  if (!period) return `SELECT ${cols} FROM dashboard_project_days a WHERE ${scopeOf(s, p)}`;
  const { days, windows } = split(s);
  const parts: string[] = [];
  if (days) {
    parts.push(`SELECT ${cols} FROM dashboard_project_days a
     WHERE ${scopeOf(s, p)} AND a.day BETWEEN ${p.add(days[0])}::date AND ${p.add(days[1])}::date`);
  }
  for (const w of windows) {
    parts.push(`SELECT (r.created_at AT TIME ZONE 'UTC')::date, ${projectFactColumns(w.sign < 0 ? '-' : '')}
      FROM ${liveProjects(s, p)} AND ${windowCondition('r.created_at', w, p)}`);
  }
  return `SELECT * FROM (${parts.join('\n    UNION ALL ')}) f(${cols})`;
}
