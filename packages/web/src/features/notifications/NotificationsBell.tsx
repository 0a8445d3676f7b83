import { useMutation, useQuery } from '@apollo/client/react';
import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router';
import { subjectLabel, subjectPath } from './subjectLink';
import { useMarkNotificationRead } from './useMarkNotificationRead';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { Role } from '../../gql/graphql';
import { phonesInText, timeAgo } from '../../lib/format';
import { Button, cx, Icon, Spinner, useDismiss } from '../../ui';
import { useViewer } from '../../app/auth';
import popover from '../../ui/popover.module.css';
import styles from './NotificationsBell.module.css';

export const NotificationItemFragment = graphql(`
  fragment NotificationItem_notification on Notification {
    id
    kind
    title
    body
    readAt
    createdAt
    subject {
      id
    }
  }
`);

const NotificationsBellQuery = graphql(`
  query NotificationsBell {
    notifications(first: 8) {
      unreadCount
      edges {
        node { id ...NotificationItem_notification }
      }
    }
  }
`);

export const MarkAllReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead {
      unreadCount
    }
  }
`);

export interface NotificationItemProps {
  notification: FragmentType<typeof NotificationItemFragment>;
  role: Role;
  /** After the click: marks it read (if unread) first. */
  onOpen: (notification: { id: string; readAt: string | null }) => void;
  /** The list's classes (the bell and the notifications page style items alike). */
  className?: string;
}

/**
 * One notification: a link to what it is about (a lead, project, appointment…) when the viewer may open it, else (while
 * unread) a button that just marks it read. Unread ones are highlighted and say so to screen readers.
 */
export function NotificationItem({ notification, role, onOpen, className }: NotificationItemProps) {
  const n = getFragmentData(NotificationItemFragment, notification);
  const path = subjectPath(n.subject, role);
  const content = (
    <>
      <span className={styles.notificationTitle}>
        {!n.readAt && <span className="visually-hidden">Unread: </span>}
        {phonesInText(n.title)}
      </span>
      {/* Phone numbers as everywhere else, also in notifications written before the server formatted them. */}
      {n.body && <span className={styles.notificationBody}>{phonesInText(n.body)}</span>}
      <span className={styles.notificationMeta}>
        <time dateTime={n.createdAt}>{timeAgo(n.createdAt)}</time>
        {path && <span className={styles.notificationOpen}>{subjectLabel(n.subject)} →</span>}
      </span>
    </>
  );
  const open = () => onOpen(n);
  return (
    <li className={cx(styles.notification, !n.readAt && styles.unread, className)}>
      {path ? (
        <Link to={path} className={styles.notificationAction} onClick={open}>
          {content}
        </Link>
      ) : n.readAt ? (
        <div className={styles.notificationAction}>{content}</div>
      ) : (
        <button type="button" className={styles.notificationAction} onClick={open} title="Mark read">
          {content}
        </button>
      )}
    </li>
  );
}

/** The bell with the live unread count (kept fresh by `notificationReceived`) and the latest notifications. */
export function NotificationsBell() {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(ref, open, close);
  const { viewer } = useViewer();
  const { data, loading } = useQuery(NotificationsBellQuery);
  const [markAll, { loading: marking }] = useMutation(MarkAllReadMutation, {
    refetchQueries: [NotificationsBellQuery],
  });
  const markRead = useMarkNotificationRead();
  const unread = data?.notifications.unreadCount ?? 0;
  const edges = data?.notifications.edges ?? [];
  const role = viewer?.role ?? 'FIELD_TECH';
  const seesAlerts = role === 'ADMIN' || role === 'MANAGER';

  return (
    <div ref={ref} className={popover.popoverAnchor}>
      <button
        type="button"
        className={popover.iconButton}
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
          className={cx(popover.popover, styles.notifications)}
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
                <NotificationItem
                  key={node.id}
                  notification={node}
                  role={role}
                  onOpen={(n) => {
                    markRead(n, unread);
                    // Opening a link leaves the panel; a plain item stays so the next one can be read.
                    if (subjectPath(getFragmentData(NotificationItemFragment, node).subject, role)) close();
                  }}
                />
              ))}
            </ul>
          )}
          <div className={styles.popoverFooter}>
            <Link to="/notifications" className={styles.popoverLink} onClick={close}>
              See all notifications
            </Link>
            {seesAlerts && (
              <Link to="/settings/alerts" className={styles.popoverLink} onClick={close}>
                Open alerts
              </Link>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
