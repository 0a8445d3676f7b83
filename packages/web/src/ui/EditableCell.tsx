import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { cx } from './cx';
import styles from './editableCell.module.css';

/** What a save answered: nothing (saved), or the message of the server's error for this value. */
export type CellSaveResult = string | null;

export interface EditableCellProps {
  /** What the cell edits, for its button and field: `Phone of Ana Diaz`. */
  label: string;
  /** The value as the field starts with (text of an input, or a select's option value). */
  value: string;
  /** The cell as it reads when not editing. */
  children: ReactNode;
  /** Whether the viewer may change it: no edit button otherwise. */
  canEdit: boolean;
  /** Saves the typed value (unchanged values are not saved); resolves to the server's error, or null once saved. */
  onSave: (value: string) => Promise<CellSaveResult>;
  /** The field: a text input of this type, or a select of `options`. */
  type?: 'text' | 'tel' | 'email' | 'date' | 'datetime-local' | 'number';
  options?: ReadonlyArray<{ value: string; label: string }>;
  className?: string;
}

/**
 * A table cell the viewer can change in place: its edit button (or Enter on it) turns it into a field; Enter or
 * leaving the field saves through the page's own update mutation, Escape cancels. The server's error stays at the
 * cell (`aria-invalid`, `aria-describedby`) with the field still open and focused, until a value is saved or the edit
 * is cancelled.
 */
export function EditableCell({ label, value, children, canEdit, onSave, type = 'text', options, className }: EditableCellProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  /** The value the server refused last (leaving the field does not send it again). */
  const [failed, setFailed] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLInputElement & HTMLSelectElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const errorId = useId();

  if (!canEdit) return <>{children}</>;

  const open = () => {
    setDraft(value);
    setError(null);
    setFailed(null);
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => button.current?.focus());
  };
  const save = async (next: string) => {
    if (saving) return;
    if (next === value) return close();
    setSaving(true);
    const problem = await onSave(next).catch((e: unknown) => (e instanceof Error ? e.message : 'It could not be saved.'));
    setSaving(false);
    if (problem === null) return close();
    setError(problem);
    setFailed(next);
    requestAnimationFrame(() => field.current?.focus());
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void save(draft);
    }
  };

  if (!editing) {
    return (
      <span className={cx(styles.cell, className)}>
        <span className={styles.value}>{children}</span>
        <button ref={button} type="button" className={styles.edit} aria-label={`Edit ${label.charAt(0).toLowerCase()}${label.slice(1)}`} onClick={open}>
          <span aria-hidden="true">✎</span>
        </button>
      </span>
    );
  }

  const common = {
    ref: field,
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    'aria-busy': saving || undefined,
    className: cx(styles.field, error && styles.invalid),
    autoFocus: true,
    onKeyDown,
  } as const;
  return (
    <span className={cx(styles.editing, className)}>
      {options ? (
        <select
          {...common}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            void save(e.target.value);
          }}
          onBlur={() => !saving && !error && close()}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input {...common} type={type} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={() => draft !== failed && void save(draft)} />
      )}
      {error && (
        <span id={errorId} className={styles.error} role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
