/** Shared fixtures for the partners tests (responses as the server sends them, with `__typename`). */
import type { MockLink } from '@apollo/client/testing';
import { PartnerNumbersDocument } from '../../gql/graphql';
import { periodRange, type Period } from './periods';
import { PERFORMANCE_LIMIT } from './usePartnerPerformance';

export const TEAM = { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' } as const;
export const OWNER = { __typename: 'User', id: 'VXNlcjox', name: 'Sam Carter' } as const;

let n = 0;

/** A partner as the list row (and the form) selects it. */
export function partnerRow(name: string, overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    __typename: 'Partner' as const,
    id: `UGFydG5lcjo${n}`,
    name,
    kind: 'REALTOR' as const,
    status: 'ACTIVE' as const,
    owner: OWNER,
    owningTeam: TEAM,
    contacts: [] as Array<Record<string, unknown>>,
    updatedAt: '2026-11-01T12:00:00.000Z',
    deletedAt: null as string | null,
    ...overrides,
  };
}

/** A `partners` connection page. */
export function partnerPage(rows: ReadonlyArray<{ id: string }>, opts = { totalCount: rows.length, hasNextPage: false }) {
  return {
    __typename: 'PartnerConnection',
    totalCount: opts.totalCount,
    edges: rows.map((node) => ({ __typename: 'PartnerEdge', cursor: `cursor-${node.id}`, node })),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: opts.hasNextPage,
      endCursor: rows.length ? `cursor-${rows[rows.length - 1]!.id}` : null,
    },
  };
}

/** One partner's numbers as `partnerPerformance` answers them (fees null, as for sales, unless given). */
export function numbers(partnerId: string, over: { referrals: number; wins: number; wonRevenue: string; conversionRate: number }, fees: null | { accrued: string; approved: string; paid: string; voided: string } = null) {
  return {
    __typename: 'PartnerPerformance' as const,
    partner: { __typename: 'Partner' as const, id: partnerId },
    averageDaysToWin: null,
    fees: fees && { __typename: 'ReferralFeeTotals' as const, ...fees },
    ...over,
  };
}

/** `partnerPerformance` for the period, answered as often as asked: the rows of the partners asked for. */
export const performanceMock = (rows: ReturnType<typeof numbers>[], period: Period = 'LAST_12_MONTHS'): MockLink.MockedResponse => {
  const range = periodRange(period);
  const asked = (v: Record<string, unknown>) => (v.partnerIds as string[] | undefined) ?? [];
  return {
    request: {
      query: PartnerNumbersDocument,
      variables: (v: Record<string, unknown>) => JSON.stringify(v.range) === JSON.stringify(range) && v.first === PERFORMANCE_LIMIT,
    },
    result: (v: Record<string, unknown>) => ({ data: { partnerPerformance: rows.filter((r) => asked(v).includes(r.partner.id)) } }),
    maxUsageCount: Number.POSITIVE_INFINITY,
  };
};
