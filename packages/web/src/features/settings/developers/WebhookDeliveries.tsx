import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import type { WebhookDelivery_FieldsFragment } from '../../../gql/graphql';
import { dateTimeLabel, enumLabel } from '../../../lib/format';
import { Badge, Button, cx, Dialog, EmptyState, tableStyles } from '../../../ui';
import { ConnectionFooter, FormMessages, Loaded } from '../Section';
import { DeliveryDetails } from './DeliveryDetails';
import { useActionResult } from './useWebhookActions';
import type { Endpoint } from './WebhookDialogs';
import { DELIVERY_STATUS_TONE, REFRESH_DELIVERIES, RedeliverWebhookMutation, WebhookDeliveriesQuery } from './webhookDocuments';
import styles from './Webhooks.module.css';

const PAGE_SIZE = 20;
const HEADERS = ['Event', 'Status', 'Attempts', 'Last answer', 'Next attempt', 'Created', 'Actions'];
type Delivery = WebhookDelivery_FieldsFragment;

/** The newest attempt's answer: the status code (or "No answer") and how long it took. */
function LastAnswer({ delivery }: { delivery: Delivery }) {
  const last = delivery.attemptLog[0];
  if (!last) return <span className={styles.muted}>—</span>;
  return (
    <span>
      {last.statusCode ?? 'No answer'} <span className={styles.muted}>in {last.latencyMs.toLocaleString('en-US')} ms</span>
    </span>
  );
}

interface RowsProps {
  delivery: Delivery;
  redeliver: () => void;
  busy: boolean;
}

/** One delivery's row and, expanded, a row with its attempt log and payload. */
function DeliveryRows({ delivery: d, redeliver, busy }: RowsProps) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  return (
    <tbody>
      <tr>
        <td>
          <code>{d.eventType}</code>
          <div className={styles.muted}>{d.eventId}</div>
        </td>
        <td>
          <Badge tone={DELIVERY_STATUS_TONE[d.status]}>{enumLabel(d.status)}</Badge>
        </td>
        <td className={styles.number}>{d.attempts}</td>
        <td className={tableStyles.nowrap}>
          <LastAnswer delivery={d} />
        </td>
        <td className={tableStyles.nowrap}>{d.nextAttemptAt ? dateTimeLabel(d.nextAttemptAt) : '—'}</td>
        <td className={tableStyles.nowrap}>{dateTimeLabel(d.createdAt)}</td>
        <td className={styles.rowActions}>
          <Button size="sm" aria-expanded={expanded} aria-controls={detailsId} onClick={() => setExpanded(!expanded)} aria-label={`Details of ${d.eventId}`}>
            {expanded ? 'Hide' : 'Details'}
          </Button>
          <Button size="sm" loading={busy} onClick={redeliver} aria-label={`Redeliver ${d.eventId}`}>
            Redeliver
          </Button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!expanded}>
        <td colSpan={HEADERS.length}>{expanded && <DeliveryDetails delivery={d} />}</td>
      </tr>
    </tbody>
  );
}

/** Admins: an endpoint's deliveries, newest first: how each went, its attempts and body; redeliver one; load more. */
export function WebhookDeliveriesDialog({ endpoint, onClose }: { endpoint: Endpoint; onClose: () => void }) {
  const { data, loading, error, refetch, fetchMore } = useQuery(WebhookDeliveriesQuery, {
    variables: { endpointId: endpoint.id, first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const [redeliver] = useMutation(RedeliverWebhookMutation, { refetchQueries: REFRESH_DELIVERIES });
  const { result, busyId, run } = useActionResult();
  const again = (d: Delivery) =>
    void run(
      d.id,
      async () => (await redeliver({ variables: { deliveryId: d.id } })).data?.redeliverWebhook,
      () => `${d.eventId} is sent again now, with the same event id and body.`,
      'The delivery was not sent again.',
    );

  return (
    <Dialog title={`Deliveries to ${endpoint.url}`} size="lg" onClose={onClose} actions={<Button onClick={onClose}>Close</Button>}>
      <FormMessages errors={result.errors} success={result.success} />
      <Loaded data={data} error={error} onRetry={() => void refetch()} errorTitle="The deliveries could not be loaded" loadingLabel="Loading the deliveries…">
        {({ webhookDeliveries: page }) => {
          const deliveries = page.edges.map((e) => e.node);
          if (!deliveries.length) return <EmptyState icon="settings" title="Nothing delivered yet" />;
          return (
            <>
              <div className={styles.tableWrap}>
                <table className={cx(tableStyles.table, styles.deliveries)}>
                  <caption className="visually-hidden">Deliveries</caption>
                  <thead>
                    <tr>
                      {HEADERS.map((h) => (
                        <th key={h} scope="col">
                          {h === 'Actions' ? <span className="visually-hidden">{h}</span> : h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  {deliveries.map((d) => (
                    <DeliveryRows key={d.id} delivery={d} busy={busyId === d.id} redeliver={() => again(d)} />
                  ))}
                </table>
              </div>
              <ConnectionFooter connection={page} shown={deliveries.length} loading={loading} noun="deliveries" fetchMore={fetchMore} />
            </>
          );
        }}
      </Loaded>
    </Dialog>
  );
}
