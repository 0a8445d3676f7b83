import { InMemoryCache } from '@apollo/client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { typePolicies } from '../../app/cachePolicies';
import { NotificationsPageDocument } from '../../gql/graphql';
import { meMock } from '../settings/testUtils';
import { renderMocked } from '../../test/renderMocked';
import NotificationsPage from './NotificationsPage';

const node = (n: number) => ({
  __typename: 'Notification',
  id: `Tm90aWZpY2F0aW9uOj${n}`,
  kind: 'FOLLOW_UP_DUE',
  title: `Follow up ${n}`,
  body: null,
  readAt: n % 2 ? null : '2026-11-21T09:00:00.000Z',
  createdAt: '2026-11-22T09:00:00.000Z',
  subject: { __typename: 'Lead', id: `TGVhZDo${n}` },
});
const page = (after: string | null, nodes: number[], hasNextPage: boolean) => ({
  request: { query: NotificationsPageDocument, variables: { first: 20, unreadOnly: false, ...(after ? { after } : {}) } },
  result: {
    data: {
      notifications: {
        __typename: 'NotificationConnection',
        totalCount: 3,
        unreadCount: 2,
        edges: nodes.map((n) => ({ __typename: 'NotificationEdge', cursor: `c${n}`, node: node(n) })),
        pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${nodes.at(-1)}` },
      },
    },
  },
});

describe('NotificationsPage', () => {
  it('lists notifications with links to their records and loads the next page below', async () => {
    renderMocked(
      [meMock('SALES'), page(null, [1, 2], true), page('c2', [3], false)],
      '/notifications',
      { '/notifications': <NotificationsPage /> },
      new InMemoryCache({ typePolicies }),
    );
    const list = await screen.findByRole('list', { name: 'Notifications' });
    const hrefs = within(list)
      .getAllByRole('link')
      .map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['/leads/TGVhZDo1', '/leads/TGVhZDo2']);
    expect(screen.getByText('2 unread')).toBeInTheDocument();
    expect(screen.getByText('2 of 3')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('3 of 3')).toBeInTheDocument();
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });
});
