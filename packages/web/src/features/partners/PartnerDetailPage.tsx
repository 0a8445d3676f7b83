import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { graphql, makeFragmentData } from '../../gql';
import { dateLabel, enumLabel } from '../../lib/format';
import { useBackToList } from '../../lib/listPage';
import { Badge, EmptyState, ErrorState, Notice, PageHeader, Spinner } from '../../ui';
import { PartnerActionBar, PartnerDeleteDialog } from './PartnerActionBar';
import { PartnerContacts } from './PartnerContacts';
import { PartnerFormFragment } from './partnerDocuments';
import { PartnerFacts } from './PartnerFacts';
import { PartnerFees } from './PartnerFees';
import { kindLabel, STATUS_TONE } from './partnerFormat';
import { PartnerFormDialog } from './PartnerFormDialog';
import { PartnerReferrals } from './PartnerReferrals';
import { PartnerRevenue } from './PartnerRevenue';
import { usePartnerActions } from './usePartnerActions';
import styles from './PartnerDetail.module.css';

export const PartnerDetailQuery = graphql(`
  query PartnerDetail($id: ID!) {
    partner(id: $id) {
      id
      ...PartnerForm_partner @unmask
      contacts { ...PartnerContact_contact @unmask }
      createdBy {
        id
        name
      }
      createdAt
      updatedAt
      deletedAt
    }
  }
`);

/**
 * One partner: facts and fee terms, contacts, referrals with their stage, revenue of a period and (admins and
 * managers) its fees with Approve / Mark paid, and the trash.
 */
export default function PartnerDetailPage() {
  const { id = '' } = useParams();
  const back = (
    <Link to={useBackToList('/partners')} className={styles.back}>
      <span aria-hidden="true">←</span> Partners
    </Link>
  );
  const { viewer } = useViewer();
  const leads = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  const { data, loading, error, refetch } = useQuery(PartnerDetailQuery, { variables: { id } });
  const [editing, setEditing] = useState(false);
  const partner = data?.partner;
  const actions = usePartnerActions(partner?.id ?? id);

  if (!partner) {
    if (loading) return <Spinner label="Loading the partner…" />;
    return (
      <>
        {back}
        {error ? (
          <ErrorState title="The partner could not be loaded" error={error} onRetry={() => void refetch()} />
        ) : (
          <EmptyState
            icon="search"
            title="Partner not found"
            description="This partner does not exist, was deleted, or belongs to a team you cannot see."
          />
        )}
      </>
    );
  }

  const deleted = Boolean(partner.deletedAt);
  return (
    <>
      {back}
      <PageHeader
        title={partner.name}
        subtitle={
          <span className={styles.headerMeta}>
            {deleted ? <Badge tone="danger">Deleted</Badge> : <Badge tone={STATUS_TONE[partner.status]}>{enumLabel(partner.status)}</Badge>}
            <Badge>{kindLabel(partner.kind)}</Badge>
            {partner.owningTeam && <span>Team {partner.owningTeam.name}</span>}
          </span>
        }
        actions={<PartnerActionBar deleted={deleted} managesTrash={leads} actions={actions} onEdit={() => setEditing(true)} />}
      />
      {deleted && (
        <div className={styles.banner} role="status">
          Deleted on {dateLabel(partner.deletedAt!)}. It is hidden from lists{leads ? ' until restored' : ''}.
        </div>
      )}
      {actions.notice && (
        <Notice className={styles.notice} onDismiss={actions.dismissNotice}>
          {actions.notice}
        </Notice>
      )}
      <div className={styles.detailGrid}>
        <div className={`${styles.column} ${styles.sideColumn}`}>
          <PartnerFacts partner={partner} />
        </div>
        <div className={styles.column}>
          <PartnerRevenue partnerId={partner.id} deleted={deleted} />
          <PartnerContacts partnerId={partner.id} contacts={partner.contacts} editable={!deleted} />
          <PartnerReferrals partnerId={partner.id} />
          {leads && <PartnerFees partnerId={partner.id} />}
        </div>
      </div>
      {editing && (
        <PartnerFormDialog
          partner={makeFragmentData(partner, PartnerFormFragment)}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {actions.confirming && <PartnerDeleteDialog name={partner.name} actions={actions} />}
    </>
  );
}
