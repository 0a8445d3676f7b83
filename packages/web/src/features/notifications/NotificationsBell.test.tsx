import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { NotificationsBell } from './NotificationsBell';
import { MarkNotificationReadDocument, NotificationsBellDocument } from '../../gql/graphql';
import { meMock, renderWithApi } from '../settings/testUtils';

const notification = (id: string, title: string, over: Record<string, unknown> = {}) => ({
  __typename: 'Notification',
  id,
  kind: 'PROJECT_STATUS_CHANGED',
  title,
  body: null,
  readAt: null,
  createdAt: '2026-11-22T09:00:00.000Z',
  subject: null,
  ...over,
});
const bellMock = (nodes: object[], unreadCount: number) => ({
  request: { query: NotificationsBellDocument },
  result: {
    data: {
      notifications: {
        __typename: 'NotificationConnection',
        unreadCount,
        edges: nodes.map((node) => ({ __typename: 'NotificationEdge', node })),
      },
    },
  },
});
const markMock = (id: string, unreadCount: number, spy: jest.Mock) => ({
  request: { query: MarkNotificationReadDocument, variables: { id } },
  result: () => {
    spy(id);
    return {
      data: {
        markNotificationRead: { __typename: 'MarkNotificationsReadPayload', markedCount: 1, unreadCount, errors: [] },
      },
    };
  },
});

function ProjectPage() {
  return <h1>Project {useParams().id}</h1>;
}

function ReviewPage() {
  return <h1>Review {useParams().id}</h1>;
}

describe('NotificationsBell', () => {
  it('shows phone numbers as everywhere else, not raw E.164', async () => {
    renderWithApi(
      <NotificationsBell />,
      [
        meMock('SALES'),
        bellMock(
          [notification('Tm90aWZpY2F0aW9uOjM', 'Follow up with Pat Lee', { kind: 'FOLLOW_UP_DUE', body: 'The follow-up was due Mon.\nPhone: +17635559486' })],
          1,
        ),
      ],
      { path: '/settings' },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const panel = screen.getByRole('region', { name: 'Notifications' });
    expect(within(panel).getByText(/Phone:/)).toHaveTextContent('Phone: (763) 555-9486');
    expect(panel).not.toHaveTextContent('+17635559486');
  });


  it('marks a clicked notification read and opens what it is about', async () => {
    const marked = jest.fn();
    renderWithApi(
      <NotificationsBell />,
      [
        meMock('FIELD_TECH'),
        bellMock(
          [
            notification('Tm90aWZpY2F0aW9uOjE', 'Maple Ave roof is in progress', {
              subject: { __typename: 'Project', id: 'UHJvamVjdDo3' },
            }),
            notification('Tm90aWZpY2F0aW9uOjI', 'Older news', { readAt: '2026-11-21T09:00:00.000Z' }),
          ],
          1,
        ),
        markMock('Tm90aWZpY2F0aW9uOjE', 0, marked),
      ],
      { path: '/settings', routes: { '/projects/:id': <ProjectPage /> } },
    );
    const user = userEvent.setup();
    const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
    await user.click(bell);
    const panel = screen.getByRole('region', { name: 'Notifications' });
    const link = within(panel).getByRole('link', { name: /Maple Ave roof is in progress/ });
    expect(link).toHaveAccessibleName(expect.stringMatching(/^Unread: /));
    expect(link).toHaveAttribute('href', '/projects/UHJvamVjdDo3');

    await user.click(link);

    expect(await screen.findByRole('heading', { name: 'Project UHJvamVjdDo3' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/projects/UHJvamVjdDo3');
    await waitFor(() => expect(marked).toHaveBeenCalledWith('Tm90aWZpY2F0aW9uOjE'));
  });

  it('marks one without a page read in place and drops the count', async () => {
    const marked = jest.fn();
    renderWithApi(
      <NotificationsBell />,
      [
        meMock('SALES'),
        bellMock([notification('Tm90aWZpY2F0aW9uOjM', 'A lead you no longer see')], 1),
        markMock('Tm90aWZpY2F0aW9uOjM', 0, marked),
      ],
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    await user.click(screen.getByRole('button', { name: /A lead you no longer see/ }));

    await waitFor(() => expect(marked).toHaveBeenCalledTimes(1));
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    // Still open, now read: plain text, no longer a button.
    const panel = screen.getByRole('region', { name: 'Notifications' });
    expect(within(panel).queryByRole('button', { name: /A lead you no longer see/ })).not.toBeInTheDocument();
    expect(within(panel).getByText('A lead you no longer see')).toBeInTheDocument();
  });

  it('opens the review an unhappy customer left from a review follow-up', async () => {
    renderWithApi(
      <NotificationsBell />,
      [
        meMock('SALES'),
        bellMock(
          [
            notification('Tm90aWZpY2F0aW9uOjQ', 'Call Dana Hansen back: 2 stars', {
              kind: 'REVIEW_FOLLOW_UP',
              body: 'The customer of Hansen – full replacement was unhappy on the rating page.',
              readAt: '2026-11-22T10:00:00.000Z',
              subject: { __typename: 'Review', id: 'UmV2aWV3Ojk' },
            }),
          ],
          0,
        ),
      ],
      { path: '/settings', routes: { '/reviews/:id': <ReviewPage /> } },
    );
    const user = userEvent.setup();
    // Nothing unread: the bell's name is the same before and after the list loads, so wait for the item itself.
    await user.click(await screen.findByRole('button', { name: 'Notifications' }));
    const link = await within(screen.getByRole('region', { name: 'Notifications' })).findByRole('link', {
      name: /Call Dana Hansen back: 2 stars/,
    });
    expect(link).toHaveAttribute('href', '/reviews/UmV2aWV3Ojk');
    expect(link).toHaveTextContent('Open review →');

    await user.click(link);
    expect(await screen.findByRole('heading', { name: 'Review UmV2aWV3Ojk' })).toBeInTheDocument();
  });
});
