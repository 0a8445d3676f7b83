import { useQuery } from '@apollo/client/react';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { graphql } from '../../gql';
import { phoneLabel, type AddressLike } from '../../lib/format';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { Button, Spinner } from '../../ui';
import { Field } from '../../ui/Field';
import styles from './CustomerPicker.module.css';

/** A customer as the picker finds and shows it; spread with `@unmask` wherever a customer is read to be picked. */
export const CustomerPickerFragment = graphql(`
  fragment CustomerPicker_customer on Customer {
    id
    name
    email
    phone
    address { street city state zip }
  }
`);

const CustomerPickerSearchQuery = graphql(`
  query CustomerPickerSearch($search: String!) {
    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node { ...CustomerPicker_customer @unmask }
      }
    }
  }
`);

/** A customer as the picker finds and shows it. */
export interface PickedCustomer {
  id: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  address: AddressLike;
}

export interface CustomerPickerProps {
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
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

const describe = (c: PickedCustomer) =>
  [c.address.street, c.address.city, c.phone ? phoneLabel(c.phone) : c.email].filter(Boolean).join(' · ') || 'No address or phone';

/** Finds a customer by name, e-mail, phone or address (a combobox over `customers(filter: {search})`). */
export function CustomerPicker({
  value,
  onChange,
  label = 'Customer',
  optional = false,
  required = false,
  hint,
  error,
  disabled,
  placeholder = 'Search customers…',
  autoFocus,
}: CustomerPickerProps) {
  const [term, setTerm] = useState('');
  const search = useDebouncedValue(term.trim());
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  const skip = search.length < 2 || value !== null;
  const { data, loading, error: loadError } = useQuery(CustomerPickerSearchQuery, { variables: { search }, skip });
  const results: PickedCustomer[] = skip ? [] : (data?.customers.edges.map((e) => e.node) ?? []);
  const expanded = open && !skip;

  const pick = (c: PickedCustomer) => {
    onChange(c);
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
              aria-label={`${verb} customer ${value.name}`}
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
  if (expanded && loading && !results.length) status = 'Searching…';
  else if (expanded && loadError) status = 'Customers could not be searched. Try again.';
  else if (expanded && !loading && !results.length) status = `No customer matches “${search}”.`;

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
            placeholder={placeholder}
            onChange={(e) => {
              setTerm(e.target.value);
              setActive(0);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          {expanded && loading && (
            <span className={styles.spin}>
              <Spinner inline />
            </span>
          )}
          <ul id={listId} role="listbox" aria-label="Matching customers" className={styles.listbox} hidden={!expanded}>
            {results.map((c, i) => (
              <li
                key={c.id}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                className={styles.option}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(c);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <strong>{c.name}</strong>
                <span>{describe(c)}</span>
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
