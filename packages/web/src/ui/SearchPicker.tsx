import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { Button } from './Button';
import { Field } from './Field';
import { Spinner } from './Spinner';
import styles from './searchPicker.module.css';

/** What a picker's search found for the typed words (a hook: called on every render with the same `skip` rule). */
export interface PickerSearch<T> {
  results: readonly T[];
  loading: boolean;
  error?: unknown;
}

/** What a picker built on SearchPicker takes from its user (the label has a default there). */
export interface PickerProps<T> {
  value: T | null;
  onChange: (item: T | null) => void;
  label?: string;
  /** "(optional)" after the label while none is chosen; the chosen one is "Remove"d rather than "Change"d. */
  optional?: boolean;
  required?: boolean;
  hint?: string;
  error?: string | null;
  disabled?: boolean;
  placeholder?: string;
  autoFocus?: boolean;
}

export interface SearchPickerProps<T extends { id: string; name: string }> extends PickerProps<T> {
  label: string;
  /** `customer`: "Change customer Dana", "No customer matches …". */
  noun: string;
  /** Searches for the (debounced, 2+ characters) words; `skip` while nothing is to be asked. */
  useSearch: (search: string, skip: boolean) => PickerSearch<T>;
  /** The line under an item's name. */
  describe: (item: T) => string;
}

/** Finds one item by typing (a combobox over a search), or shows the chosen one with Change/Remove. */
export function SearchPicker<T extends { id: string; name: string }>({
  value,
  onChange,
  noun,
  useSearch,
  describe,
  label,
  optional = false,
  required = false,
  hint,
  error,
  disabled,
  placeholder,
  autoFocus,
}: SearchPickerProps<T>) {
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim());
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  const skip = search.length < 2 || value !== null;
  const found = useSearch(search, skip);
  const results = skip ? [] : found.results;
  const expanded = open && !skip;

  const pick = (item: T) => {
    onChange(item);
    setTerm('');
    setOpen(false);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (results.length) setActive((i) => (i + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length);
    } else if (e.key === 'Enter' && expanded && results[active]) {
      e.preventDefault();
      pick(results[active]);
    } else if (e.key === 'Escape' && expanded) {
      // Close the list only, not the dialog around it.
      e.preventDefault();
      e.nativeEvent.stopImmediatePropagation();
      setOpen(false);
    }
  };

  if (value) {
    const verb = optional ? 'Remove' : 'Change';
    return (
      <Field label={label} error={error} hint={hint}>
        {(control) => (
          <div className={styles.picked}>
            <output id={control.id} aria-describedby={control['aria-describedby']} className={styles.pickedText}>
              <strong>{value.name}</strong>
              <span>{describe(value)}</span>
            </output>
            <Button
              size="sm"
              variant="ghost"
              className={styles.clear}
              disabled={disabled}
              aria-label={`${verb} ${noun} ${value.name}`}
              onClick={() => {
                onChange(null);
                requestAnimationFrame(() => inputRef.current?.focus());
              }}
            >
              {verb}
            </Button>
          </div>
        )}
      </Field>
    );
  }

  const optionId = (i: number) => `${listId}-${i}`;
  let status: string | null = null;
  if (expanded && found.loading && !results.length) status = 'Searching…';
  else if (expanded && found.error) status = `The ${noun}s could not be searched. Try again.`;
  else if (expanded && !found.loading && !results.length) status = `No ${noun} matches “${search}”.`;

  return (
    <Field label={optional ? `${label} (optional)` : label} error={error} hint={hint}>
      {(control) => (
        <div className={styles.combo}>
          <input
            {...control}
            ref={inputRef}
            className={styles.input}
            type="search"
            role="combobox"
            autoComplete="off"
            autoFocus={autoFocus}
            aria-required={required || undefined}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-activedescendant={expanded && results[active] ? optionId(active) : undefined}
            value={term}
            disabled={disabled}
            placeholder={placeholder ?? `Search ${noun}s…`}
            onChange={(e) => {
              setTerm(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          {expanded && found.loading && (
            <span className={styles.spin}>
              <Spinner inline />
            </span>
          )}
          <ul id={listId} role="listbox" aria-label={`Matching ${noun}s`} className={styles.listbox} hidden={!expanded}>
            {results.map((item, i) => (
              <li
                key={item.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={styles.option}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(item);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <strong>{item.name}</strong>
                <span>{describe(item)}</span>
              </li>
            ))}
            {status && (
              <li role="presentation" className={styles.note}>
                {status}
              </li>
            )}
          </ul>
        </div>
      )}
    </Field>
  );
}
