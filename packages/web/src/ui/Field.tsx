import { useId, type ReactNode } from 'react';
import { cx } from './cx';
import styles from './ui.module.css';

export interface FieldProps {
  label: string;
  /** Shown below the control in red and announced with it (`aria-describedby`). */
  error?: string | null;
  hint?: string;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  className?: string;
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** Label, hint and error wiring shared by TextField and Select. */
export function Field({ label, error, hint, hideLabel, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx(styles.field, className)}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : styles.label}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <span id={hintId} className={styles.hint}>
          {hint}
        </span>
      )}
      {error && (
        <span id={errorId} className={styles.error}>
          {error}
        </span>
      )}
    </div>
  );
}
