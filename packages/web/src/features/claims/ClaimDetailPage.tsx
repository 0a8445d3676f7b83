import { useQuery, useSubscription } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { getFragmentData, graphql } from '../../gql';
import type { ClaimDetail_ClaimFragment } from '../../gql/graphql';
import { calendarDateLabel, dateLabel, dateTimeLabel, phoneLabel } from '../../lib/format';
import { useBackToList } from '../../lib/listPage';
import { Badge, Button, Card, EmptyState, ErrorState, PageHeader, Spinner } from '../../ui';
import { ClaimPhotos } from '../attachments';
import { Facts } from '../leads/Facts';
import { ClaimDetailFragment, ClaimDetailQuery } from './claimDocuments';
import { CLAIM_STATUS_TONE, causeLabel, claimStatusLabel } from './claimFormat';
import { ClaimFormDialog } from './ClaimFormDialog';
import { ClaimHistoryCard } from './ClaimHistoryCard';
import { ClaimMoneyCard } from './ClaimMoneyCard';
import { ClaimPackagesCard } from './ClaimPackagesCard';
import { ClaimStatusMove } from './ClaimStatusMove';
import { PaymentsCard } from './PaymentsCard';
import { SupplementsCard } from './SupplementsCard';
import { useClaimSupplements } from './useClaimSupplements';
import styles from './ClaimDetail.module.css';

/**
 * The open claim's changes by anyone (its supplements and payments included) in full: Apollo puts them in the cache,
 * so the page updates in place. The shell's `claimUpdated` stream carries only what lists show.
 */
export const ClaimPageUpdatedSubscription = graphql(`
  subscription ClaimPageUpdated($claimId: ID!) {
    claimUpdated(claimId: $claimId) {
      eventId
      claim {
        id
        ...ClaimDetail_claim
      }
    }
  }
`);

/** The adjuster as the claim has them: the partner (and the person there), or a name, and a phone. */
function AdjusterFact({ adjuster }: { adjuster: NonNullable<ClaimDetail_ClaimFragment['adjuster']> }) {
  const who = adjuster.partner ? (
    <>
      <Link to={`/partners/${adjuster.partner.id}`}>{adjuster.partner.name}</Link>
      {adjuster.name && ` · ${adjuster.name}`}
    </>
  ) : (
    // Without a name, the adjuster is a partner of a team the viewer does not see.
    (adjuster.name ?? <span className={styles.muted}>An adjuster partner of another team</span>)
  );
  return (
    <>
      {who}
      {adjuster.phone && (
        <>
          {' · '}
          <a href={`tel:${adjuster.phone}`}>{phoneLabel(adjuster.phone)}</a>
        </>
      )}
    </>
  );
}

/**
 * One insurance claim: its money as the server computes it (what the homeowner and the carrier still owe, the
 * recoverable depreciation and its deadline), its stage and the moves allowed now, its details and adjuster, the
 * supplements with their lines (and each one's photos; the first 10, then all on request), the carrier's payments, its claim packages (PDFs for the carrier), its status history, and the claim's
 * documents and photos beside its project's (or lead's). Office roles edit and move it; field techs read. Live `claimUpdated` events update it in place.
 */
