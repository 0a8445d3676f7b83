/** Shared fixtures for the customers tests (responses as the server sends them, with `__typename`). */

export { meMock } from '../../test/fixtures';

let n = 0;

/** A customer as the list row selects it. */
export function customerRow(name: string, overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    __typename: 'Customer',
    id: `Q3VzdG9tZXI6${n}`,
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
    phone: '+16125550142',
    address: { __typename: 'Address', city: 'Minneapolis', state: 'MN' },
    customerType: 'RESIDENTIAL',
    segment: 'Homeowner',
    lifetimeValue: '0.00',
    owningTeam: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' },
    createdAt: '2026-10-01T12:00:00.000Z',
    updatedAt: '2026-11-01T12:00:00.000Z',
    deletedAt: null,
    ...overrides,
  };
}

/** A `customers` connection page. */
export function page(rows: ReadonlyArray<{ id: string }>, opts: { totalCount: number; hasNextPage: boolean }) {
  return {
    __typename: 'CustomerConnection',
    totalCount: opts.totalCount,
    edges: rows.map((node) => ({ __typename: 'CustomerEdge', cursor: `cursor-${node.id}`, node })),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: opts.hasNextPage,
      endCursor: rows.length ? `cursor-${rows[rows.length - 1]!.id}` : null,
    },
  };
}

/** Dana Hansen, the customer the form and picker tests work with: what the picker shows of her. */
export const dana = {
  __typename: 'Customer',
  id: 'Q3VzdG9tZXI6OQ',
  name: 'Dana Hansen',
  email: 'dana@example.com',
  phone: '+16125550142',
  address: { __typename: 'Address', street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
} as const;
