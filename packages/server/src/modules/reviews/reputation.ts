import type { DataSource } from 'typeorm';
import type { ReviewPlatform } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { badUserInput } from '../../platform/errors';
import { reviewScope } from './review.policy';

export interface ReputationStatsModel {
  count: number;
  averageRating: number | null;
  positiveShare: number;
}
/** Review requests whose first message went out in the period, and their answers. */
export interface RequestStatsModel {
  sent: number;
  answered: number;
  responseRate: number | null;
  unhappy: number;
}
/** What GraphQL's `Reputation` resolves from. */
export interface ReputationModel {
  overall: ReputationStatsModel;
  requests: RequestStatsModel;
  byPlatform: Array<{ platform: ReviewPlatform; stats: ReputationStatsModel }>;
  byTeam: Array<{ teamId: string; stats: ReputationStatsModel; requests: RequestStatsModel }>;
  bySalesperson: Array<{ userId: string; stats: ReputationStatsModel; requests: RequestStatsModel }>;
}

const STATS = `count(*)::int AS count, round(avg(r.rating)::numeric, 2)::float8 AS "averageRating",
  coalesce(avg((r.rating >= 4)::int), 0)::float8 AS "positiveShare"`;
const stats = (row: ReputationStatsModel): ReputationStatsModel => ({ count: row.count, averageRating: row.averageRating, positiveShare: row.positiveShare });
const NO_REVIEWS: ReputationStatsModel = { count: 0, averageRating: null, positiveShare: 0 };

/** Requests (alias `r`) joined to their first message (`fm`), sent in the period. */
const REQUESTS = `FROM review_requests r JOIN messages fm ON fm.id = r.message_ids[1] AND fm.status = 'SENT' AND fm.sent_at >= :from AND fm.sent_at <= :to`;
const REQUEST_STATS = `count(*)::int AS sent, count(*) FILTER (WHERE r.status = 'ANSWERED')::int AS answered,
  count(*) FILTER (WHERE r.status = 'ANSWERED' AND r.rating <= 3)::int AS unhappy`;
const requestStats = (row: { sent: number; answered: number; unhappy: number } | undefined): RequestStatsModel => ({
  sent: row?.sent ?? 0,
  answered: row?.answered ?? 0,
  unhappy: row?.unhappy ?? 0,
  responseRate: row?.sent ? Math.round((row.answered / row.sent) * 10_000) / 10_000 : null,
});
type RequestRow = { sent: number; answered: number; unhappy: number };

/** Groups of review numbers and of request numbers, joined by key: every group with either, most reviews first. */
function joined(reviews: Array<ReputationStatsModel & { key: string }>, requests: Array<RequestRow & { key: string }>) {
  const byKey = new Map(requests.map((r) => [r.key, r]));
  const seen = new Set(reviews.map((r) => r.key));
  return [
    ...reviews.map((r) => ({ key: r.key, stats: stats(r), requests: requestStats(byKey.get(r.key)) })),
    ...requests.filter((r) => !seen.has(r.key)).map((r) => ({ key: r.key, stats: NO_REVIEWS, requests: requestStats(r) })),
  ];
}

