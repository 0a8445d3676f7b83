import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { Badge, Button, Card } from '../../ui';
import { CLAIM_STATUS_TONE, claimStatusLabel } from './claimFormat';
import type { ClaimOn } from './claimForm';
import { ClaimFormDialog } from './ClaimFormDialog';
import { exactMoney, isPositive } from './claimMoney';
import { DeadlineLabel } from './DeadlineLabel';
import styles from './ClaimDetail.module.css';

/** What a lead's or project's page shows of its claims. */
export const ClaimSummaryFragment = graphql(`
  fragment ClaimSummary_claim on InsuranceClaim {
    id
    carrier
    claimNumber
    status
    depreciationDeadline
    money {
      approvedTotal
      carrierOwes
      depreciationToCollect
    }
  }
`);

export interface InsuranceClaimCardProps {
  claims: ReadonlyArray<FragmentType<typeof ClaimSummaryFragment>>;
  /** The lead or project the page shows (a new claim is started on it). */
  on: ClaimOn;
  /** Admins, managers and sales start claims on a record they may change (the server checks). */
  canStart: boolean;
  className?: string;
}

/**
 * The "Insurance claim" card of a lead's or project's page: its claims with their stage, approved total, what the
 * carrier still owes and the depreciation deadline, each linking to the claim; "Start a claim" when there is none.
 */
export function InsuranceClaimCard({ claims: refs, on, canStart, className }: InsuranceClaimCardProps) {
  const navigate = useNavigate();
  const [starting, setStarting] = useState(false);
  const claims = refs.map((ref) => getFragmentData(ClaimSummaryFragment, ref));
  return (
    <Card title="Insurance claim" className={className}>
      {claims.length > 0 ? (
        <ul className={styles.claimList}>
          {claims.map((c) => (
            <li key={c.id}>
              <p className={styles.claimLine}>
                <Link to={`/claims/${c.id}`}>
                  {c.carrier}
                  {c.claimNumber ? ` ${c.claimNumber}` : ''}
                </Link>
                <Badge tone={CLAIM_STATUS_TONE[c.status]}>{claimStatusLabel(c.status)}</Badge>
              </p>
              <p className={styles.meta}>
                Approved {exactMoney(c.money.approvedTotal)} · carrier owes {exactMoney(c.money.carrierOwes)}
              </p>
              {c.depreciationDeadline && (
                <p className={styles.meta}>
                  Depreciation due{' '}
                  <DeadlineLabel
                    deadline={c.depreciationDeadline}
                    pending={c.status !== 'CLOSED' && c.status !== 'DENIED' && isPositive(c.money.depreciationToCollect)}
                  />
                </p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className={styles.muted}>No insurance claim{canStart ? '. Storm damage? Record the claim to follow the carrier’s money.' : '.'}</p>
      )}
      {canStart && claims.length === 0 && (
        <Button variant="primary" size="sm" onClick={() => setStarting(true)}>
          Start a claim
        </Button>
      )}
      {starting && (
        <ClaimFormDialog on={on} onClose={() => setStarting(false)} onSaved={(claim) => void navigate(`/claims/${claim.id}`)} />
      )}
    </Card>
  );
}
