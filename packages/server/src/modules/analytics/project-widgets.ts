/**
 * Dashboard widgets over projects (from the daily aggregates and the period's partial days, see aggregates.ts) and
 * appointments (each one SQL statement; soft-deleted rows never count).
 * "Won" projects are the non-cancelled ones, dated by their creation (the day the deal was signed).
 */
import type { MonthRevenue, ProjectStatus, ProjectStatusCount } from '../../generated/graphql';
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

/** Per UTC calendar month touched by the period (empty months included): the non-cancelled projects created then and their contract value. */
export async function revenueByMonth(db: Db, s: WidgetScope): Promise<MonthRevenue[]> {
  const p = new Params();
  const won = `SELECT date_trunc('month', f.day) AS month, sum(f.budget) AS revenue, sum(f.projects) AS projects
      FROM (${projectFacts(s, p, true)}) f WHERE f.status <> 'CANCELLED' GROUP BY 1`;
  const [from, to] = [p.add(s.from), p.add(s.to)];
  return db.query(
    tagged('revenueByMonth', `WITH won AS (${won})
      SELECT to_char(m.month, 'YYYY-MM-DD') AS month, coalesce(w.revenue, 0)::numeric(16, 2)::text AS revenue,
             coalesce(w.projects, 0)::int AS projects
        FROM generate_series(date_trunc('month', ${from}::timestamptz AT TIME ZONE 'UTC'),
                             date_trunc('month', ${to}::timestamptz AT TIME ZONE 'UTC'), interval '1 month') AS m(month)
        LEFT JOIN won w ON w.month = m.month
       ORDER BY m.month`),
    p.values,
  );
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
