import type { DataSource } from 'typeorm';
import type { Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { badUserInput } from '../../platform/errors';
import { partnerScope, referralFeeScope, seesReferralFees } from './partner.policy';

/** Fee sums by status (`ReferralFeeTotals`). */
export interface FeeTotals {
  accrued: string;
  approved: string;
  paid: string;
  voided: string;
}

/** Each status's sum; a void fee is owed and paid in none of the others. */
const FEE_SUMS: Record<keyof FeeTotals, string> = { accrued: 'ACCRUED', approved: 'APPROVED', paid: 'PAID', voided: 'VOID' };
const FEE_KEYS = Object.keys(FEE_SUMS) as Array<keyof FeeTotals>;

/** What GraphQL's `PartnerPerformance` resolves from. */
export interface PartnerPerformanceModel {
  partnerId: string;
  referrals: number;
  wins: number;
  wonRevenue: string;
  conversionRate: number;
  averageDaysToWin: number | null;
  /** By status, each fee in one sum (void ones in `voided` only); null for viewers who may not see fee amounts (sales). */
  fees: FeeTotals | null;
}

/** What one report reads: the cohort of referred leads created in [from, to], per partner of `partners`. */
export interface PerformanceQuery {
  from: Date;
  to: Date;
  /** Which partners (alias `p`, `:named` parameters). */
  partners: Scope;
  /** Only referred leads assigned to this member (a sales member's own dashboard numbers). */
  assigneeId?: string | null;
  /** Which fees are summed (alias `f`); false: none (`fees` null). */
  fees: Scope | false;
  /** Leave out partners without referrals in the period. */
  withReferralsOnly?: boolean;
  limit: number;
}

const MONEY = (expr: string) => `coalesce(${expr}, 0)::numeric(16, 2)::text`;
const condition = (scope: Scope) => (scope ? scope.sql : 'true');

/**
 * Per partner: the period's referred leads (not deleted), wins (stage WON), won revenue (the converted projects'
 * budgets, cancelled and deleted projects excluded: `leads.converted_revenue`), average days from creation to
 * conversion, and the sums of those leads' fees by status (void fees apart). One statement; best won revenue first.
 */
export async function partnerPerformanceRows(ds: DataSource, q: PerformanceQuery): Promise<PartnerPerformanceModel[]> {
  const withFees = q.fees !== false;
  const params: Record<string, unknown> = { ...q.partners?.params, ...(q.fees ? q.fees.params : {}), from: q.from, to: q.to, limit: q.limit };
  const assignee = q.assigneeId ? 'AND l.assignee_id = :assigneeId' : '';
  if (q.assigneeId) params.assigneeId = q.assigneeId;
  const cohort = `l.referred_partner_id = p.id AND l.deleted_at IS NULL AND l.created_at >= :from AND l.created_at <= :to ${assignee}`;
  const fees = withFees
    ? `LEFT JOIN LATERAL (
         SELECT ${FEE_KEYS.map((k) => `sum(f.amount) FILTER (WHERE f.status = '${FEE_SUMS[k]}') AS ${k}`).join(', ')}
           FROM referral_fees f JOIN leads l ON l.id = f.lead_id
          WHERE f.partner_id = p.id AND ${cohort} AND ${condition(q.fees || null)}
       ) fe ON true`
    : '';
  const sql = `
    SELECT p.id AS "partnerId", coalesce(r.referrals, 0)::int AS referrals, coalesce(r.wins, 0)::int AS wins,
           ${MONEY('r.revenue')} AS "wonRevenue",
           round((r.days)::numeric, 1)::float8 AS "averageDaysToWin"
           ${withFees ? FEE_KEYS.map((k) => `, ${MONEY(`fe.${k}`)} AS ${k}`).join('') : ''}
      FROM partners p
      LEFT JOIN LATERAL (
        SELECT count(*) AS referrals, count(*) FILTER (WHERE l.status = 'WON') AS wins, sum(l.converted_revenue) AS revenue,
               avg(extract(epoch FROM l.converted_at - l.created_at)) FILTER (WHERE l.converted_at IS NOT NULL) / 86400 AS days
          FROM leads l
         WHERE ${cohort}
      ) r ON true
      ${fees}
     WHERE p.deleted_at IS NULL AND ${condition(q.partners)} ${q.withReferralsOnly ? 'AND r.referrals > 0' : ''}
     ORDER BY coalesce(r.revenue, 0) DESC, coalesce(r.wins, 0) DESC, p.name, p.id
     LIMIT :limit`;
  const [text, values] = ds.driver.escapeQueryWithParameters(sql, params);
  const rows: Array<Omit<PartnerPerformanceModel, 'conversionRate' | 'fees'> & Partial<FeeTotals>> = await ds.query(`/* partners:performance */ ${text}`, values);
  return rows.map(({ accrued, approved, paid, voided, ...r }) => ({
    ...r,
    conversionRate: r.referrals ? r.wins / r.referrals : 0,
    fees: withFees ? { accrued: accrued!, approved: approved!, paid: paid!, voided: voided! } : null,
  }));
}

/** The most partners one `partnerPerformance` answers. */
export const PERFORMANCE_MAX = 200;

/** Partner performance as the viewer may see it: partners under the partner rule, fees under the fee rule (sales: none). */
export class PartnerPerformanceService {
  constructor(private readonly ds: DataSource) {}

  /** `partnerIds`: only these partners (keys; NO_MATCH_ID for IDs that named none). */
  report(viewer: Viewer, range: { from: Date; to: Date }, first: number | null | undefined, partnerIds?: string[] | null): Promise<PartnerPerformanceModel[]> {
    const limit = first ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > PERFORMANCE_MAX) throw badUserInput(`\`first\` must be between 1 and ${PERFORMANCE_MAX}.`, 'first');
    if (range.from.getTime() > range.to.getTime()) throw badUserInput('The period must not end before it starts.', 'range');
    if (partnerIds && partnerIds.length > PERFORMANCE_MAX) throw badUserInput(`At most ${PERFORMANCE_MAX} partners at once.`, 'partnerIds');
    const scope = partnerScope(viewer, 'p');
    const only = partnerIds ? { sql: 'p.id = ANY(:onlyPartnerIds)', params: { onlyPartnerIds: partnerIds } } : null;
    return partnerPerformanceRows(this.ds, {
      ...range,
      partners: only ? { sql: scope ? `${scope.sql} AND ${only.sql}` : only.sql, params: { ...scope?.params, ...only.params } } : scope,
      fees: seesReferralFees(viewer) ? referralFeeScope(viewer, 'f') : false,
      limit,
    });
  }
}

/** The most partners the dashboard's `topPartners` shows. */
export const TOP_PARTNERS_MAX = 20;

/**
 * The dashboard's top partners by won revenue over its scope (the company; a team: its partners and fees; a sales
 * member: their team's partners and the referred leads assigned to them, without fees). Partners without referrals in
 * the period are left out.
 */
export function topPartners(
  ds: DataSource,
  s: { from: Date; to: Date; teamId: string | null; userId: string | null },
  first: number,
): Promise<PartnerPerformanceModel[]> {
  const base = { from: s.from, to: s.to, withReferralsOnly: true, limit: first };
  if (s.userId) {
    const partners = { sql: 'p.team_id = (SELECT u.team_id FROM users u WHERE u.id = :topUserId)', params: { topUserId: s.userId } };
    return partnerPerformanceRows(ds, { ...base, partners, assigneeId: s.userId, fees: false });
  }
  if (s.teamId) {
    const params = { topTeamId: s.teamId };
    return partnerPerformanceRows(ds, { ...base, partners: { sql: 'p.team_id = :topTeamId', params }, fees: { sql: 'f.team_id = :topTeamId', params } });
  }
  return partnerPerformanceRows(ds, { ...base, partners: null, fees: null });
}
