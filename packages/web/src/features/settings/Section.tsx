import { useId, type ReactNode } from 'react';
import { Button, Card, ErrorState, FormAlert, ListFooter, Spinner } from '../../ui';
import shared from './settings.module.css';
import styles from './Section.module.css';

export interface SectionProps {
  title: string;
  description?: ReactNode;
  /** Buttons on the right of the title. */
  actions?: ReactNode;
  children: ReactNode;
}

/** One settings sub-page: its heading, what it is for, its actions and its content. */
export function Section({ title, description, actions, children }: SectionProps) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={shared.section}>
      <header className={styles.sectionHeader}>
        <div>
          <h2 id={id} className={styles.sectionTitle}>
            {title}
          </h2>
          {description && <p className={styles.sectionDescription}>{description}</p>}
        </div>
        {actions && <div className={styles.sectionActions}>{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/** Messages not about one field (or a success note), above a form's buttons. */
export function FormMessages({ errors, success }: { errors?: readonly string[]; success?: string | null }) {
  return (
    <>
      <FormAlert messages={errors ?? []} />
      <div role="status" className={success ? shared.formSuccess : shared.live}>
        {success}
      </div>
    </>
  );
}

/** A section's "Refresh": its query again (while it loads, disabled; a failure keeps what is shown). */
export function RefreshButton({ refetch, loading }: { refetch: () => Promise<unknown>; loading: boolean }) {
  return (
    <Button variant="secondary" onClick={() => void refetch().catch(() => undefined)} disabled={loading}>
      Refresh
    </Button>
  );
}

export interface LoadedProps<D> {
  data: D | undefined;
  error?: { message: string } | null;
  onRetry: () => void;
  /** `Teams could not be loaded`. */
  errorTitle: string;
  /** `Loading teams…`. */
  loadingLabel: string;
  children: (data: D) => ReactNode;
}

/** A section's body once its query has answered; until then a spinner, or the load error in a card with "Try again". */
export function Loaded<D>({ data, error, onRetry, errorTitle, loadingLabel, children }: LoadedProps<D>) {
  if (error && !data) {
    return (
      <Card>
        <ErrorState title={errorTitle} error={error} onRetry={onRetry} />
      </Card>
    );
  }
  if (!data) return <Spinner label={loadingLabel} />;
  return children(data);
}

export interface ConnectionFooterProps {
  /** The page shown last: its total and whether another follows. */
  connection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
  /** Rows shown now. */
  shown: number;
  loading: boolean;
  noun?: string;
  /** The query's `fetchMore` (the cache appends the page). */
  fetchMore: (options: { variables: { after: string | null } }) => Promise<unknown>;
}

/** Under a section's paged table: how many rows of how many, and "Load more" (the page after the last one shown). */
export function ConnectionFooter({ connection, shown, loading, noun, fetchMore }: ConnectionFooterProps) {
  const after = connection.pageInfo.endCursor ?? null;
  return (
    <ListFooter
      shown={shown}
      total={connection.totalCount}
      hasMore={connection.pageInfo.hasNextPage}
      loading={loading}
      noun={noun}
      onLoadMore={() => void fetchMore({ variables: { after } }).catch(() => undefined)}
    />
  );
}
