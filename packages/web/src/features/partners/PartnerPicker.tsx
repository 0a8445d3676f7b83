import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { PartnerKind } from '../../gql/graphql';
import { SearchPicker, type PickerProps, type PickerSearch } from '../../ui';
import { kindLabel } from './partnerFormat';

/** A partner as the picker finds and shows it, with its contacts to choose the referring person from. */
export const PartnerPickerFragment = graphql(`
  fragment PartnerPicker_partner on Partner {
    id
    name
    kind
    contacts {
      id
      name
      role
    }
  }
`);

// Ended partnerships refer no more leads (the server refuses them): only active and paused ones are offered.
const PartnerPickerSearchQuery = graphql(`
  query PartnerPickerSearch($search: String!) {
    partners(first: 8, filter: { search: $search, statuses: [ACTIVE, PAUSED] }, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node { ...PartnerPicker_partner @unmask }
      }
    }
  }
`);

export interface PickedPartner {
  id: string;
  name: string;
  kind: PartnerKind;
  contacts: ReadonlyArray<{ id: string; name: string; role?: string | null }>;
}

function usePartnerSearch(search: string, skip: boolean): PickerSearch<PickedPartner> {
  const { data, loading, error } = useQuery(PartnerPickerSearchQuery, { variables: { search }, skip });
  return { results: data?.partners.edges.map((e) => e.node) ?? [], loading, error };
}

const describe = (p: PickedPartner) =>
  [kindLabel(p.kind), `${p.contacts.length} contact${p.contacts.length === 1 ? '' : 's'}`].join(' · ');

export type PartnerPickerProps = PickerProps<PickedPartner>;

/** Finds a referral partner (active or paused) by its name or a contact's name, e-mail or phone. */
export function PartnerPicker({ label = 'Partner', ...props }: PartnerPickerProps) {
  return <SearchPicker {...props} label={label} noun="partner" useSearch={usePartnerSearch} describe={describe} />;
}
