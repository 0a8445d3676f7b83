/**
 * The nightly analytics snapshots: one row per day and metric in analytics_snapshots, whose `metric_value` holds
 * `{ total, teams: { <team id>: value }, users: { <sales member id>: value } }` (every team and active sales member,
 * zeros included). Records count towards a team by their `team_id`, towards a sales member like the dashboard counts
 * them (leads assigned to them; projects whose (non-deleted) lead is assigned to them or whose crew they are on).
 */
import type { SnapshotSeries } from '../../generated/graphql';
import { Params, tagged, type Db, type WidgetScope } from './dashboard-scope';
import { openLead } from '../leads/open-lead';

/** open_leads: leads not WON/LOST; open_pipeline_value: their estimated value; won_revenue_month: contract value of
 * the non-cancelled projects created in the month so far; active_projects: projects planned, scheduled or in progress. */
export const SNAPSHOT_METRICS = ['open_leads', 'open_pipeline_value', 'won_revenue_month', 'active_projects'] as const;
const MAX_METRICS = 20;

const SNAPSHOT_SQL = `
WITH d AS (
  SELECT least(now(), ($1::date + 1)::timestamp AT TIME ZONE $3) AS cutoff,
         date_trunc('month', $1::date)::timestamp AT TIME ZONE $3 AS month_start
), open_leads AS (
  SELECT l.team_id, l.assignee_id, l.estimated_value FROM leads l, d
   WHERE ${openLead('l')} AND l.created_at < d.cutoff
), counted_projects AS (
  SELECT p.id, p.team_id, p.lead_id, CASE WHEN p.created_at >= d.month_start AND p.status <> 'CANCELLED' THEN p.budget END AS won,
         p.status IN ('PLANNING', 'SCHEDULED', 'IN_PROGRESS') AS active
    FROM projects p, d
   WHERE p.deleted_at IS NULL AND p.created_at < d.cutoff
), facts AS (
  SELECT 'open_leads' AS metric, team_id, 1::numeric AS value FROM open_leads
  UNION ALL SELECT 'open_pipeline_value', team_id, coalesce(estimated_value, 0) FROM open_leads
  UNION ALL SELECT 'won_revenue_month', team_id, coalesce(won, 0) FROM counted_projects
  UNION ALL SELECT 'active_projects', team_id, CASE WHEN active THEN 1 ELSE 0 END FROM counted_projects
), project_users AS (
  SELECT cp.*, l.assignee_id AS user_id FROM counted_projects cp JOIN leads l ON l.id = cp.lead_id WHERE l.assignee_id IS NOT NULL AND l.deleted_at IS NULL
  UNION
  SELECT cp.*, pm.user_id FROM counted_projects cp JOIN project_members pm ON pm.project_id = cp.id
), user_facts AS (
  SELECT 'open_leads' AS metric, assignee_id AS user_id, 1::numeric AS value FROM open_leads
  UNION ALL SELECT 'open_pipeline_value', assignee_id, coalesce(estimated_value, 0) FROM open_leads
  UNION ALL SELECT 'won_revenue_month', user_id, coalesce(won, 0) FROM project_users
  UNION ALL SELECT 'active_projects', user_id, CASE WHEN active THEN 1 ELSE 0 END FROM project_users
), metrics AS (
  SELECT unnest($2::text[]) AS metric
), totals AS (
  SELECT m.metric, coalesce(sum(f.value), 0) AS total FROM metrics m LEFT JOIN facts f ON f.metric = m.metric GROUP BY m.metric
), by_team AS (
  SELECT m.metric, jsonb_object_agg(t.id, coalesce(x.value, 0)) AS teams
    FROM metrics m CROSS JOIN teams t
    LEFT JOIN (SELECT metric, team_id, sum(value) AS value FROM facts GROUP BY 1, 2) x ON x.metric = m.metric AND x.team_id = t.id
   GROUP BY m.metric
), by_user AS (
  SELECT m.metric, jsonb_object_agg(u.id, coalesce(x.value, 0)) AS users
    FROM metrics m CROSS JOIN users u
    LEFT JOIN (SELECT metric, user_id, sum(value) AS value FROM user_facts GROUP BY 1, 2) x ON x.metric = m.metric AND x.user_id = u.id
   WHERE u.active AND u.role = 'SALES'
   GROUP BY m.metric
)
INSERT INTO analytics_snapshots (snapshot_date, metric_type, metric_value)
SELECT $1::date, t.metric,
       jsonb_build_object('total', t.total, 'teams', coalesce(bt.teams, '{}'), 'users', coalesce(bu.users, '{}'))
  FROM totals t LEFT JOIN by_team bt ON bt.metric = t.metric LEFT JOIN by_user bu ON bu.metric = t.metric
ON CONFLICT (snapshot_date, metric_type) DO UPDATE SET metric_value = EXCLUDED.metric_value, created_at = now()
RETURNING metric_type`;

/**
 * Writes (or rewrites: reruns are idempotent) the snapshot of `date` (YYYY-MM-DD, a day of the company's `timeZone`):
 * the state of the records that existed by the end of that day (or now, for today), the month's revenue from the 1st
 * of its month there. Returns the metrics written.
 */
export async function writeSnapshot(db: Db, date: string, timeZone: string): Promise<string[]> {
  const rows: Array<{ metric_type: string }> = await db.query(tagged('snapshot', SNAPSHOT_SQL), [date, SNAPSHOT_METRICS, timeZone]);
  return rows.map((r) => r.metric_type);
}

/** The requested metrics (all known ones when omitted), without duplicates; null when too many are asked for. */
export function seriesMetrics(metrics: readonly string[] | null | undefined): string[] | null {
  const list = [...new Set(metrics ?? SNAPSHOT_METRICS)];
  return list.length > MAX_METRICS ? null : list;
}

/**
 * Daily values of `metrics` over the period's days (in the company's `timeZone`): the company total, the team's value,
 * or the sales member's. Days without a snapshot (or without a value for the team or member) have no point.
 */
export async function timeSeries(db: Db, s: WidgetScope, metrics: string[], timeZone: string): Promise<SnapshotSeries[]> {
  const p = new Params();
  const path = p.add(s.userId ? ['users', s.userId] : s.teamId ? ['teams', s.teamId] : ['total']);
  const rows: Array<{ metric: string; date: string; value: number }> = await db.query(
    tagged('timeSeries', `SELECT metric, date, value::float8 AS value FROM (
        SELECT s.metric_type AS metric, to_char(s.snapshot_date, 'YYYY-MM-DD') AS date, s.snapshot_date,
               s.metric_value #>> ${path}::text[] AS value
          FROM analytics_snapshots s
         WHERE s.metric_type = ANY(${p.add(metrics)}::text[])
           AND s.snapshot_date BETWEEN (${p.add(s.from)}::timestamptz AT TIME ZONE ${p.add(timeZone)})::date
                                   AND (${p.add(s.to)}::timestamptz AT TIME ZONE ${p.add(timeZone)})::date
      ) v
      WHERE value IS NOT NULL ORDER BY snapshot_date`),
    p.values,
  );
  return metrics.map((metric) => ({ metric, points: rows.filter((r) => r.metric === metric).map(({ date, value }) => ({ date, value })) }));
}
