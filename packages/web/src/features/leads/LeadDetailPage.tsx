import { useQuery } from '@apollo/client/react';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { getFragmentData } from '../../gql';
import type { LeadDetail_LeadFragment } from '../../gql/graphql';
import { addressLines, dateLabel, dateTimeLabel, enumLabel, money, phoneLabel } from '../../lib/format';
import { Badge, Button, ButtonLink, Card, EmptyState, ErrorState, PageHeader, Spinner } from '../../ui';
import { InsuranceClaimCard } from '../claims/InsuranceClaimCard';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { EditLeadDialog } from './EditLeadDialog';
import { Facts } from './Facts';
import { LeadAssignee } from './LeadAssignee';
import { leadName } from './LeadCard';
import { LeadDetailFragment, LeadDetailQuery } from './leadDetailQuery';
import { LeadStatusControl } from './LeadStatusControl';
import { ScorePill } from './ScoreBadge';
import { ScoreFactorList } from './ScoreFactorList';
import styles from './leadDetail.module.css';

/** The referring partner (a link to it) and the person there. */
function ReferredBy({ referral }: { referral: NonNullable<LeadDetail_LeadFragment['referredBy']> }) {
  return (
    <>
      <Link to={`/partners/${referral.partner.id}`}>{referral.partner.name}</Link>
      {referral.contact && ` · ${referral.contact.name}${referral.contact.role ? ` (${referral.contact.role})` : ''}`}
    </>
  );
}

/** Who referred the lead: a partner (and the person there), or a customer from the rating page's referral form. */
function referralFacts(lead: LeadDetail_LeadFragment): Array<[string, ReactNode]> {
  const facts: Array<[string, ReactNode]> = [];
  if (lead.referredBy) facts.push(['Referred by', <ReferredBy referral={lead.referredBy} />]);
  if (lead.referringCustomer) {
    const customer = lead.referringCustomer;
    facts.push(['Referred by customer', <Link to={`/customers/${customer.id}`}>{customer.name}</Link>]);
  }
  return facts;
}

const backLink = (
  <Link to="/leads" className={styles.back}>
    ← Leads
  </Link>
);

