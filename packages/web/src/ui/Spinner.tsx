import styles from './ui.module.css';

export interface SpinnerProps {
  /** Read by screen readers. */
  label?: string;
  /** Inside text or a button, instead of a centred block. */
  inline?: boolean;
}

export function Spinner({ label = 'Loading…', inline = false }: SpinnerProps) {
  const spinner = <span className={styles.spinner} aria-hidden="true" />;
  if (inline) return spinner;
  return (
    <div className={styles.spinnerBlock} role="status">
      {spinner}
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
