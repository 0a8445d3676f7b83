import { useId, type ReactNode } from 'react';
import { Card, ErrorState, FormAlert, Spinner } from '../../ui';
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
