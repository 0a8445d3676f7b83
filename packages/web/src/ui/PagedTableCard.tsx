import type { ReactNode } from 'react';
import { ListFooter, type ListFooterProps } from './ListFooter';
import styles from './pagedTableCard.module.css';

export interface PagedTableCardProps {
  /** `customers`: the summary reads `Showing 2 of 3 customers`. */
  noun: string;
  shown: number;
  total: number;
  /** Said on the right of the summary (the order, the period of the numbers). */
  note?: ReactNode;
  /** Why the last "Load more" failed. */
  moreError?: string | null;
  /** `useLoadMore`'s footer for the list; shown while there is a next page. */
  footer: Omit<ListFooterProps, 'inset' | 'className'>;
  /** The table. */
  children: ReactNode;
}

/** A list page's table: how many rows of how many above it, in a card, with "Load more" and its error below. */
export function PagedTableCard({ noun, shown, total, note, moreError, footer, children }: PagedTableCardProps) {
  return (
    <>
      <div className={styles.summary}>
        <span role="status" aria-live="polite">
          Showing <strong>{shown}</strong> of <strong>{total}</strong> {noun}
        </span>
        {note && <span>{note}</span>}
      </div>
      <div className={styles.tableCard}>
        {children}
        {moreError && (
          <div className={styles.moreError} role="alert">
            More {noun} could not be loaded: {moreError}
          </div>
        )}
        {footer.hasMore && <ListFooter inset className={styles.tableFooter} {...footer} />}
      </div>
    </>
  );
}
