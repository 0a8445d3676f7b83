/**
 * Dashboard widgets over the leads created in the period (each one SQL statement over the daily aggregates and the
 * period's partial days, see aggregates.ts; soft-deleted rows never count). Money is summed in SQL and returned as
 * decimal strings with two decimals.
 */
import type { FunnelStep, LeadSource, LeadStatus, PipelineStage, SourceRoi } from '../../generated/graphql';
import { leadFacts } from './aggregates';
import { Params, tagged, type Db, type WidgetScope } from './dashboard-scope';
import type { LeaderboardRowModel } from './dashboard.service';

export const LEAD_STATUSES: LeadStatus[] = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON', 'LOST'];
/** The funnel's stages in order; a lead reached a stage when its status is that stage or a later one (LOST: only NEW). */
export const FUNNEL_STAGES: LeadStatus[] = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON'];
export const LEAD_SOURCES: LeadSource[] = ['DOOR_KNOCK', 'REFERRAL', 'WEBSITE', 'STORM_CANVASS', 'PARTNER', 'ADS', 'PHONE', 'OTHER'];

const MONEY = (expr: string) => `coalesce(${expr}, 0)::numeric(16, 2)::text`;

/** Leads created in the period by current status (every status, zeros included), with their estimated value. */
export async function pipeline(db: Db, s: WidgetScope): Promise<PipelineStage[]> {
  const p = new Params();
  const rows: Array<{ status: LeadStatus; count: number; value: string }> = await db.query(
    tagged('pipeline', `SELECT f.val AS status, f.leads::int AS count, ${MONEY('f.value')} AS value FROM (${leadFacts(s, p, 'status')}) f`),
    p.values,
  );
  const by = new Map(rows.map((r) => [r.status, r]));
  return LEAD_STATUSES.map((status) => ({ status, count: by.get(status)?.count ?? 0, value: by.get(status)?.value ?? '0.00' }));
}

/** Of the period's leads, how many reached each stage NEW..WON, and their share (from the counts per status). */
export async function funnel(db: Db, s: WidgetScope): Promise<FunnelStep[]> {
  const p = new Params();
  const rows: Array<{ status: LeadStatus; count: number }> = await db.query(
    tagged('funnel', `SELECT f.val AS status, f.leads::int AS count FROM (${leadFacts(s, p, 'status')}) f`),
    p.values,
  );
  const total = rows.reduce((n, r) => n + r.count, 0);
  return FUNNEL_STAGES.map((status, i) => {
    const count = rows
      .filter((r) => FUNNEL_STAGES.indexOf(r.status) >= i || (i === 0 && r.status === 'LOST'))
      .reduce((n, r) => n + r.count, 0);
    return { status, count, rate: total ? count / total : 0 };
  });
}

/** WON / (WON + LOST) over the period's leads; null when none closed. */
export async function winRate(db: Db, s: WidgetScope): Promise<number | null> {
  const p = new Params();
  const [row]: Array<{ rate: number | null }> = await db.query(
    tagged('winRate', `SELECT coalesce(sum(f.leads) FILTER (WHERE f.val = 'WON'), 0)::float8
             / nullif(sum(f.leads) FILTER (WHERE f.val IN ('WON', 'LOST')), 0) AS rate
      FROM (${leadFacts(s, p, 'status')}) f`),
    p.values,
  );
  return row?.rate ?? null;
}

/** Per source (all of them): the period's leads, wins, and contract value of the projects they converted into (not cancelled). */
export async function sourceRoi(db: Db, s: WidgetScope): Promise<SourceRoi[]> {
  const p = new Params();
  const rows: Array<{ source: LeadSource; leads: number; wins: number; revenue: string }> = await db.query(
    tagged('sourceRoi', `SELECT f.val AS source, f.leads::int AS leads, f.wins::int AS wins, ${MONEY('f.revenue')} AS revenue
      FROM (${leadFacts(s, p, 'source')}) f`),
    p.values,
  );
  const by = new Map(rows.map((r) => [r.source, r]));
  return LEAD_SOURCES.map((source) => {
    const r = by.get(source);
    return { source, leads: r?.leads ?? 0, wins: r?.wins ?? 0, revenue: r?.revenue ?? '0.00', conversionRate: r?.leads ? r.wins / r.leads : 0 };
  });
}

/**
 * Per active sales member in scope (the team's members; the member themself for sales): the period's leads assigned
 * to them, wins, contract value of the converted projects (not cancelled), and the average hours from a lead's
 * creation to the first interaction logged on it at or after that, by anyone (`leads.first_contact_at`, a rollup kept
 * by triggers on interactions). Best revenue first.
 */
/** The documented bound of `Dashboard.leaderboard`. */
const LEADERBOARD_MAX = 100;

export async function leaderboard(db: Db, s: WidgetScope): Promise<LeaderboardRowModel[]> {
  const p = new Params();
  // The average is avg()'s own division: the exact sum of seconds over the count, then hours.
  const results = `SELECT f.val::uuid AS assignee_id, f.leads, f.wins, f.revenue,
           f.response_seconds / nullif(f.responded, 0)::numeric / 3600 AS hours
      FROM (${leadFacts(s, p, 'assignee')}) f`;
  const members = s.userId ? `u.id = ${p.add(s.userId)}::uuid` : s.teamId ? `u.team_id = ${p.add(s.teamId)}::uuid` : 'true';
  return db.query(
    tagged('leaderboard', `SELECT u.id AS "userId", coalesce(r.leads, 0)::int AS leads, coalesce(r.wins, 0)::int AS wins,
             ${MONEY('r.revenue')} AS revenue, round(r.hours::numeric, 2)::float8 AS "avgResponseHours"
        FROM users u LEFT JOIN (${results}) r ON r.assignee_id = u.id
       WHERE u.active AND u.role = 'SALES' AND ${members}
       ORDER BY coalesce(r.revenue, 0) DESC, coalesce(r.wins, 0) DESC, u.name, u.id LIMIT ${LEADERBOARD_MAX}`),
    p.values,
  );
}
