import { useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import type { ClaimDetail_ClaimFragment } from '../../gql/graphql';
import { ClaimSupplementsQuery } from './claimDocuments';

/** A claim has at most this many supplements (the server refuses the next): one page reads them all. */
export const SUPPLEMENTS_MAX = 100;

type Claim = Pick<ClaimDetail_ClaimFragment, 'id' | 'supplements' | 'supplementCount' | 'updatedAt'>;

/**
 * The supplements the claim page shows: the first 10 its query read, and every one (`supplementCount`, at most 100)
 * once `loadAll` was asked. The whole list is read again when the claim changes (a supplement written here or by anyone
 * moves the claim's `updatedAt`, which the page's live stream brings), so it stays as current as the first 10.
 */
export function useClaimSupplements(claim: Claim | null) {
  const [all, setAll] = useState(false);
  const total = claim?.supplementCount ?? 0;
  // As many as there are (the operation costs what it may return); a changed count reads them again by itself.
  const first = Math.max(1, Math.min(SUPPLEMENTS_MAX, total));
  const rest = useQuery(ClaimSupplementsQuery, {
    variables: { id: claim?.id ?? '', first },
    skip: !all || !claim,
    fetchPolicy: 'network-only',
  });
  const seen = useRef({ updatedAt: claim?.updatedAt, first });
  useEffect(() => {
    const before = seen.current;
    seen.current = { updatedAt: claim?.updatedAt, first };
    if (all && before.first === first && before.updatedAt !== claim?.updatedAt) void rest.refetch();
    // Only a change of the claim reads the list again; a changed count already did.
  }, [claim?.updatedAt, first]);

  const read = (rest.data ?? rest.previousData)?.claim?.supplements;
  return {
    /** The supplements to show, oldest first. */
    supplements: (all && read) || claim?.supplements || [],
    /** How many the claim has. */
    total,
    /** Reads every supplement of the claim. */
    loadAll: () => setAll(true),
    loading: all && rest.loading,
    error: all ? rest.error : undefined,
  };
}

export type ClaimSupplements = ReturnType<typeof useClaimSupplements>;
