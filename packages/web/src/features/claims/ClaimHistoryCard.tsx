import type { ClaimDetail_ClaimFragment } from '../../gql/graphql';
import { dateTimeLabel } from '../../lib/format';
import { Card } from '../../ui';
import { claimStatusLabel } from './claimFormat';
import styles from './ClaimDetail.module.css';

/** The claim's moves between stages, newest first, with who moved it and why. */
export function ClaimHistoryCard({ history }: { history: ClaimDetail_ClaimFragment['statusHistory'] }) {
  const newestFirst = [...history].reverse();
  return (
    <Card title="Status history">
      {newestFirst.length === 0 ? (
        <p className={styles.muted}>No moves yet.</p>
      ) : (
        <ol className={styles.history}>
          {newestFirst.map((h, i) => (
            <li key={`${h.changedAt}-${i}`}>
              <p>
                <strong>{h.from ? `${claimStatusLabel(h.from)} → ${claimStatusLabel(h.to)}` : `Recorded as ${claimStatusLabel(h.to)}`}</strong>
              </p>
              {h.reason && <p className={styles.reason}>“{h.reason}”</p>}
              <p className={styles.meta}>
                <time dateTime={h.changedAt}>{dateTimeLabel(h.changedAt)}</time>
                {h.changedBy && ` · ${h.changedBy.name}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
