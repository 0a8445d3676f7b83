import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { graphql } from '../../gql';
import type { PartnerNumbersQuery as PartnerNumbersResult } from '../../gql/graphql';
import { periodRange, type Period } from './periods';

export const PartnerNumbersQuery = graphql(`
  query PartnerNumbers($range: DateRangeInput!, $first: Int, $partnerIds: [ID!]) {
    partnerPerformance(range: $range, first: $first, partnerIds: $partnerIds) {
      partner {
        id
      }
      referrals
      wins
      wonRevenue
      conversionRate
      averageDaysToWin
      fees {
        accrued
        approved
        paid
        voided
      }
    }
  }
`);

export type PartnerNumbers = PartnerNumbersResult['partnerPerformance'][number];

/** The most partners `partnerPerformance` answers for at once. */
export const PERFORMANCE_LIMIT = 200;

/**
 * How the given partners did in the period, by partner id (at most PERFORMANCE_LIMIT of them; null or none: not
 * asked, e.g. for the trash, whose partners it leaves out). `complete`: the answer covers every partner asked for (one
 * missing from it had no referrals then, or is not the viewer's to see); otherwise a missing one is unknown.
 */
export function usePartnerPerformance(period: Period, partnerIds: string[] | null) {
  const range = useMemo(() => periodRange(period), [period]);
  const ids = useMemo(() => partnerIds?.slice(0, PERFORMANCE_LIMIT) ?? [], [partnerIds]);
  const skip = ids.length === 0;
  const { data, loading, error } = useQuery(PartnerNumbersQuery, {
    variables: { range, first: PERFORMANCE_LIMIT, partnerIds: ids },
    skip,
  });
  const rows = skip ? undefined : data?.partnerPerformance;
  const byPartner = useMemo(() => new Map((rows ?? []).map((r) => [r.partner.id, r])), [rows]);
  // Skipped or failed: every partner's numbers are unknown (a dash), not loading.
  const loaded = skip || Boolean(rows) || Boolean(error);
  const asked = useMemo(() => new Set(ids), [ids]);
  return { byPartner, loaded, complete: (id: string) => Boolean(rows) && asked.has(id), loading, error };
}
