import type { ReactNode } from 'react';
import { cx } from './cx';
import styles from './ui.module.css';

export interface CardProps {
  title?: ReactNode;
  /** Controls on the right of the title. */
  actions?: ReactNode;
  className?: string;
  bodyClassName?: string;
  children: ReactNode;
}

export function Card({ title, actions, className, bodyClassName, children }: CardProps) {
  return (
    <section className={cx(styles.card, className)}>
      {(title || actions) && (
        <header className={styles.cardHeader}>
          {title && <h2 className={styles.cardTitle}>{title}</h2>}
          {actions}
        </header>
      )}
      <div className={cx(styles.cardBody, bodyClassName)}>{children}</div>
    </section>
  );
}
