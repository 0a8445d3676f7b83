import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';
import styles from './ui.module.css';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  error?: string | null;
  hint?: string;
  hideLabel?: boolean;
}

export function TextField({ label, error, hint, hideLabel, className, ...input }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} hideLabel={hideLabel} className={className}>
      {(control) => <input {...input} {...control} className={styles.control} />}
    </Field>
  );
}
