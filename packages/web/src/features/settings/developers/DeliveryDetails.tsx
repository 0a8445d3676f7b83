import type { WebhookDelivery_FieldsFragment } from '../../../gql/graphql';
import { dateTimeLabel } from '../../../lib/format';
import { Badge, cx, tableStyles } from '../../../ui';
import styles from './Webhooks.module.css';

/** The body as sent, indented when it is JSON. */
export function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

/** A delivery's attempts (newest first: when, the answer or what went wrong, how long) and the exact body sent. */
export function DeliveryDetails({ delivery }: { delivery: WebhookDelivery_FieldsFragment }) {
  return (
    <div className={styles.details}>
      <h3 className={styles.detailsTitle}>Attempts</h3>
      {delivery.attemptLog.length ? (
        <table className={cx(tableStyles.table, styles.attempts)}>
          <caption className="visually-hidden">Attempts of {delivery.eventId}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">When</th>
              <th scope="col">Answer</th>
              <th scope="col">Time</th>
              <th scope="col">Response or error</th>
            </tr>
          </thead>
          <tbody>
            {delivery.attemptLog.map((a) => (
              <tr key={a.number}>
                <td>{a.number}</td>
                <td className={tableStyles.nowrap}>{dateTimeLabel(a.at)}</td>
                <td>
                  <Badge tone={a.succeeded ? 'success' : 'danger'}>{a.statusCode ?? 'No answer'}</Badge>
                </td>
                <td className={tableStyles.nowrap}>{a.latencyMs.toLocaleString('en-US')} ms</td>
                <td className={styles.excerpt}>{a.error ?? a.responseExcerpt ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className={styles.muted}>No attempt yet.</p>
      )}
      <h3 className={styles.detailsTitle}>Payload</h3>
      <pre className={styles.payload} tabIndex={0} aria-label={`Payload of ${delivery.eventId}`}>
        {prettyPayload(delivery.payload)}
      </pre>
    </div>
  );
}
