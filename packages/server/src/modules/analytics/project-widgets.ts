/**
 * Dashboard widgets over projects (from the daily aggregates and the period's partial days, see aggregates.ts) and
 * appointments (each one SQL statement; soft-deleted rows never count).
 * "Won" projects are the non-cancelled ones, dated by their creation (the day the deal was signed).
 */
import type { MonthRevenue, ProjectStatus, ProjectStatusCount } from '../../generated/graphql';
import { dateIn, startOfMonthIn } from '../../platform/time-zone';
import { projectFacts } from './aggregates';
import { appointmentsInScope, Params, tagged, type Db, type WidgetScope } from './dashboard-scope';

export const PROJECT_STATUSES: ProjectStatus[] = ['PLANNING', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED'];
const UPCOMING_LIMIT = 10;

/** Average contract value of the period's non-cancelled projects that came from a lead; null without any. */
export async function averageDealSize(db: Db, s: WidgetScope): Promise<string | null> {
  const p = new Params();
  // avg()'s own division: the exact sum over the count of budgets.
  const [row]: Array<{ avg: string | null }> = await db.query(
    tagged('averageDealSize', `SELECT round(sum(f.budget) / nullif(sum(f.budgeted), 0)::numeric, 2)::text AS avg
      FROM (${projectFacts(s, p, true)}) f WHERE f.has_lead AND f.status <> 'CANCELLED'`),
    p.values,
  );
  return row?.avg ?? null;
}

/** The calendar months (in `timeZone`) the period touches, each as the part of the period in it (both ends included). */
export function monthsOf(s: WidgetScope, timeZone: string): Array<{ month: string; from: Date; to: Date }> {
  const months: Array<{ month: string; from: Date; to: Date }> = [];
  for (let start = startOfMonthIn(s.from, timeZone); start <= s.to; start = startOfMonthIn(start, timeZone, 1)) {
    const next = startOfMonthIn(start, timeZone, 1);
    // The next month's first instant belongs to it, so this month ends one millisecond before (timestamps' precision).
    months.push({ month: dateIn(start, timeZone), from: start < s.from ? s.from : start, to: next > s.to ? s.to : new Date(next.getTime() - 1) });
  }
  return months;
}

/**
 * Per calendar month of the company's `timeZone` touched by the period (empty months included): the non-cancelled
 * projects created then (within the period) and their contract value. Each month is its own period over the
 * aggregates (whole UTC days, the edges read from the rows), so a project created late on the last evening of a month
 * counts in that month, not in the UTC month it falls in.
 */
export async function revenueByMonth(db: Db, s: WidgetScope, timeZone: string): Promise<MonthRevenue[]> {
  const p = new Params();
  const months = monthsOf(s, timeZone);
  const parts = months.map((m) => `SELECT ${p.add(m.month)}::date AS month, f.budget, f.projects
      FROM (${projectFacts({ ...s, from: m.from, to: m.to }, p, true)}) f WHERE f.status <> 'CANCELLED'`);
  const rows: Array<{ month: string; revenue: string; projects: number }> = await db.query(
    tagged('revenueByMonth', `SELECT to_char(w.month, 'YYYY-MM-DD') AS month, sum(w.budget)::numeric(16, 2)::text AS revenue,
             sum(w.projects)::int AS projects
        FROM (${parts.join('\n      UNION ALL ')}) w GROUP BY w.month`),
    p.values,
  );
  const by = new Map(rows.map((r) => [r.month, r]));
  return months.map(({ month }) => ({ month, revenue: by.get(month)?.revenue ?? '0.00', projects: by.get(month)?.projects ?? 0 }));
}

/** Current projects by status (every status, zeros included); not limited to the period. */
export async function projectStatus(db: Db, s: WidgetScope): Promise<ProjectStatusCount[]> {
  const p = new Params();
  const rows: Array<{ status: ProjectStatus; count: number }> = await db.query(
    tagged('projectStatus', `SELECT f.status, sum(f.projects)::int AS count FROM (${projectFacts(s, p, false)}) f GROUP BY f.status`),
    p.values,
  );
  const by = new Map(rows.map((r) => [r.status, r.count]));
  return PROJECT_STATUSES.map((status) => ({ status, count: by.get(status) ?? 0 }));
}

/** Share of current non-cancelled projects with a budget whose cost so far is within it; null without any. */
export async function onBudgetRatio(db: Db, s: WidgetScope): Promise<number | null> {
  const p = new Params();
  const [row]: Array<{ ratio: number | null }> = await db.query(
    tagged('onBudgetRatio', `SELECT sum(f.on_budget)::float8 / nullif(sum(f.budgeted), 0) AS ratio
      FROM (${projectFacts(s, p, false)}) f WHERE f.status <> 'CANCELLED'`),
    p.values,
  );
  return row?.ratio ?? null;
}

/** Ids of the next appointments (not cancelled) from the end of the period (now), soonest first. */
export async function upcomingAppointmentIds(db: Db, s: WidgetScope): Promise<string[]> {
  const p = new Params();
  const rows: Array<{ id: string }> = await db.query(
    tagged('upcomingAppointments', `SELECT a.id FROM appointments a
      WHERE a.deleted_at IS NULL AND a.status <> 'CANCELLED' AND a.starts_at >= ${p.add(s.to)}::timestamptz
        AND ${appointmentsInScope(s, 'a', p)}
      ORDER BY a.starts_at, a.id LIMIT ${UPCOMING_LIMIT}`),
    p.values,
  );
  return rows.map((r) => r.id);
}
