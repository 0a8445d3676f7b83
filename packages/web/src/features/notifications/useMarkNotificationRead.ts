import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';

const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      markedCount
      unreadCount
      errors { field code message }
    }
  }
`);

/**
 * Marks one notification read: at once in the cache (the item loses its unread style, every list's `unreadCount`
 * drops), then on the server, whose count wins. Failures are quiet: the live count corrects itself on the next fetch.
 */
export function useMarkNotificationRead(): (notification: { id: string; readAt?: string | null }, unreadCount: number) => void {
  const [mark] = useMutation(MarkNotificationReadMutation);
  return useCallback(
    (notification, unreadCount) => {
      if (notification.readAt) return;
      const readAt = new Date().toISOString();
      void mark({
        variables: { id: notification.id },
        optimisticResponse: {
          markNotificationRead: {
            __typename: 'MarkNotificationsReadPayload',
            markedCount: 1,
            unreadCount: Math.max(0, unreadCount - 1),
            errors: [],
          },
        },
        update(cache, { data }) {
          const payload = data?.markNotificationRead;
          if (!payload || payload.errors.length) return;
          cache.modify({
            id: cache.identify({ __typename: 'Notification', id: notification.id }),
            fields: { readAt: (current: string | null) => current ?? readAt },
          });
          cache.modify({
            fields: {
              notifications: (list: object) => ({ ...list, unreadCount: payload.unreadCount }),
            },
          });
        },
      }).catch(() => undefined);
    },
    [mark],
  );
}
