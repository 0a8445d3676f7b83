import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { phoneLabel, type AddressLike } from '../../lib/format';
import { SearchPicker, type PickerProps, type PickerSearch } from '../../ui';

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

export type CustomerPickerProps = PickerProps<PickedCustomer>;

const describe = (c: PickedCustomer) =>
  [c.address.street, c.address.city, c.phone ? phoneLabel(c.phone) : c.email].filter(Boolean).join(' · ') || 'No address or phone';

function useCustomerSearch(search: string, skip: boolean): PickerSearch<PickedCustomer> {
  const { data, loading, error } = useQuery(CustomerPickerSearchQuery, { variables: { search }, skip });
  return { results: data?.customers.edges.map((e) => e.node) ?? [], loading, error };
}

/** Finds a customer by name, e-mail, phone or address (a combobox over `customers(filter: {search})`). */
export function CustomerPicker({ label = 'Customer', placeholder = 'Search customers…', ...props }: CustomerPickerProps) {
  return (
    <SearchPicker {...props} label={label} placeholder={placeholder} noun="customer" useSearch={useCustomerSearch} describe={describe} />
  );
}
