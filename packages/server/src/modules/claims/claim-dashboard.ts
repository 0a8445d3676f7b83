import type { ClaimStatusCount } from '../../generated/graphql';
import { Params, tagged, type Db, type WidgetScope } from '../analytics/dashboard-scope';
import { fromCents } from './claim-money';
import { toCents } from '../projects/money';
import { CLAIM_STAGE_NAMES } from './claim-transitions';

const ROAD = Object.keys(CLAIM_STAGE_NAMES);

/** What GraphQL's `ClaimsSummary` resolves from (see its SDL for each number). */
export interface ClaimsSummaryModel {
  openByStatus: ClaimStatusCount[];
  supplementsRequested: string;
  supplementsApproved: string;
  depreciationToCollect: string;
}

/** Claims in the dashboard's scope: the team's, a sales member's (owned, or on a lead assigned to them), or all. */
function claimsInScope(s: WidgetScope, alias: string, p: Params): string {
  if (s.userId) {
    const user = p.add(s.userId);
    return `(${alias}.owner_id = ${user}::uuid OR EXISTS (SELECT 1 FROM leads dl WHERE dl.id = ${alias}.lead_id AND dl.assignee_id = ${user}::uuid))`;
  }
  if (s.teamId) return `${alias}.team_id = ${p.add(s.teamId)}::uuid`;
  return 'true';
}

/**
 * The dashboard's claims widget in one statement: open claims by stage and the depreciation still to collect (now),
 * and the supplement dollars requested and approved of the supplements sent in the period. Sums are numeric (exact).
 */
export async function claimsSummary(db: Db, s: WidgetScope): Promise<ClaimsSummaryModel> {
  const p = new Params();
  const scope = claimsInScope(s, 'c', p);
  const [from, to] = [p.add(s.from), p.add(s.to)];
  const [row]: Array<{ by_status: Array<{ status: ClaimStatusCount['status']; count: number }> | null; requested: string; approved: string; to_collect: string }> = await db.query(
    tagged(
      'claims',
      `WITH mine AS (SELECT c.id, c.status, c.recoverable_depreciation FROM insurance_claims c WHERE c.deleted_at IS NULL AND ${scope})
       SELECT
         (SELECT json_agg(json_build_object('status', status, 'count', n) )
            FROM (SELECT status, count(*)::int AS n FROM mine WHERE status <> 'CLOSED' GROUP BY status) g) AS by_status,
         (SELECT coalesce(sum(sp.requested_total), 0)::text FROM supplements sp JOIN mine ON mine.id = sp.claim_id
           WHERE sp.sent_at >= ${from} AND sp.sent_at <= ${to}) AS requested,
         (SELECT coalesce(sum(sp.approved_total), 0)::text FROM supplements sp JOIN mine ON mine.id = sp.claim_id
           WHERE sp.sent_at >= ${from} AND sp.sent_at <= ${to} AND sp.status IN ('APPROVED', 'PARTIALLY_APPROVED')) AS approved,
         (SELECT coalesce(sum(greatest(mine.recoverable_depreciation - coalesce(
             (SELECT sum(cp.amount) FROM carrier_payments cp WHERE cp.claim_id = mine.id AND cp.kind = 'DEPRECIATION'), 0), 0)), 0)::text
            FROM mine WHERE mine.status NOT IN ('CLOSED', 'DENIED')) AS to_collect`,
    ),
    p.values,
  );
  const money = (v: string | undefined) => fromCents(toCents(v ?? '0'));
  return {
    openByStatus: (row?.by_status ?? []).map((r) => ({ status: r.status, count: r.count })).sort((a, b) => ROAD.indexOf(a.status) - ROAD.indexOf(b.status)),
    supplementsRequested: money(row?.requested),
    supplementsApproved: money(row?.approved),
    depreciationToCollect: money(row?.to_collect),
  };
}
