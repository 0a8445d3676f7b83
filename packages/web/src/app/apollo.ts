import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { OperationTypeNode } from 'graphql';
import { from, switchMap, throwError } from 'rxjs';
import { graphql } from '../gql';
import { createLiveHub, type LiveHub } from './live/hub';
import { SessionStore, tokensFrom } from './session';
import { createLiveSocket } from './socket';
import { browserLock, createTokenManager, type TokenManager } from './tokens';
import { typePolicies } from './cachePolicies';

const RefreshSessionMutation = graphql(`
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      errors {
        code
      }
    }
  }
`);

declare module '@apollo/client' {
  interface DefaultContext {
    /** Send no Authorization header (login, refresh). */
    skipAuth?: boolean;
    /** Set once an operation was retried after refreshing the token. */
    retriedAuth?: boolean;
  }
}

export interface Api {
  client: ApolloClient;
  session: SessionStore;
  tokens: TokenManager;
  live: LiveHub;
}

const isUnauthenticated = (error: unknown) =>
  (ServerError.is(error) && error.statusCode === 401) ||
  (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'));

/** Wires the Apollo client to the session: bearer tokens, silent refresh, retry on UNAUTHENTICATED, live socket. */
export function createApi(origin: URL = new URL(window.location.href)): Api {
  const session = new SessionStore(window.localStorage);
  const tokens = createTokenManager({
    session,
    lock: browserLock,
    exchange: async (refreshToken) => {
      const { data } = await client.mutate({
        mutation: RefreshSessionMutation,
        variables: { refreshToken },
        fetchPolicy: 'no-cache',
        context: { skipAuth: true },
      });
      const fresh = tokensFrom(data?.refreshSession);
      return fresh ? { kind: 'ok', tokens: fresh } : { kind: 'refused' };
    },
  });

  const auth = new SetContextLink(async ({ skipAuth }) => {
    if (skipAuth) return {};
    const token = await tokens.accessToken();
    return token ? { headers: { authorization: `Bearer ${token}` } } : {};
  });

  // The access token was rejected (revoked, expired while asleep): refresh once and retry, else the session is over.
  const retry = new ErrorLink(({ error, operation, forward }) => {
    const context = operation.getContext();
    if (context.skipAuth || context.retriedAuth || !isUnauthenticated(error)) return;
    operation.setContext({ retriedAuth: true });
    return from(tokens.refresh()).pipe(switchMap((token) => (token ? forward(operation) : throwError(() => error))));
  });

  const wsUrl = new URL('/graphql', origin);
  wsUrl.protocol = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = createLiveSocket(wsUrl.href, session, tokens);

  const http = ApolloLink.from([retry, auth, new HttpLink({ uri: new URL('/graphql', origin).href })]);
  const client = new ApolloClient({
    link: ApolloLink.split((op) => op.operationType === OperationTypeNode.SUBSCRIPTION, socket.link, http),
    cache: new InMemoryCache({ typePolicies }),
  });

  return { client, session, tokens, live: createLiveHub(client, socket) };
}
