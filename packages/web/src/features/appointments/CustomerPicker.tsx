import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { Select, TextField } from '../../ui';
import styles from './appointments.module.css';

const BookingCustomersQuery = graphql(`
  query BookingCustomers($search: String) {
    customers(first: 8, filter: { search: $search }, orderBy: { field: NAME }) {
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
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
  error?: string | null;
  disabled?: boolean;
}

/** Finds a customer by name, e-mail, phone or address and picks one of the first matches. */
export function CustomerPicker({ value, onChange, error, disabled }: CustomerPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, loading } = useQuery(BookingCustomersQuery, { variables: { search: debounced || null } });
  const found = (data?.customers.edges ?? []).map(({ node }) => node);
  const options = found.map((c) => ({ value: c.id, label: c.address.city ? `${c.name} (${c.address.city})` : c.name }));
  if (value && !found.some((c) => c.id === value.id)) options.unshift({ value: value.id, label: value.name });

  return (
    <div className={styles.row}>
      <TextField
        label="Find a customer"
        type="search"
        value={search}
        placeholder="Name, phone or address"
        disabled={disabled}
        onChange={(e) => setSearch(e.target.value)}
      />
      <Select
        label="Customer"
        required
        value={value?.id ?? ''}
        placeholder={loading && !data ? 'Searching…' : options.length ? 'Choose a customer…' : 'No customer found'}
        options={options}
        disabled={disabled}
        error={error}
        onChange={(e) => {
          const id = e.target.value;
          const picked = found.find((c) => c.id === id) ?? (value?.id === id ? value : null);
          onChange(picked ? { id: picked.id, name: picked.name } : null);
        }}
      />
    </div>
  );
}
