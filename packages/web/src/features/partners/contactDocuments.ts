import { graphql } from '../../gql';

// A contact change answers with the partner: its contacts list (and change time) is what the cache takes.
graphql(`
  fragment PartnerContacts_partner on Partner {
    id
    contacts { ...PartnerContact_contact }
    updatedAt
  }
`);

export const AddPartnerContactMutation = graphql(`
  mutation AddPartnerContact($partnerId: ID!, $input: PartnerContactInput!) {
    addPartnerContact(partnerId: $partnerId, input: $input) {
      partner { ...PartnerContacts_partner }
      errors { field code message }
    }
  }
`);

export const UpdatePartnerContactMutation = graphql(`
  mutation UpdatePartnerContact($input: UpdatePartnerContactInput!) {
    updatePartnerContact(input: $input) {
      partner { ...PartnerContacts_partner }
      errors { field code message }
    }
  }
`);

export const RemovePartnerContactMutation = graphql(`
  mutation RemovePartnerContact($id: ID!) {
    removePartnerContact(id: $id) {
      partner { ...PartnerContacts_partner }
      errors { field code message }
    }
  }
`);
