import { Link } from 'react-router';
import { dateTimeLabel } from '../../../lib/format';
import { Badge, Button } from '../../../ui';
import type { StackedColumn } from '../StackedTable';
import shared from '../settings.module.css';
import type { Endpoint } from './WebhookDialogs';
import styles from './Developers.module.css';
import own from './Webhooks.module.css';

export type EndpointAction = 'edit' | 'deliveries' | 'test' | 'rotate' | 'toggle' | 'delete';

function EndpointState({ endpoint: e }: { endpoint: Endpoint }) {
  return (
    <span className={shared.who}>
      {e.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Disabled</Badge>}
      {!e.active && e.disabledReason && <span className={shared.muted}>{e.disabledReason}</span>}
      {e.consecutiveFailures > 0 && (
        <span className={own.failures}>
          {e.consecutiveFailures} failure{e.consecutiveFailures === 1 ? '' : 's'} in a row
        </span>
      )}
    </span>
  );
}

/** The endpoints table's columns; a row's buttons call `act`, `busyId` spins the row being changed. */
export function endpointColumns(act: (action: EndpointAction, endpoint: Endpoint) => void, busyId: string | null): StackedColumn<Endpoint>[] {
  return [
    {
      key: 'url',
      header: 'Endpoint',
      primary: true,
      render: (e) => (
        <div className={shared.who}>
          <strong className={own.url}>{e.url}</strong>
          {e.description && <span className={shared.muted}>{e.description}</span>}
        </div>
      ),
    },
    {
      key: 'owner',
      header: 'For',
      render: (e) => (e.partnerId ? <Link to={`/partners/${e.partnerId}`}>Partner</Link> : <span>Company</span>),
    },
    {
      key: 'events',
      header: 'Events',
      render: (e) => (
        <span className={styles.scopes}>
          {e.eventTypes.map((t) => (
            <code key={t}>{t}</code>
          ))}
        </span>
      ),
    },
    { key: 'state', header: 'Status', render: (e) => <EndpointState endpoint={e} /> },
    {
      key: 'secret',
      header: 'Secret',
      render: (e) => (
        <span className={shared.who}>
          <code>{e.secretPrefix}…</code>
          {e.previousSecretValidUntil && (
            <span className={shared.muted}>previous one until {dateTimeLabel(e.previousSecretValidUntil)}</span>
          )}
        </span>
      ),
    },
    {
      key: 'actions',
      header: 'Actions',
      actions: true,
      render: (e) => (
        <div className={own.endpointActions}>
          <Button size="sm" onClick={() => act('edit', e)} aria-label={`Edit ${e.url}`}>
            Edit
          </Button>
          <Button size="sm" onClick={() => act('deliveries', e)} aria-label={`Deliveries to ${e.url}`}>
            Deliveries
          </Button>
          <Button size="sm" onClick={() => act('test', e)} disabled={!e.active || busyId === e.id} aria-label={`Send a test event to ${e.url}`}>
            Send test event
          </Button>
          <Button size="sm" onClick={() => act('rotate', e)} aria-label={`Rotate the secret of ${e.url}`}>
            Rotate secret
          </Button>
          <Button size="sm" onClick={() => act('toggle', e)} loading={busyId === e.id} aria-label={`${e.active ? 'Disable' : 'Enable'} ${e.url}`}>
            {e.active ? 'Disable' : 'Enable'}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => act('delete', e)} aria-label={`Delete ${e.url}`}>
            Delete
          </Button>
        </div>
      ),
    },
  ];
}
