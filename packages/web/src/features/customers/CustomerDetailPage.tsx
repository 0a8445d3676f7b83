import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { graphql } from '../../gql';
import { addressLines, dateLabel, money, phoneLabel } from '../../lib/format';
import { Badge, Button, ButtonLink, Card, Dialog, EmptyState, ErrorState, PageHeader, Spinner } from '../../ui';
import { LogInteractionDialog } from '../interactions/LogInteractionDialog';
import { CustomerFormDialog } from './CustomerFormDialog';
import { mapUrl, typeLabel } from './customerFormat';
import { CustomerAppointments, CustomerLeads, CustomerProjects } from './CustomerRelated';
import { CustomerTimeline, CustomerTimelineQuery } from './CustomerTimeline';
import styles from './customers.module.css';

export const CustomerDetailQuery = graphql(`
  query CustomerDetail($id: ID!) {
    customer(id: $id) {
      id
      name
      email
      phone
      address {
        street
        city
        state
        zip
      }
      customerType
      segment
      lifetimeValue
      owningTeam {
        id
        name
      }
      createdBy {
        id
        name
      }
      createdAt
      updatedAt
      deletedAt
      ...CustomerForm_customer
      ...CustomerProjects_customer
      ...CustomerLeads_customer
      ...CustomerAppointments_customer
    }
  }
`);

