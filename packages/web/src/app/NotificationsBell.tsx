import { useMutation, useQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { getFragmentData, graphql, type FragmentType } from '../gql';
import { timeAgo } from '../lib/format';
import { Button, cx, Icon, Spinner, useDismiss } from '../ui';
import styles from './Layout.module.css';

const NotificationItemFragment = graphql(`
  fragment NotificationItem_notification on Notification {
    id
    kind
    title
    body
    readAt
    createdAt
  }
`);

const NotificationsBellQuery = graphql(`
  query NotificationsBell {
    notifications(first: 8) {
      unreadCount
      edges {
        node {
          id
          ...NotificationItem_notification
        }
      }
    }
  }
`);

const MarkAllReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead {
      unreadCount
    }
  }
`);

function NotificationItem({ notification }: { notification: FragmentType<typeof NotificationItemFragment> }) {
  const n = getFragmentData(NotificationItemFragment, notification);
  return (
    <li className={cx(styles.notification, !n.readAt && styles.unread)}>
      <span className={styles.notificationTitle}>{n.title}</span>
      {n.body && <span className={styles.notificationBody}>{n.body}</span>}
      <time className={styles.notificationTime} dateTime={n.createdAt}>
        {timeAgo(n.createdAt)}
      </time>
    </li>
  );
}

/** The bell with the live unread count (kept fresh by `notificationReceived`) and the latest notifications. */
export function NotificationsBell() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(ref, open, () => setOpen(false));
  const { data, loading } = useQuery(NotificationsBellQuery);
  const [markAll, { loading: marking }] = useMutation(MarkAllReadMutation, {
    refetchQueries: [NotificationsBellQuery],
  });
  const unread = data?.notifications.unreadCount ?? 0;
  const edges = data?.notifications.edges ?? [];

  return (
    <div ref={ref} className={styles.popoverAnchor}>
      <button
        type="button"
        className={styles.iconButton}
        aria-label={unread ? `Notifications, ${unread} unread` : 'Notifications'}
        aria-expanded={open}
        aria-controls="notifications-panel"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="bell" />
        {unread > 0 && (
          <span className={styles.bellCount} aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div
          id="notifications-panel"
          className={cx(styles.popover, styles.notifications)}
          role="region"
          aria-label="Notifications"
        >
          <div className={styles.popoverHeader}>
            <strong>Notifications</strong>
            <Button size="sm" variant="ghost" disabled={!unread} loading={marking} onClick={() => void markAll()}>
              Mark all read
            </Button>
          </div>
          {loading && !data ? (
            <Spinner />
          ) : edges.length === 0 ? (
            <p className={styles.popoverEmpty}>You're all caught up.</p>
          ) : (
            <ul className={styles.notificationList}>
              {edges.map(({ node }) => (
                <NotificationItem key={node.id} notification={node} />
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
