import { graphql } from '../../gql';

export const CustomerFormFragment = graphql(`
  fragment CustomerForm_customer on Customer {
    id
    ...CustomerPicker_customer @unmask
    customerType
    segment
    emailOptIn
    smsOptIn
    owningTeam {
      id
      name
    }
  }
`);

/** Everything the list row and the detail header show, so a save updates them in place through the cache. */
export const SavedCustomerFragment = graphql(`
  fragment CustomerForm_saved on Customer {
    id
    ...CustomerForm_customer
    lifetimeValue
    createdAt
    updatedAt
    deletedAt
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!) {
    createCustomer(input: $input) {
      customer { id ...CustomerForm_saved }
      errors { field code message }
    }
  }
`);

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($input: UpdateCustomerInput!) {
    updateCustomer(input: $input) {
      customer { id ...CustomerForm_saved }
      errors { field code message }
    }
  }
`);

export const CustomerFormTeamsQuery = graphql(`
  query CustomerFormTeams {
    teams {
      id
      name
      manager {
        id
      }
    }
  }
`);
