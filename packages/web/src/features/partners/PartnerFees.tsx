import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { getFragmentData, graphql } from '../../gql';
import type { PartnerFeeRow_FeeFragment } from '../../gql/graphql';
import { dateLabel, enumLabel, money } from '../../lib/format';
import { useLoadMore } from '../../lib/listPage';
import { Badge, Button, Card, ErrorState, ListFooter, Notice, Spinner } from '../../ui';
import { FEE_STATUS_TONE } from './partnerFormat';
import { refusalOf } from '../../lib/trashActions';
import { VoidFeeDialog } from './VoidFeeDialog';
import styles from './PartnerDetail.module.css';

export const PartnerFeeRowFragment = graphql(`
  fragment PartnerFeeRow_fee on ReferralFee {
    id
    amount
    status
    accruedAt
    approvedAt
    approvedBy {
      id
      name
    }
    paidAt
    paidBy {
      id
      name
    }
    voidedAt
    voidedBy {
      id
      name
    }
    voidReason
    lead {
      id
      contactName
      customer {
        id
        name
      }
    }
    project {
      id
      name
    }
  }
`);

export const PartnerFeesQuery = graphql(`
  query PartnerFees($id: ID!, $first: Int!, $after: String) {
    partner(id: $id) {
      id
      referralFees(first: $first, after: $after) {
        totalCount
        edges {
          cursor
          node { id ...PartnerFeeRow_fee }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

const ApproveReferralFeeMutation = graphql(`
  mutation ApproveReferralFee($id: ID!) {
    approveReferralFee(id: $id) {
      referralFee { id ...PartnerFeeRow_fee }
      errors { field code message }
    }
  }
`);

const MarkReferralFeePaidMutation = graphql(`
  mutation MarkReferralFeePaid($id: ID!) {
    markReferralFeePaid(id: $id) {
      referralFee { id ...PartnerFeeRow_fee }
      errors { field code message }
    }
  }
`);

export const FEES_PAGE = 10;

// The partner's fee sums (partnerPerformance) follow a fee's move: they load again when shown.
const refreshNumbers = { refetchQueries: ['PartnerNumbers'] };

/** Who, what and when of one fee: the referral it is for and its accrual, approval and payment or voiding (and why). */
function FeeLine({ fee }: { fee: PartnerFeeRow_FeeFragment }) {
  const who = fee.lead?.customer?.name ?? fee.lead?.contactName ?? 'A referral';
  const steps = [
    `accrued ${dateLabel(fee.accruedAt)}`,
    fee.approvedAt && `approved ${dateLabel(fee.approvedAt)}${fee.approvedBy ? ` by ${fee.approvedBy.name}` : ''}`,
    fee.paidAt && `paid ${dateLabel(fee.paidAt)}${fee.paidBy ? ` by ${fee.paidBy.name}` : ''}`,
    fee.voidedAt && `voided ${dateLabel(fee.voidedAt)}${fee.voidedBy ? ` by ${fee.voidedBy.name}` : ''}`,
  ].filter(Boolean);
  return (
    <div className={styles.itemMain}>
      <span className={styles.itemTitle}>
        {money(fee.amount)} · {fee.lead ? <Link to={`/leads/${fee.lead.id}`}>{who}</Link> : who}
      </span>
      <span className={styles.itemMeta}>
        {fee.project && (
          <>
            <Link to={`/projects/${fee.project.id}`}>{fee.project.name}</Link>
            {' · '}
          </>
        )}
        {steps.join(' · ')}
      </span>
      {fee.voidReason && <span className={styles.itemMeta}>Void: {fee.voidReason}</span>}
    </div>
  );
}

/** Approve (accrued) or Mark paid (approved), and Void for either; nothing once paid or void. */
function FeeActions({ fee, onRefused, onVoid }: { fee: PartnerFeeRow_FeeFragment; onRefused: (message: string) => void; onVoid: () => void }) {
  if (fee.status !== 'ACCRUED' && fee.status !== 'APPROVED') return null;
  return (
    <>
      <FeeStep fee={fee} onRefused={onRefused} />
      <Button size="sm" variant="ghost" aria-label={`Void the ${money(fee.amount)} fee`} onClick={onVoid}>
        Void
      </Button>
    </>
  );
}

/** The fee's next step: Approve (accrued) or Mark paid (approved). */
function FeeStep({ fee, onRefused }: { fee: PartnerFeeRow_FeeFragment; onRefused: (message: string) => void }) {
  const [approve, approving] = useMutation(ApproveReferralFeeMutation, refreshNumbers);
  const [markPaid, paying] = useMutation(MarkReferralFeePaidMutation, refreshNumbers);
  const run = async (action: () => Promise<readonly { message: string }[] | undefined>, failure: string) => {
    const why = await refusalOf(action);
    if (why) onRefused(`${failure}: ${why}`);
  };
  if (fee.status === 'ACCRUED') {
    return (
      <Button
        size="sm"
        variant="primary"
        loading={approving.loading}
        aria-label={`Approve the ${money(fee.amount)} fee`}
        onClick={() =>
          void run(async () => (await approve({ variables: { id: fee.id } })).data?.approveReferralFee.errors, 'The fee was not approved')
        }
      >
        Approve
      </Button>
    );
  }
  if (fee.status === 'APPROVED') {
    return (
      <Button
        size="sm"
        loading={paying.loading}
        aria-label={`Mark the ${money(fee.amount)} fee paid`}
        onClick={() =>
          void run(async () => (await markPaid({ variables: { id: fee.id } })).data?.markReferralFeePaid.errors, 'The fee was not marked paid')
        }
      >
        Mark paid
      </Button>
    );
  }
  return null;
}

/**
 * The fees owed to the partner, newest first, with Approve, Mark paid and Void. Fee records are for admins and managers:
 * render it for them only (the server answers null to sales).
 */
export function PartnerFees({ partnerId }: { partnerId: string }) {
  const { data, error, refetch, fetchMore } = useQuery(PartnerFeesQuery, { variables: { id: partnerId, first: FEES_PAGE } });
  const [notice, setNotice] = useState<string | null>(null);
  // The fee being voided: the dialog stays while the fee changes under it (it shows the server's refusal).
  const [voiding, setVoiding] = useState<PartnerFeeRow_FeeFragment | null>(null);
  const fees = data?.partner?.referralFees;
  const more = useLoadMore(fees ?? undefined, fetchMore);
  return (
    <Card
      title={
        <>
          Referral fees {fees && <span className={styles.count}>{fees.totalCount}</span>}
        </>
      }
    >
      {notice && (
        <Notice className={styles.notice} onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}
      {!fees ? (
        error ? (
          <ErrorState title="The fees could not be loaded" error={error} onRetry={() => void refetch()} />
        ) : data ? (
          <p className={styles.emptyText}>Fee records are for admins and managers.</p>
        ) : (
          <Spinner label="Loading fees…" />
        )
      ) : fees.totalCount === 0 ? (
        <p className={styles.emptyText}>No fees yet. A fee accrues when a referred lead becomes a project.</p>
      ) : (
        <>
          <ul className={styles.list} aria-label="Referral fees">
            {fees.edges.map(({ node }) => {
              const fee = getFragmentData(PartnerFeeRowFragment, node);
              return (
                <li key={fee.id} className={styles.item}>
                  <FeeLine fee={fee} />
                  <div className={styles.itemActions}>
                    <Badge tone={FEE_STATUS_TONE[fee.status]}>{enumLabel(fee.status)}</Badge>
                    <FeeActions fee={fee} onRefused={setNotice} onVoid={() => setVoiding(fee)} />
                  </div>
                </li>
              );
            })}
          </ul>
          {more.error && <p role="alert">More fees could not be loaded: {more.error}</p>}
          {fees.pageInfo.hasNextPage && <ListFooter {...more.footer(fees)} noun="fees" />}
        </>
      )}
      {voiding && <VoidFeeDialog fee={voiding} onClose={() => setVoiding(null)} />}
    </Card>
  );
}
