import type { DuplicateCustomersQuery, MergeCandidatesQuery, MergeCustomersMutation } from '../../gql/graphql';
import type { Unmask } from '../../test/fixtures';

type Candidate = NonNullable<Unmask<MergeCandidatesQuery>['a']>;

export const DANA = 'Q3VzdG9tZXI6MQ';
export const DANA_M = 'Q3VzdG9tZXI6Mg';

export const candidate = (id: string, over: Partial<Candidate> = {}): Candidate => ({
  __typename: 'Customer',
  id,
  name: 'Dana Hansen',
  email: null,
  phone: '+16125550142',
  address: { __typename: 'Address', street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
  customerType: 'RESIDENTIAL',
  segment: null,
  emailOptIn: false,
  smsOptIn: false,
  createdAt: '2025-01-05T15:00:00.000Z',
  owningTeam: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' },
  ...over,
});

export const candidates: Unmask<MergeCandidatesQuery> = {
  a: candidate(DANA),
  b: candidate(DANA_M, { name: 'Dana M. Hansen', email: 'dana@example.com', phone: '+16125550199', segment: 'storm-2026', createdAt: '2026-02-01T15:00:00.000Z' }),
};

export const moves = { __typename: 'CustomerMergeMoves' as const, leads: 2, projects: 1, appointments: 0, interactions: 14, reviews: 0, reviewRequests: 0, messages: 3, referredLeads: 0, partnerReferrals: 1 };

export function mergePayload(dryRun: boolean, over: Partial<Unmask<MergeCustomersMutation>['mergeCustomers']> = {}): Unmask<MergeCustomersMutation> {
  return {
    mergeCustomers: {
      __typename: 'MergeCustomersPayload',
      dryRun,
      survivor: { __typename: 'Customer', id: DANA, name: 'Dana Hansen' },
      values: {
        __typename: 'MergedCustomerValues',
        name: 'Dana Hansen',
        email: 'dana@example.com',
        phone: '+16125550142',
        address: { __typename: 'Address', street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
        customerType: 'RESIDENTIAL',
        segment: 'storm-2026',
        emailOptIn: false,
        smsOptIn: false,
      },
      moves,
      errors: [],
      ...over,
    },
  };
}

export const queue: Unmask<DuplicateCustomersQuery> = {
  duplicateCustomers: {
    __typename: 'DuplicateCustomerPairConnection',
    totalCount: 1,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    edges: [
      {
        __typename: 'DuplicateCustomerPairEdge',
        cursor: 'c1',
        node: {
          __typename: 'DuplicateCustomerPair',
          id: 'RHVwbGljYXRlQ3VzdG9tZXJQYWlyOjE',
          score: 0.87,
          reasons: ['PHONE', 'NAME_AND_ADDRESS'],
          foundAt: '2026-03-01T10:00:00.000Z',
          customers: [
            { __typename: 'Customer', id: DANA, name: 'Dana Hansen', email: null, phone: '+16125550142', address: { __typename: 'Address', street: '1208 Maple Ave', city: 'Minneapolis', zip: '55401' }, owningTeam: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' } },
            { __typename: 'Customer', id: DANA_M, name: 'Dana M. Hansen', email: 'dana@example.com', phone: '+16125550142', address: { __typename: 'Address', street: '1208 maple ave', city: null, zip: '55401' }, owningTeam: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' } },
          ],
        },
      },
    ],
  },
};
