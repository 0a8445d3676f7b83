import type { ReactNode } from 'react';
import styles from './leadDetail.module.css';

/** Labelled values in a grid (a `<dl>`); a missing value shows as a dash. The lead and partner pages' facts. */
export function Facts({ items }: { items: ReadonlyArray<[string, ReactNode]> }) {
  return (
    <dl className={styles.facts}>
      {items.map(([term, value]) => (
        <div key={term} className={styles.fact}>
          <dt>{term}</dt>
          <dd>{value ?? <span className={styles.muted}>—</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