const DeleteCustomerMutation = graphql(`
  mutation DeleteCustomer($id: ID!) {
    deleteCustomer(id: $id) {
      customer {
        id
        deletedAt
        updatedAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

const RestoreCustomerMutation = graphql(`
  mutation RestoreCustomer($id: ID!) {
    restoreCustomer(id: $id) {
      customer {
        id
        deletedAt
        updatedAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

const HardDeleteCustomerMutation = graphql(`
  mutation HardDeleteCustomer($id: ID!) {
    hardDeleteCustomer(id: $id) {
      deletedId
      errors {
        field
        code
        message
      }
    }
  }
`);

type Confirm = 'delete' | 'hardDelete' | null;

/** Where "Customers" goes back to: the list as the user left it, when they came from it. */
function useBackToList(): string {
  const state = useLocation().state as { listSearch?: string } | null;
  return `/customers${state?.listSearch ?? ''}`;
}

/** One customer: header with actions, contact data, property, related projects/leads/appointments and the timeline. */
export default function CustomerDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const backTo = useBackToList();
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(CustomerDetailQuery, { variables: { id } });
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const client = useApolloClient();
  // Deleting or restoring moves the customer between the active list and the trash: cached lists load again.
  const [softDelete, { loading: deleting }] = useMutation(DeleteCustomerMutation, {
    update: (cache) => void cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' }),
  });
  const [restore, { loading: restoring }] = useMutation(RestoreCustomerMutation, {
    update: (cache) => void cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' }),
  });
  const [hardDelete, { loading: hardDeleting }] = useMutation(HardDeleteCustomerMutation);

  const back = (
    <Link to={backTo} className={styles.back}>
      <span aria-hidden="true">←</span> Customers
    </Link>
  );

  const customer = data?.customer;
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

  const role = viewer?.role;
  const managesTrash = role === 'ADMIN' || role === 'MANAGER';
  const deleted = Boolean(customer.deletedAt);

  const run = async (action: () => Promise<readonly { message: string }[] | undefined>, failure: string) => {
    setNotice(null);
    try {
      const errors = (await action()) ?? [];
      if (errors.length) setNotice(`${failure}: ${errors.map((e) => e.message).join(' ')}`);
      return errors.length === 0;
    } catch (e) {
      setNotice(`${failure}: ${e instanceof Error ? e.message : 'the server could not be reached.'}`);
      return false;
    }
  };

  const onDelete = async () => {
    const ok = await run(
      async () => (await softDelete({ variables: { id: customer.id } })).data?.deleteCustomer.errors,
      'The customer was not deleted',
    );
    setConfirm(null);
    if (ok && !managesTrash) navigate('/customers');
  };
  const onRestore = () =>
    void run(
      async () => (await restore({ variables: { id: customer.id } })).data?.restoreCustomer.errors,
      'The customer was not restored',
    );
  const onHardDelete = async () => {
    const ok = await run(
      async () =>
        (
          await hardDelete({
            variables: { id: customer.id },
            update: (cache, { data: result }) => {
              if (!result?.hardDeleteCustomer.deletedId) return;
              cache.evict({ id: cache.identify({ __typename: 'Customer', id: customer.id }) });
              cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' });
              cache.gc();
            },
          })
        ).data?.hardDeleteCustomer.errors,
      'The customer was not removed',
    );
    setConfirm(null);
    if (ok) navigate('/customers', { replace: true });
  };

  const actions = deleted ? (
    managesTrash && (
      <>
        <Button variant="primary" onClick={onRestore} loading={restoring}>
          Restore
        </Button>
        {role === 'ADMIN' && (
          <Button variant="danger" onClick={() => setConfirm('hardDelete')}>
            Delete for good
          </Button>
        )}
      </>
    )
  ) : (
    <>
      <Button variant="primary" onClick={() => setLogging(true)}>
        Log interaction
      </Button>
      <ButtonLink to={`/leads?customerId=${encodeURIComponent(customer.id)}`}>New lead</ButtonLink>
      <Button onClick={() => setEditing(true)}>Edit</Button>
      {managesTrash && (
        <Button variant="ghost" onClick={() => setConfirm('delete')}>
          Delete
        </Button>
      )}
    </>
  );

  const address = addressLines(customer.address);
  const maps = mapUrl(customer.address);

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
        actions={actions}
      />

      {deleted && (
        <div className={styles.banner} role="status">
          <span>
            Deleted on {dateLabel(customer.deletedAt!)}. It is hidden from lists{managesTrash ? ' until restored' : ''}.
          </span>
        </div>
      )}
      {notice && (
        <div className={styles.notice} role="alert">
          <span>{notice}</span>
          <Button size="sm" variant="ghost" onClick={() => setNotice(null)} aria-label="Dismiss">
            ✕
          </Button>
        </div>
      )}

      <div className={styles.detailGrid}>
        <div className={`${styles.column} ${styles.sideColumn}`}>
          <Card title="Contact">
            <dl className={styles.facts}>
              <dt>Phone</dt>
              <dd>
                {customer.phone ? (
                  <a href={`tel:${customer.phone}`}>{phoneLabel(customer.phone)}</a>
                ) : (
                  <span className={styles.muted}>—</span>
                )}
              </dd>
              <dt>E-mail</dt>
              <dd>
                {customer.email ? (
                  <a href={`mailto:${customer.email}`}>{customer.email}</a>
                ) : (
                  <span className={styles.muted}>—</span>
                )}
              </dd>
            </dl>
          </Card>
          <Card title="Property">
            {address.length ? (
              <address className={styles.address}>
                {address.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </address>
            ) : (
              <p className={styles.emptyText}>No address on file.</p>
            )}
            {maps && (
              <a href={maps} target="_blank" rel="noreferrer" className={styles.itemMeta}>
                Open in Maps<span className="visually-hidden"> (new tab)</span>
              </a>
            )}
          </Card>
          <Card title="Account">
            <dl className={styles.facts}>
              <dt>Type</dt>
              <dd>{typeLabel(customer.customerType)}</dd>
              <dt>Segment</dt>
              <dd>{customer.segment ?? <span className={styles.muted}>—</span>}</dd>
              <dt>Lifetime value</dt>
              <dd>{money(customer.lifetimeValue)}</dd>
              <dt>Team</dt>
              <dd>{customer.owningTeam?.name ?? <span className={styles.muted}>—</span>}</dd>
              <dt>Created</dt>
              <dd>
                {dateLabel(customer.createdAt)}
                {customer.createdBy && ` by ${customer.createdBy.name}`}
              </dd>
              <dt>Last change</dt>
              <dd>{dateLabel(customer.updatedAt)}</dd>
            </dl>
          </Card>
        </div>
        <div className={styles.column}>
          <CustomerProjects customer={customer} />
          <CustomerLeads customer={customer} />
          <CustomerAppointments customer={customer} />
          <CustomerTimeline customerId={customer.id} />
        </div>
      </div>

      {editing && (
        <CustomerFormDialog customer={customer} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
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
      {confirm === 'delete' && (
        <Dialog
          title={`Delete ${customer.name}?`}
          onClose={() => setConfirm(null)}
          busy={deleting}
          actions={
            <>
              <Button onClick={() => setConfirm(null)} disabled={deleting} autoFocus>
                Cancel
              </Button>
              <Button variant="danger" loading={deleting} onClick={() => void onDelete()}>
                Delete customer
              </Button>
            </>
          }
        >
          <p>
            The customer moves to the trash and disappears from lists. Their projects, leads and history are kept,
            and an admin or manager can restore them at any time.
          </p>
        </Dialog>
      )}
      {confirm === 'hardDelete' && (
        <Dialog
          title={`Delete ${customer.name} for good?`}
          onClose={() => setConfirm(null)}
          busy={hardDeleting}
          actions={
            <>
              <Button onClick={() => setConfirm(null)} disabled={hardDeleting} autoFocus>
                Cancel
              </Button>
              <Button variant="danger" loading={hardDeleting} onClick={() => void onHardDelete()}>
                Delete for good
              </Button>
            </>
          }
        >
          <p>
            This removes the customer <strong>and all their projects, appointments and interactions</strong>. It
            cannot be undone.
          </p>
        </Dialog>
      )}
    </>
  );
}
