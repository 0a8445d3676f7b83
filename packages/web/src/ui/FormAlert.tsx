import { cx } from './cx';
import styles from './ui.module.css';

export interface FormAlertProps {
  /** The messages not about one field; nothing is shown without any. */
  messages: readonly string[];
  className?: string;
}

/** A form's messages that are not about one field, announced as an alert above or below its fields. */
export function FormAlert({ messages, className }: FormAlertProps) {
  if (!messages.length) return null;
  return (
    <div className={cx(styles.formAlert, className)} role="alert" tabIndex={-1}>
      {messages.map((m) => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