export default function ClaimDetailPage() {
  const { id = '' } = useParams();
  const back = (
    <Link to={useBackToList('/claims')} className={styles.back}>
      <span aria-hidden="true">←</span> Claims
    </Link>
  );
  const { viewer } = useViewer();
  const office = viewer ? isOffice(viewer.role) : false;
  const manages = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  const { data, loading, error, refetch } = useQuery(ClaimDetailQuery, { variables: { id } });
  useSubscription(ClaimPageUpdatedSubscription, { variables: { claimId: id }, ignoreResults: true, skip: !data?.claim });
  const [editing, setEditing] = useState(false);
  const supplements = useClaimSupplements(data?.claim ? getFragmentData(ClaimDetailFragment, data.claim) : null);

  if (!data?.claim) {
    if (loading) return <Spinner label="Loading the claim…" />;
    return (
      <>
        {back}
        {error ? (
          <ErrorState title="The claim could not be loaded" error={error} onRetry={() => void refetch()} />
        ) : (
          <EmptyState
            icon="search"
            title="Claim not found"
            description="This claim does not exist, was deleted, or is on a lead or project you cannot see."
          />
        )}
      </>
    );
  }

  const claim = getFragmentData(ClaimDetailFragment, data.claim);
  const deleted = Boolean(claim.deletedAt);
  const writable = office && !deleted;
  const leadLabel = `Lead of ${claim.lead?.contactName || claim.customer?.name || 'the homeowner'}`;
  const on = claim.project ? (
    <Link to={`/projects/${claim.project.id}`}>{claim.project.name}</Link>
  ) : claim.lead ? (
    office ? <Link to={`/leads/${claim.lead.id}`}>{leadLabel}</Link> : leadLabel
  ) : null;

  return (
    <>
      {back}
      <PageHeader
        title={`${claim.carrier} claim${claim.claimNumber ? ` ${claim.claimNumber}` : ''}`}
        subtitle={
          <span className={styles.headerMeta}>
            {deleted ? <Badge tone="danger">Deleted</Badge> : <Badge tone={CLAIM_STATUS_TONE[claim.status]}>{claimStatusLabel(claim.status)}</Badge>}
            {claim.customer && <span>{claim.customer.name}</span>}
            <span>
              {causeLabel(claim.causeOfLoss)} on {calendarDateLabel(claim.dateOfLoss)}
            </span>
          </span>
        }
        actions={writable && <Button onClick={() => setEditing(true)}>Edit claim</Button>}
      />
      {deleted && (
        <div className={styles.banner} role="status">
          Deleted on {dateLabel(claim.deletedAt!)}. It is left out of lists and the dashboard{manages ? ' until restored' : ''}.
        </div>
      )}
      <div className={styles.detailGrid}>
        <div className={`${styles.column} ${styles.sideColumn}`}>
          <Card title="Stage">
            <ClaimStatusMove claim={claim} readOnly={!writable} />
          </Card>
          <Card title="Details">
            <Facts
              items={[
                ['Carrier', claim.carrier],
                ['Claim number', claim.claimNumber],
                ['Policy number', claim.policyNumber],
                ['Date of loss', calendarDateLabel(claim.dateOfLoss)],
                ['Cause', causeLabel(claim.causeOfLoss)],
                ['Inspection', claim.inspectionAt && <time dateTime={claim.inspectionAt}>{dateTimeLabel(claim.inspectionAt)}</time>],
                ['Adjuster', claim.adjuster && <AdjusterFact adjuster={claim.adjuster} />],
                ['Homeowner', claim.customer && (office ? <Link to={`/customers/${claim.customer.id}`}>{claim.customer.name}</Link> : claim.customer.name)],
                ['On', on],
                ['Owner', claim.owner?.name],
                ['Team', claim.owningTeam?.name],
                ['Recorded', `${dateLabel(claim.createdAt)}${claim.createdBy ? ` by ${claim.createdBy.name}` : ''}`],
                ['Last change', dateTimeLabel(claim.updatedAt)],
              ]}
            />
          </Card>
          {office && claim.notes && (
            <Card title="Internal notes" description="Never shown to the adjuster.">
              <p className={styles.notes}>{claim.notes}</p>
            </Card>
          )}
          <ClaimHistoryCard history={claim.statusHistory} />
        </div>
        <div className={`${styles.column} ${styles.mainColumn}`}>
          <ClaimMoneyCard claim={claim} />
          <SupplementsCard claim={claim} supplements={supplements} canWrite={writable} />
          <PaymentsCard claim={claim} canRecord={writable} canRemove={writable && manages} />
          {office && <ClaimPackagesCard claim={claim} supplements={supplements.supplements} canGenerate={writable} freshUrls={() => refetch()} />}
          <ClaimPhotos claimId={claim.id} projectId={claim.project?.id} leadId={claim.lead?.id} />
        </div>
      </div>
      {editing && <ClaimFormDialog claim={claim} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />}
    </>
  );
}
