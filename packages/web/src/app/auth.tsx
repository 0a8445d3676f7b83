import { ApolloProvider, useQuery } from '@apollo/client/react';
import { createContext, useCallback, useContext, useEffect, useSyncExternalStore, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { getFragmentData, graphql } from '../gql';
import type { Viewer_UserFragment } from '../gql/graphql';
import type { Api } from './apollo';
import type { SessionStatus } from './session';

export const ViewerFragment = graphql(`
  fragment Viewer_user on User {
    id
    name
    email
    role
    team {
      id
      name
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me { id ...Viewer_user }
  }
`);

const LogoutMutation = graphql(`
  mutation Logout($refreshToken: String) {
    logout(refreshToken: $refreshToken) {
      loggedOut
    }
  }
`);

export type Viewer = Viewer_UserFragment;

/** Where the login page sends people back to, and why they are there. */
export interface LoginState {
  from?: string;
  expired?: boolean;
}

const ApiContext = createContext<Api | null>(null);

/** Provides the API (Apollo client, session, live events) and clears the cache whenever the session ends. */
export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  const status = useSyncExternalStore(api.session.subscribe, () => api.session.status);
  useEffect(() => {
    if (status === 'signedIn') return;
    api.tokens.stop();
    api.live.reset();
    void api.client.clearStore();
  }, [api, status]);
  return (
    <ApiContext.Provider value={api}>
      <ApolloProvider client={api.client}>{children}</ApolloProvider>
    </ApiContext.Provider>
  );
}

/** The API when there is one (components that can do without it, e.g. rendered alone in tests). */
export const useOptionalApi = (): Api | null => useContext(ApiContext);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider>');
  return api;
}

export function useSessionStatus(): SessionStatus {
  const { session } = useApi();
  return useSyncExternalStore(session.subscribe, () => session.status);
}

/** The signed-in user (from the cache after the first load). */
export function useViewer() {
  const { data, loading, error, refetch } = useQuery(MeQuery);
  const viewer = data?.me ? getFragmentData(ViewerFragment, data.me) : null;
  return { viewer, loading, error, refetch };
}

/** Ends the session on the server (best effort) and locally. */
export function useSignOut(): () => Promise<void> {
  const { client, session } = useApi();
  return useCallback(async () => {
    const refreshToken = session.refreshToken;
    try {
      await client.mutate({ mutation: LogoutMutation, variables: { refreshToken }, context: { skipAuth: true } });
    } catch {
      // Offline or the server is down: the local sign-out below still happens; the refresh token expires on its own.
    }
    session.end('signedOut');
  }, [client, session]);
}

/** Renders the child routes for a session, else sends to the login page (saying why when the session expired). */
export function RequireAuth() {
  const status = useSessionStatus();
  const location = useLocation();
  if (status === 'signedIn') return <Outlet />;
  const state: LoginState = { from: location.pathname + location.search, expired: status === 'expired' };
  return <Navigate to="/login" replace state={state} />;
}
