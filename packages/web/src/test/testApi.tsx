import { ApolloClient, InMemoryCache, type ApolloCache } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Api } from '../app/apollo';
import { ApiProvider } from '../app/auth';
import { SessionStore } from '../app/session';
import { createTokenManager } from '../app/tokens';
import { memoryStorage } from './memoryStorage';
import { routesAt } from './renderMocked';

/** The app's API over mocked operations, with a signed-out session and no live socket. */
export function createTestApi(mocks: ReadonlyArray<MockLink.MockedResponse>, cache: ApolloCache = new InMemoryCache()): Api {
  const session = new SessionStore(memoryStorage());
  return {
    client: new ApolloClient({ cache, link: new MockLink(mocks) }),
    session,
    tokens: createTokenManager({ session, exchange: async () => ({ kind: 'refused' }) }),
    live: { receive: () => undefined, reset: () => undefined },
  };
}

/** Renders `routes` (path → element) at `path` inside the API and a memory router. */
export function renderRoutes(api: Api, path: string, routes: Record<string, ReactNode>) {
  return render(
    <ApiProvider api={api}>{routesAt(path, routes)}</ApiProvider>,
  );
}
