import { graphql } from '../../gql';

/** What the partner form edits. */
export const PartnerFormFragment = graphql(`
  fragment PartnerForm_partner on Partner {
    id
    ...PartnerRow_partner @unmask
    notes
    referralFee {
      kind
      percent
      flatAmount
      cap
    }
  }
`);

/** A contact person as the detail page and the lead forms' picker show it. */
export const PartnerContactFragment = graphql(`
  fragment PartnerContact_contact on PartnerContact {
    id
    name
    email
    phone
    role
  }
`);

/** Everything a change to a partner may change that the list and the detail page show (updated through the cache). */
export const SavedPartnerFragment = graphql(`
  fragment PartnerSaved_partner on Partner {
    id
    ...PartnerForm_partner
    contacts { ...PartnerContact_contact }
    updatedAt
    deletedAt
  }
`);

export const CreatePartnerMutation = graphql(`
  mutation CreatePartner($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      partner { id ...PartnerSaved_partner }
      errors { field code message }
    }
  }
`);

export const UpdatePartnerMutation = graphql(`
  mutation UpdatePartner($input: UpdatePartnerInput!) {
    updatePartner(input: $input) {
      partner { id ...PartnerSaved_partner }
      errors { field code message }
    }
  }
`);
