import type { ApolloCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';

/** `routes` (path → element) in a memory router at `path`. */
export function routesAt(path: string, routes: Record<string, ReactNode>) {
  return (
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        {Object.entries(routes).map(([p, element]) => (
          <Route key={p} path={p} element={element} />
        ))}
      </Routes>
    </MemoryRouter>
  );
}

/**
 * Renders `routes` (path → element) at `path` over mocked operations: a page as the app mounts it. `cache` when the
 * page needs the app's type policies (lists that merge pages).
 */
export function renderMocked(
  mocks: ReadonlyArray<MockLink.MockedResponse>,
  path: string,
  routes: Record<string, ReactNode>,
  cache?: ApolloCache,
) {
  return render(
    <MockedProvider mocks={mocks} cache={cache}>
      {routesAt(path, routes)}
    </MockedProvider>,
  );
}
