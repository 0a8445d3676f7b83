import { Button } from './Button';
import { cx } from './cx';
import styles from './ui.module.css';

export interface ListFooterProps {
  /** How many rows the list shows now. */
  shown: number;
  /** How many there are in all. */
  total: number;
  /** Whether another page can be loaded (shows the "Load more" button). */
  hasMore: boolean;
  /** A page is loading: the button shows a spinner. */
  loading?: boolean;
  /** The button is disabled (e.g. while the list is refetching). */
  disabled?: boolean;
  onLoadMore: () => void;
  /** Before the count: `Showing` gives `Showing 12 of 40`. */
  prefix?: string;
  /** After the count: `leads` gives `12 of 40 leads`. */
  noun?: string;
  /** Phones: "Load more" spans the footer, a large touch target. */
  blockButtonOnPhones?: boolean;
  /** Inside a card, under its table: centred below a rule, the button above the count. */
  inset?: boolean;
  className?: string;
}

/** The foot of a paged list: how many rows are shown of how many (announced politely) and "Load more". */
export function ListFooter({
  shown,
  total,
  hasMore,
  loading = false,
  disabled,
  onLoadMore,
  prefix,
  noun,
  inset = false,
  blockButtonOnPhones = false,
  className,
}: ListFooterProps) {
  const count = [prefix, `${shown} of ${total}`, noun].filter(Boolean).join(' ');
  return (
    <div className={cx(styles.listFooter, inset && styles.listFooterInset, blockButtonOnPhones && styles.listFooterBlockButton, className)}>
      <span aria-live="polite">{count}</span>
      {hasMore && (
        <Button onClick={onLoadMore} loading={loading} disabled={disabled}>
          Load more
        </Button>
      )}
    </div>
  );
}
