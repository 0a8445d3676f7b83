import type { TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/** Every argument of a connection field except the cursor ones: each filter/order combination is its own list. */
const list = (...keyArgs: string[]) => relayStylePagination(keyArgs.length ? keyArgs : false);

/**
 * How the cache stores paged lists: pages fetched with `fetchMore({ variables: { after } })` are appended to the
 * list they continue, so "Load more" and infinite scroll need no hand-written merging.
 */
export const typePolicies: TypePolicies = {
  Query: {
    fields: {
      customers: list('filter', 'orderBy'),
      leads: list('filter', 'orderBy'),
      projects: list('filter', 'orderBy'),
      appointments: list('filter', 'orderBy'),
      interactions: list('filter', 'orderBy'),
      notifications: list('unreadOnly'),
      users: list('filter'),
      auditLog: list('filter'),
    },
  },
};
