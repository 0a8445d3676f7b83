import type { ReactNode } from 'react';
import { cx } from './cx';
import styles from './ui.module.css';

export interface CardProps {
  title?: ReactNode;
  /** A short line under the title: what the card shows (a metric's definition). */
  description?: ReactNode;
  /** Controls on the right of the title. */
  actions?: ReactNode;
  className?: string;
  bodyClassName?: string;
  children: ReactNode;
}

export function Card({ title, description, actions, className, bodyClassName, children }: CardProps) {
  return (
    <section className={cx(styles.card, className)}>
      {(title || actions) && (
        <header className={styles.cardHeader}>
          {title && <h2 className={styles.cardTitle}>{title}</h2>}
          {actions}
        </header>
      )}
      {description && <p className={styles.cardDescription}>{description}</p>}
      <div className={cx(styles.cardBody, bodyClassName)}>{children}</div>
    </section>
  );
}
