/** Shared fixtures for the reviews tests (responses as the server sends them, with `__typename`). */

export const CUSTOMER = { __typename: 'Customer', id: 'Q3VzdG9tZXI6MQ', name: 'Dana Hansen' } as const;
export const PROJECT = { __typename: 'Project', id: 'UHJvamVjdDox', name: 'Hansen – full replacement' } as const;
export const TEAM = { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' } as const;
export const SAM = { __typename: 'User', id: 'VXNlcjox', name: 'Sam Carter' } as const;

let n = 0;

/** A review as the list row selects it. */
export function reviewRow(authorName: string, overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    __typename: 'Review' as const,
    id: `UmV2aWV3Ojk${n}`,
    platform: 'GOOGLE' as const,
    rating: 5,
    authorName,
    text: 'The crew was on time, kept the yard clean and the new roof looks great.' as string | null,
    status: 'NEW' as const,
    postedAt: '2026-11-02T15:00:00.000Z',
    customer: CUSTOMER as { __typename: 'Customer'; id: string; name: string } | null,
    project: PROJECT as { __typename: 'Project'; id: string; name: string } | null,
    updatedAt: '2026-11-02T16:00:00.000Z',
    deletedAt: null as string | null,
    ...overrides,
  };
}

/** A review as the detail page (and every mutation's answer) selects it. */
export function reviewDetail(overrides: Record<string, unknown> = {}) {
  return {
    ...reviewRow('Dana Hansen'),
    id: 'UmV2aWV3OjE',
    url: 'https://g.page/r/hansen' as string | null,
    flagReason: null as string | null,
    response: null as null | { __typename: 'ReviewResponse'; text: string; respondedBy: typeof SAM | null; respondedAt: string },
    owningTeam: TEAM,
    createdBy: SAM,
    createdAt: '2026-11-02T16:00:00.000Z',
    ...overrides,
  };
}

/** A `reviews` connection page. */
export function reviewPage(rows: ReadonlyArray<{ id: string }>, opts = { totalCount: rows.length, hasNextPage: false }) {
  return {
    __typename: 'ReviewConnection',
    totalCount: opts.totalCount,
    edges: rows.map((node) => ({ __typename: 'ReviewEdge', cursor: `cursor-${node.id}`, node })),
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: opts.hasNextPage,
      endCursor: rows.length ? `cursor-${rows[rows.length - 1]!.id}` : null,
    },
  };
}
