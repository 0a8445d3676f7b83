import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';
import type { SessionStore } from './session';
import type { TokenManager } from './tokens';

/** The server closes a socket with this code when its token is bad or expires. */
const FORBIDDEN = 4403;

export interface LiveSocket {
  link: GraphQLWsLink;
  /** Calls `listener` after every (re)connection, so callers can catch up on what they missed meanwhile. */
  onConnected(listener: () => void): () => void;
}

/**
 * graphql-ws over `/graphql`: connects lazily (while a subscription is active), sends the current access token in
 * the connection params and reconnects for as long as the session lasts, refreshing the token when the server
 * refused it (it closes the socket when the token expires).
 */
export function createLiveSocket(url: string, session: SessionStore, tokens: TokenManager): LiveSocket {
  const listeners = new Set<() => void>();
  let sentToken: string | null = null;

  const client = createClient({
    url,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => session.status === 'signedIn',
    connectionParams: async () => {
      sentToken = await tokens.accessToken();
      if (!sentToken) throw new Error('Signed out');
      return { authorization: `Bearer ${sentToken}` };
    },
    on: {
      connected: () => listeners.forEach((listener) => listener()),
      closed: (event) => {
        const code = (event as { code?: number } | null)?.code;
        // Refused although our clock says the token is valid (revoked, or clocks disagree): refresh before retrying.
        if (code === FORBIDDEN && session.accessToken?.token === sentToken) session.dropAccessToken();
      },
    },
  });

  return {
    link: new GraphQLWsLink(client),
    onConnected(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
