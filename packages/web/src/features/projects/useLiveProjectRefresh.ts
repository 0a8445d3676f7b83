import { useApolloClient } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { refreshHistory } from './refreshHistory';

/**
 * A change by someone else arrives live (status, progress, cost); the project's log and history are not in the
 * event, so they are fetched again once the change has settled (a progress note is logged right after it).
 */
export function useLiveProjectRefresh(updatedAt: string | null, refetch: () => Promise<unknown>) {
  const client = useApolloClient();
  const seenUpdate = useRef(updatedAt);
  useEffect(() => {
    const previous = seenUpdate.current;
    seenUpdate.current = updatedAt;
    if (!previous || !updatedAt || previous === updatedAt) return;
    const timer = setTimeout(() => {
      void refetch().catch(() => undefined);
      refreshHistory(client);
    }, 1000);
    return () => clearTimeout(timer);
  }, [updatedAt, refetch, client]);
}
