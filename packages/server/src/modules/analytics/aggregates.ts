/**
 * Reads of the daily dashboard aggregates (migration 1764410000000-DashboardAggregates, kept exact by triggers in
 * every writing transaction): a period is its whole UTC days from `dashboard_lead_days` / `dashboard_project_days`,
 * plus the partial first and last day read from the rows themselves. So the numbers are those of the rows, to the
 * millisecond, whatever the period's bounds, and a write is counted as soon as it commits.
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

/**
 * The period split into whole UTC days (`days`: first and last, inclusive; null when there are none) and the
 * partial days at its ends (`edges`: [from, to) ranges of `created_at`, the last one closed at `s.to`).
 */
function split(s: WidgetScope): { days: [string, string] | null; edges: Array<{ from: Date; to: Date; closed: boolean }> } {
  const firstDay = dayOf(s.from);
  const lastDay = dayOf(s.to);
  if (firstDay.getTime() === lastDay.getTime()) return { days: null, edges: [{ from: s.from, to: s.to, closed: true }] };
  const afterFirst = new Date(firstDay.getTime() + DAY_MS);
  const beforeLast = new Date(lastDay.getTime() - DAY_MS);
  return {
    days: afterFirst <= beforeLast ? [iso(afterFirst), iso(beforeLast)] : null,
    edges: [
      { from: s.from, to: afterFirst, closed: false },
      { from: lastDay, to: s.to, closed: true },
    ],
  };
}

const edgeCondition = (column: string, e: { from: Date; to: Date; closed: boolean }, p: Params) =>
  `${column} >= ${p.add(e.from)}::timestamptz AND ${column} ${e.closed ? '<=' : '<'} ${p.add(e.to)}::timestamptz`;

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
  const { days, edges } = split(s);
  const parts: string[] = [];
  if (days) {
    parts.push(`SELECT a.val, a.leads, a.wins, a.value, a.revenue, a.responded, a.response_seconds
      FROM dashboard_lead_days a
     WHERE ${scopeOf(s, p)} AND a.dim = ${p.add(LEAD_DIM[dim].code)} AND a.day BETWEEN ${p.add(days[0])}::date AND ${p.add(days[1])}::date`);
  }
  for (const e of edges) {
    parts.push(`SELECT ${LEAD_DIM[dim].live}, 1, (l.status = 'WON')::int, coalesce(l.estimated_value, 0), coalesce(l.converted_revenue, 0),
           (l.first_contact_at IS NOT NULL)::int, coalesce(extract(epoch FROM l.first_contact_at - l.created_at), 0)
      FROM leads l
     WHERE l.deleted_at IS NULL AND ${edgeCondition('l.created_at', e, p)} AND ${liveLeadsInScope(s, p)}${dim === 'assignee' ? ' AND l.assignee_id IS NOT NULL' : ''}`);
  }
  return `SELECT f.val, sum(f.leads) AS leads, sum(f.wins) AS wins, sum(f.value) AS value, sum(f.revenue) AS revenue,
         sum(f.responded) AS responded, sum(f.response_seconds) AS response_seconds
    FROM (${parts.join('\n    UNION ALL ')}) f(val, leads, wins, value, revenue, responded, response_seconds)
   GROUP BY f.val`;
}

/** Project fact columns of one project row `r` (as in `dashboard_project_days`). */
const PROJECT_FACTS = `r.status::text, r.lead_id IS NOT NULL, 1, (r.budget IS NOT NULL)::int, coalesce(r.budget, 0),
       coalesce((r.actual_cost <= r.budget)::int, 0)`;

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
  const { days, edges } = split(s);
  const parts: string[] = [];
  if (days) {
    parts.push(`SELECT ${cols} FROM dashboard_project_days a
     WHERE ${scopeOf(s, p)} AND a.day BETWEEN ${p.add(days[0])}::date AND ${p.add(days[1])}::date`);
  }
  for (const e of edges) {
    parts.push(`SELECT (r.created_at AT TIME ZONE 'UTC')::date, ${PROJECT_FACTS}
      FROM ${liveProjects(s, p)} AND ${edgeCondition('r.created_at', e, p)}`);
  }
  return `SELECT * FROM (${parts.join('\n    UNION ALL ')}) f(${cols})`;
}
