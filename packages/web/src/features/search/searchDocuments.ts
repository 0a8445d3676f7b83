import { graphql } from '../../gql';

/** The palette's query: a few of each kind, best match first, with the field that matched. */
export const GlobalSearchQuery = graphql(`
  query GlobalSearch($query: String!, $first: Int) {
    search(query: $query, first: $first) {
      query
      customers {
        field
        text
        node {
          id
          name
          address {
            city
          }
        }
      }
      leads {
        field
        text
        node {
          id
          contactName
          status
          customer {
            id
            name
          }
        }
      }
      projects {
        field
        text
        node {
          id
          name
          status
          customer {
            id
            name
          }
        }
      }
      partners {
        field
        text
        node {
          id
          name
          kind
        }
      }
    }
  }
`);
