import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { graphql, makeFragmentData } from '../../gql';
import { dateLabel } from '../../lib/format';
import { useBackToList } from '../../lib/listPage';
import { Badge, EmptyState, ErrorState, Notice, PageHeader, Spinner } from '../../ui';
import { LogInteractionDialog } from '../interactions/LogInteractionDialog';
import { CustomerActionBar, hasCustomerActions } from './CustomerActionBar';
import { CustomerConfirmDialogs } from './CustomerConfirmDialogs';
import { CustomerFacts } from './CustomerFacts';
import { CustomerFormDialog, CustomerFormFragment } from './CustomerFormDialog';
import { typeLabel } from './customerFormat';
import { CustomerAppointments, CustomerLeads, CustomerProjects, CustomerReviews } from './CustomerRelated';
import { CustomerTimeline, CustomerTimelineQuery } from './CustomerTimeline';
import { useCustomerActions } from './useCustomerActions';
import styles from './CustomerDetailPage.module.css';

export const CustomerDetailQuery = graphql(`
  query CustomerDetail($id: ID!) {
    customer(id: $id) {
      id
      ...CustomerForm_customer @unmask
      lifetimeValue
      referrals {
        leads
        wins
        wonRevenue
      }
      createdBy {
        id
        name
      }
      createdAt
      updatedAt
      deletedAt
      mergedInto {
        id
        name
      }
      ...CustomerProjects_customer
      ...CustomerLeads_customer
      ...CustomerAppointments_customer
      ...CustomerReviews_customer
    }
  }
`);

/**
 * One customer: header with actions, contact data and consent, property, related projects/leads/appointments/reviews
 * and the timeline.
 */
export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const backTo = useBackToList('/customers');
  const { viewer } = useViewer();
  const role = viewer?.role;
  const managesTrash = role === 'ADMIN' || role === 'MANAGER';
  const { data, loading, error, refetch } = useQuery(CustomerDetailQuery, { variables: { id } });
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  const customer = data?.customer;
  const actions = useCustomerActions(customer?.id ?? id, managesTrash);
  const client = useApolloClient();

  const back = (
    <Link to={backTo} className={styles.back}>
      <span aria-hidden="true">←</span> Customers
    </Link>
  );

  if (!customer) {
    if (loading) return <Spinner label="Loading the customer…" />;
    if (error) {
      return (
        <>
          {back}
          <ErrorState title="The customer could not be loaded" error={error} onRetry={() => void refetch()} />
        </>
      );
    }
    return (
      <>
        {back}
        <EmptyState
          icon="search"
          title="Customer not found"
          description="This customer does not exist, was deleted, or belongs to a team you cannot see."
          action={
            <Link to="/customers" className={styles.back}>
              Go to all customers
            </Link>
          }
        />
      </>
    );
  }

  const deleted = Boolean(customer.deletedAt);

  return (
    <>
      {back}
      <PageHeader
        title={customer.name}
        subtitle={
          <span className={styles.headerMeta}>
            {deleted ? <Badge tone="danger">Deleted</Badge> : <Badge tone="success">Active</Badge>}
            <Badge tone={customer.customerType === 'COMMERCIAL' ? 'info' : 'neutral'}>
              {typeLabel(customer.customerType)}
            </Badge>
            {customer.segment && <Badge>{customer.segment}</Badge>}
            {customer.owningTeam && <span>Team {customer.owningTeam.name}</span>}
          </span>
        }
        actions={
          hasCustomerActions(deleted, managesTrash) &&
          !customer.mergedInto && (
            <CustomerActionBar
              customerId={customer.id}
              deleted={deleted}
              role={role}
              managesTrash={managesTrash}
              actions={actions}
              onLog={() => setLogging(true)}
              onEdit={() => setEditing(true)}
            />
          )
        }
      />

      {deleted && (
        <div className={styles.banner} role="status">
          {customer.mergedInto ? (
            <span>
              Merged into <Link to={`/customers/${customer.mergedInto.id}`}>{customer.mergedInto.name}</Link> on {dateLabel(customer.deletedAt!)}: its
              leads, projects and history are there now.
            </span>
          ) : (
            <span>
              Deleted on {dateLabel(customer.deletedAt!)}. It is hidden from lists{managesTrash ? ' until restored' : ''}.
            </span>
          )}
        </div>
      )}
      {actions.notice && (
        <Notice className={styles.notice} onDismiss={actions.dismissNotice}>
          {actions.notice}
        </Notice>
      )}

      <div className={styles.detailGrid}>
        <div className={`${styles.column} ${styles.sideColumn}`}>
          <CustomerFacts customer={customer} />
        </div>
        <div className={styles.column}>
          <CustomerProjects customer={customer} />
          <CustomerLeads customer={customer} />
          <CustomerAppointments customer={customer} />
          <CustomerReviews customer={customer} />
          <CustomerTimeline customerId={customer.id} />
        </div>
      </div>

      {editing && (
        <CustomerFormDialog
          customer={makeFragmentData(customer, CustomerFormFragment)}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
      {logging && (
        <LogInteractionDialog
          customerId={customer.id}
          onClose={() => setLogging(false)}
          onLogged={() => {
            setLogging(false);
            // Back to the first page of the timeline, with the new entry on top.
            void client.refetchQueries({ include: [CustomerTimelineQuery] });
          }}
        />
      )}
      <CustomerConfirmDialogs name={customer.name} actions={actions} />
    </>
  );
}