/** Review numbers of the reviews posted in [from, to] that `where` (SQL over alias `r`, `:named` parameters) keeps. */
export async function reputationRows(ds: DataSource, from: Date, to: Date, where: { sql: string; params: Record<string, unknown> } | null): Promise<ReputationModel> {
  const params: Record<string, unknown> = { ...where?.params, from, to };
  const cond = `r.deleted_at IS NULL AND r.posted_at >= :from AND r.posted_at <= :to ${where ? `AND ${where.sql}` : ''}`;
  const run = async <T>(sql: string): Promise<T[]> => {
    const [text, values] = ds.driver.escapeQueryWithParameters(sql, params);
    return ds.query(`/* reviews:reputation */ ${text}`, values);
  };
  const reqCond = where ? where.sql : 'true';
  const [overall, platforms, teams, sales, reqOverall, reqTeams, reqSales] = await Promise.all([
    run<ReputationStatsModel>(`SELECT ${STATS} FROM reviews r WHERE ${cond}`),
    run<ReputationStatsModel & { platform: ReviewPlatform }>(`SELECT r.platform, ${STATS} FROM reviews r WHERE ${cond} GROUP BY r.platform ORDER BY count(*) DESC, r.platform`),
    run<ReputationStatsModel & { key: string }>(
      `SELECT r.team_id AS key, ${STATS} FROM reviews r WHERE ${cond} AND r.team_id IS NOT NULL GROUP BY r.team_id ORDER BY count(*) DESC, r.team_id`,
    ),
    run<ReputationStatsModel & { key: string }>(
      `SELECT u.id AS key, ${STATS} FROM reviews r JOIN project_members pm ON pm.project_id = r.project_id JOIN users u ON u.id = pm.user_id AND u.role = 'SALES'
        WHERE ${cond} GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 50`,
    ),
    run<RequestRow>(`SELECT ${REQUEST_STATS} ${REQUESTS} WHERE ${reqCond}`),
    run<RequestRow & { key: string }>(`SELECT r.team_id AS key, ${REQUEST_STATS} ${REQUESTS} WHERE ${reqCond} AND r.team_id IS NOT NULL GROUP BY r.team_id`),
    run<RequestRow & { key: string }>(
      `SELECT u.id AS key, ${REQUEST_STATS} ${REQUESTS} JOIN project_members pm ON pm.project_id = r.project_id JOIN users u ON u.id = pm.user_id AND u.role = 'SALES'
        WHERE ${reqCond} GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT 50`,
    ),
  ]);
  return {
    overall: stats(overall[0]!),
    requests: requestStats(reqOverall[0]),
    byPlatform: platforms.map((p) => ({ platform: p.platform, stats: stats(p) })),
    byTeam: joined(teams, reqTeams).map(({ key, ...g }) => ({ teamId: key, ...g })),
    bySalesperson: joined(sales, reqSales).slice(0, 50).map(({ key, ...g }) => ({ userId: key, ...g })),
  };
}

/** Review numbers under the review rule: overall, per platform, per team and per salesperson (SALES crew of the project). */
export class ReputationService {
  constructor(private readonly ds: DataSource) {}

  /** `teamId`: a key (NO_MATCH_ID when the ID named no team), or null for every team the viewer sees. */
  report(viewer: Viewer, range: { from: Date; to: Date }, teamId: string | null): Promise<ReputationModel> {
    if (range.from.getTime() > range.to.getTime()) throw badUserInput('The period must not end before it starts.', 'range');
    const scope = reviewScope(viewer, 'r');
    const team = teamId ? { sql: 'r.team_id = :teamId', params: { teamId } } : null;
    const parts = [scope, team].filter((x) => x !== null);
    const where = parts.length ? { sql: parts.map((x) => `(${x.sql})`).join(' AND '), params: Object.assign({}, ...parts.map((x) => x.params)) } : null;
    return reputationRows(this.ds, range.from, range.to, where);
  }
}

/**
 * The dashboard's reputation widget over its scope: the company, a team's reviews, or a salesperson's own (the reviews
 * of projects they are on the crew of, as `bySalesperson`).
 */
export function dashboardReputation(ds: DataSource, s: { from: Date; to: Date; teamId: string | null; userId: string | null }): Promise<ReputationModel> {
  if (s.userId) return reputationRows(ds, s.from, s.to, { sql: 'r.project_id IN (SELECT pm.project_id FROM project_members pm WHERE pm.user_id = :repUserId)', params: { repUserId: s.userId } });
  if (s.teamId) return reputationRows(ds, s.from, s.to, { sql: 'r.team_id = :repTeamId', params: { repTeamId: s.teamId } });
  return reputationRows(ds, s.from, s.to, null);
}
