import type { ReactNode } from 'react';
import { Button } from './Button';
import { Icon, type IconName } from './Icon';
import styles from './ui.module.css';

export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  icon?: IconName;
  action?: ReactNode;
}

export function EmptyState({ title, description, icon = 'inbox', action }: EmptyStateProps) {
  return (
    <div className={styles.state}>
      <span className={styles.stateIcon}>
        <Icon name={icon} size={28} />
      </span>
      <p className={styles.stateTitle}>{title}</p>
      {description && <p>{description}</p>}
      {action}
    </div>
  );
}

export interface ErrorStateProps {
  title?: string;
  /** The error to explain; its message is shown as is (the server never puts internals in it). */
  error?: { message: string } | null;
  onRetry?: () => void;
  /** The retry button's text. */
  retryLabel?: string;
}

export function ErrorState({ title = 'Something went wrong', error, onRetry, retryLabel = 'Try again' }: ErrorStateProps) {
  return (
    <div className={styles.state} role="alert">
      <span className={styles.stateIcon}>
        <Icon name="alert" size={28} />
      </span>
      <p className={styles.stateTitle}>{title}</p>
      {error && <p>{error.message}</p>}
      {onRetry && <Button onClick={onRetry}>{retryLabel}</Button>}
    </div>
  );
}
