import { graphql } from '../../gql';

export const PossibleDuplicatesQuery = graphql(`
  query PossibleDuplicates($input: PossibleDuplicatesInput!) {
    possibleDuplicates(input: $input) {
      score
      reasons
      customer {
        id
        name
        email
        phone
      }
      lead {
        id
        contactName
        contactEmail
        contactPhone
        status
      }
    }
  }
`);

export const DuplicateCustomersQuery = graphql(`
  query DuplicateCustomers($first: Int!, $after: String) {
    duplicateCustomers(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          score
          reasons
          foundAt
          customers {
            id
            name
            email
            phone
            address {
              street
              city
              zip
            }
            owningTeam {
              id
              name
            }
          }
        }
      }
    }
  }
`);

export const DismissDuplicateMutation = graphql(`
  mutation DismissDuplicate($id: ID!) {
    dismissDuplicateCustomers(id: $id) {
      pair {
        id
        dismissedAt
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export const MergeCandidateFragment = graphql(`
  fragment MergeCandidate_customer on Customer {
    id
    name
    email
    phone
    address {
      street
      city
      state
      zip
    }
    customerType
    segment
    emailOptIn
    smsOptIn
    createdAt
    owningTeam {
      id
      name
    }
  }
`);

export const MergeCandidatesQuery = graphql(`
  query MergeCandidates($a: ID!, $b: ID!) {
    a: customer(id: $a) {
      ...MergeCandidate_customer @unmask
    }
    b: customer(id: $b) {
      ...MergeCandidate_customer @unmask
    }
  }
`);

export const MergeCustomersMutation = graphql(`
  mutation MergeCustomers($input: MergeCustomersInput!) {
    mergeCustomers(input: $input) {
      dryRun
      survivor {
        id
        name
      }
      values {
        name
        email
        phone
        address {
          street
          city
          state
          zip
        }
        customerType
        segment
        emailOptIn
        smsOptIn
      }
      moves {
        leads
        projects
        appointments
        interactions
        reviews
        reviewRequests
        messages
        referredLeads
        partnerReferrals
      }
      errors {
        field
        code
        message
      }
    }
  }
`);
