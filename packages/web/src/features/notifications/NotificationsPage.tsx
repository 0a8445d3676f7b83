import { useMutation, useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../app/auth';
import { MarkAllReadMutation, NotificationItem } from './NotificationsBell';
import { graphql } from '../../gql';
import { Button, Card, EmptyState, ErrorState, ListFooter, PageHeader, Spinner } from '../../ui';
import { useMarkNotificationRead } from './useMarkNotificationRead';
import styles from './notifications.module.css';

const PAGE_SIZE = 20;

const NotificationsPageQuery = graphql(`
  query NotificationsPage($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      edges {
        node { id ...NotificationItem_notification }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Every notification of the viewer, newest first, 20 at a time; `?unread=1` shows only unread ones. */
export default function NotificationsPage() {
  const { viewer } = useViewer();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const { data, loading, error, refetch, fetchMore } = useQuery(NotificationsPageQuery, {
    variables: { first: PAGE_SIZE, unreadOnly },
    notifyOnNetworkStatusChange: true,
  });
  const [markAll, { loading: marking }] = useMutation(MarkAllReadMutation, { refetchQueries: 'active' });
  const markRead = useMarkNotificationRead();
  const list = data?.notifications;
  const unread = list?.unreadCount ?? 0;

  const filter = (
    <div className={styles.filter} role="group" aria-label="Show">
      <Button size="sm" variant={unreadOnly ? 'ghost' : 'secondary'} aria-pressed={!unreadOnly} onClick={() => setParams({})}>
        All
      </Button>
      <Button
        size="sm"
        variant={unreadOnly ? 'secondary' : 'ghost'}
        aria-pressed={unreadOnly}
        onClick={() => setParams({ unread: '1' })}
      >
        Unread
      </Button>
    </div>
  );

  return (
    <>
      <PageHeader
        title="Notifications"
        subtitle={list ? (unread ? `${unread} unread` : 'All read') : undefined}
        actions={
          <Button disabled={!unread} loading={marking} onClick={() => void markAll().catch(() => undefined)}>
            Mark all read
          </Button>
        }
      />
      <Card title={unreadOnly ? 'Unread' : 'All notifications'} actions={filter}>
        {error && !list ? (
          <ErrorState title="Notifications could not be loaded" error={error} onRetry={() => void refetch()} />
        ) : !list ? (
          <Spinner label="Loading notifications…" />
        ) : list.edges.length === 0 ? (
          <EmptyState
            icon="bell"
            title={unreadOnly ? 'No unread notifications' : 'No notifications yet'}
            description="Lead assignments, bookings, project changes, reminders and unhappy customers to call back show up here."
          />
        ) : (
          <>
            <ul className={styles.list} aria-label={unreadOnly ? 'Unread notifications' : 'Notifications'}>
              {list.edges.map(({ node }) => (
                <NotificationItem
                  key={node.id}
                  notification={node}
                  role={viewer?.role ?? 'FIELD_TECH'}
                  onOpen={(n) => markRead(n, unread)}
                />
              ))}
            </ul>
            <ListFooter
              shown={list.edges.length}
              total={list.totalCount}
              hasMore={list.pageInfo.hasNextPage}
              loading={loading}
              onLoadMore={() => void fetchMore({ variables: { after: list.pageInfo.endCursor } }).catch(() => undefined)}
            />
          </>
        )}
      </Card>
    </>
  );
}
