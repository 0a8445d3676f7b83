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
      partners: list('filter', 'orderBy'),
      reviews: list('filter', 'orderBy'),
      apiKeys: list('filter'),
      apiUsageRows: list('filter'),
      webhookEndpoints: list(),
      webhookDeliveries: list('endpointId', 'filter'),
      leads: list('filter', 'orderBy'),
      projects: list('filter', 'orderBy'),
      appointments: list('filter', 'orderBy'),
      interactions: list('filter', 'orderBy'),
      notifications: list('unreadOnly'),
      users: list('filter'),
      auditLog: list('filter'),
      messages: list('filter'),
      reviewRequests: list('filter'),
      imports: list('kind'),
      duplicateCustomers: list(),
      claims: list('filter', 'orderBy'),
      attachments: list('ownerId', 'kinds', 'deleted'),
    },
  },
  // A claim's money and adjuster have no ID: pages that read different parts of them share one merged object.
  ClaimMoney: { merge: true },
  ClaimAdjuster: { merge: true },
  Import: {
    fields: {
      rows: list('phase', 'outcome'),
    },
  },
  Partner: {
    fields: {
      referrals: list('statuses'),
      referralFees: list('statuses'),
    },
  },
};
