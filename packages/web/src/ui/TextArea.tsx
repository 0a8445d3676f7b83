import type { TextareaHTMLAttributes } from 'react';
import { Field } from './Field';
import { cx } from './cx';
import styles from './ui.module.css';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  label: string;
  error?: string | null;
  hint?: string;
  hideLabel?: boolean;
}

export function TextArea({ label, error, hint, hideLabel, className, rows = 3, ...textarea }: TextAreaProps) {
  return (
    <Field label={label} error={error} hint={hint} hideLabel={hideLabel} className={className}>
      {(control) => <textarea rows={rows} {...textarea} {...control} className={cx(styles.control, styles.textarea)} />}
    </Field>
  );
}
