import { useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { graphql } from '../../gql';
import { Button, Spinner, TextField } from '../../ui';
import { useDebounced } from './useDebounced';
import styles from './interactions.module.css';

const InteractionCustomerPickerQuery = graphql(`
  query InteractionCustomerPicker($search: String!) {
    customers(first: 6, filter: { search: $search }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          address {
            city
          }
        }
      }
    }
  }
`);

export interface PickedCustomer {
  id: string;
  name: string;
}

export interface CustomerPickerProps {
  label: string;
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
  error?: string | null;
  autoFocus?: boolean;
}

/** Finds a customer by name, e-mail, phone or address (office roles) and shows the chosen one with "Change". */
export function CustomerPicker({ label, value, onChange, error, autoFocus }: CustomerPickerProps) {
  const [text, setText] = useState('');
  const search = useDebounced(text.trim());
  const resultsId = useId();
  const { data, loading } = useQuery(InteractionCustomerPickerQuery, {
    variables: { search },
    skip: value !== null || search.length < 2,
  });

  if (value) {
    return (
      <div className={styles.picked}>
        <span className={styles.pickedLabel}>{label}</span>
        <span className={styles.pickedValue}>
          <strong>{value.name}</strong>
          <Button size="sm" variant="ghost" onClick={() => onChange(null)} className={styles.touch}>
            Change
          </Button>
        </span>
        {error && <span className={styles.fieldError}>{error}</span>}
      </div>
    );
  }

  const results = search.length >= 2 ? (data?.customers.edges ?? []) : [];
  return (
    <div className={styles.pickerWrap}>
      <TextField
        label={label}
        type="search"
        placeholder="Name, phone, e-mail or street"
        value={text}
        autoFocus={autoFocus}
        autoComplete="off"
        error={error}
        aria-controls={resultsId}
        onChange={(e) => setText(e.target.value)}
      />
      <div id={resultsId} aria-live="polite">
        {loading && <Spinner inline />}
        {!loading && search.length >= 2 && results.length === 0 && (
          <p className={styles.muted}>No customer matches “{search}”.</p>
        )}
        {results.length > 0 && (
          <ul className={styles.pickerList} aria-label="Matching customers">
            {results.map(({ node }) => (
              <li key={node.id}>
                <button
                  type="button"
                  className={styles.pickerOption}
                  onClick={() => onChange({ id: node.id, name: node.name })}
                >
                  <strong>{node.name}</strong>
                  {node.address.city && <span className={styles.muted}>{node.address.city}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