/** One lead: contact, property, stage and moves, score reasons, assignee, edit and conversion into a project. */
export default function LeadDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(LeadDetailQuery, { variables: { id } });
  const [dialog, setDialog] = useState<'edit' | 'convert' | null>(null);
  const [saved, setSaved] = useState(false);

  if (!data) {
    if (loading) return <Spinner label="Loading the lead…" />;
    return (
      <>
        {backLink}
        <ErrorState title="The lead could not be loaded" error={error} onRetry={() => void refetch()} />
      </>
    );
  }
  if (!data.lead) {
    return (
      <>
        {backLink}
        <EmptyState
          icon="search"
          title="Lead not found"
          description="It does not exist, was removed, or is not one you may see."
          action={<ButtonLink to="/leads">Back to leads</ButtonLink>}
        />
      </>
    );
  }

  const lead = getFragmentData(LeadDetailFragment, data.lead);
  const name = leadName(lead);
  const deleted = Boolean(lead.deletedAt);
  const canConvert = lead.status === 'WON' && !lead.convertedProject && !deleted;
  const contact = lead.customer;
  const phone = lead.contactPhone ?? contact?.phone;
  const email = lead.contactEmail ?? contact?.email;

  return (
    <>
      {backLink}
      <PageHeader
        title={name}
        subtitle={
          <span className={styles.subtitle}>
            <ScorePill score={lead.score} />
            <span>
              {[lead.projectType && enumLabel(lead.projectType), money(lead.estimatedValue), enumLabel(lead.source)]
                .filter((s) => s && s !== '—')
                .join(' · ')}
            </span>
            {(lead.priority === 'URGENT' || lead.priority === 'HIGH') && (
              <Badge tone={lead.priority === 'URGENT' ? 'danger' : 'warning'}>{enumLabel(lead.priority)}</Badge>
            )}
          </span>
        }
        actions={
          !deleted && (
            <>
              <Button
                onClick={() => {
                  setSaved(false);
                  setDialog('edit');
                }}
              >
                Edit
              </Button>
              {canConvert && (
                <Button variant="primary" onClick={() => setDialog('convert')}>
                  Convert to project
                </Button>
              )}
            </>
          )
        }
      />
      {deleted && (
        <p className={styles.banner} role="note">
          This lead was deleted on {dateLabel(lead.deletedAt!)}. A manager can restore it; until then it cannot be
          changed.
        </p>
      )}
      {saved && (
        <p className={styles.savedBanner} role="status">
          Changes saved. The score was recalculated.
        </p>
      )}

      <div className={styles.layout}>
        <div className={styles.side}>
          <Card title="Stage" className={styles.o1}>
            <LeadStatusControl lead={lead} name={name} readOnly={deleted} />
          </Card>
          <Card title="Assignee" className={styles.o3}>
            {viewer ? <LeadAssignee lead={lead} viewer={viewer} readOnly={deleted} /> : <Spinner inline />}
          </Card>
          <Card title={`Score ${lead.score} of 100`} className={styles.o5}>
            <ScoreFactorList factors={lead.scoreFactors} />
          </Card>
          <Card title="Project" className={styles.o6}>
            {lead.convertedProject ? (
              <p className={styles.converted}>
                Converted{lead.convertedAt ? ` on ${dateLabel(lead.convertedAt)}` : ''} into{' '}
                <Link to={`/projects/${lead.convertedProject.id}`}>{lead.convertedProject.name}</Link>{' '}
                <Badge tone="info">{enumLabel(lead.convertedProject.status)}</Badge>
              </p>
            ) : canConvert ? (
              <div className={styles.convertBox}>
                <p>Won. Turn it into a project to plan the job and its crew.</p>
                <Button variant="primary" onClick={() => setDialog('convert')}>
                  Convert to project
                </Button>
              </div>
            ) : (
              <p className={styles.muted}>Once the lead is won, it can be converted into a project.</p>
            )}
          </Card>
          <InsuranceClaimCard claims={data.lead.claims} on={{ leadId: lead.id }} canStart={!deleted} className={styles.o6} />
        </div>

        <div className={styles.main}>
          <Card title="Contact" className={styles.o2}>
            <Facts
              items={[
                [
                  'Customer',
                  contact ? <Link to={`/customers/${contact.id}`}>{contact.name}</Link> : <span className={styles.muted}>Not linked to a customer yet</span>,
                ],
                ['Contact name', lead.contactName],
                ['Phone', phone && <a href={`tel:${phone}`}>{phoneLabel(phone)}</a>],
                ['E-mail', email && <a href={`mailto:${email}`}>{email}</a>],
                ...referralFacts(lead),
              ]}
            />
          </Card>
          <Card title="Property and deal" className={styles.o4}>
            <Facts
              items={[
                [
                  'Property',
                  addressLines(lead.propertyAddress).length ? (
                    <address className={styles.address}>
                      {addressLines(lead.propertyAddress).map((l) => (
                        <span key={l}>{l}</span>
                      ))}
                    </address>
                  ) : null,
                ],
                ['Project type', lead.projectType && enumLabel(lead.projectType)],
                ['Estimated value', lead.estimatedValue && money(lead.estimatedValue)],
                ['Priority', enumLabel(lead.priority)],
                ['Source', enumLabel(lead.source)],
                ['Next follow-up', lead.nextFollowUpAt && dateTimeLabel(lead.nextFollowUpAt)],
                ['Team', lead.owningTeam?.name],
                ['Created', `${dateLabel(lead.createdAt)}${lead.createdBy ? ` by ${lead.createdBy.name}` : ''}`],
                ['Last change', dateTimeLabel(lead.updatedAt)],
              ]}
            />
          </Card>
          <Card title="Notes" className={styles.o7}>
            {lead.notes ? <p className={styles.notes}>{lead.notes}</p> : <p className={styles.muted}>No notes yet.</p>}
          </Card>
        </div>
      </div>

      {dialog === 'edit' && (
        <EditLeadDialog
          lead={lead}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setSaved(true);
          }}
        />
      )}
      {dialog === 'convert' && (
        <ConvertLeadDialog
          lead={lead}
          name={name}
          onClose={() => setDialog(null)}
          onConverted={(projectId) => void navigate(`/projects/${projectId}`)}
        />
      )}
    </>
  );
}
