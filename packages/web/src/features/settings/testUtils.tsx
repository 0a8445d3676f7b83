import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { typePolicies } from '../../app/cachePolicies';
import type { Role } from '../../gql/graphql';
import * as fixtures from '../../test/fixtures';
import type { MockViewer } from '../../test/fixtures';

/** The signed-in viewer (`me`), answered as often as asked: an admin without a team unless told otherwise. */
export const meMock = (role: Role, over: Partial<MockViewer> = {}) =>
  fixtures.meMock(role, { name: 'Avery Admin', email: 'admin@example.com', team: null, ...over });

export { userError } from '../../test/fixtures';

/** Shows the current location, so tests can see where a click led. */
export function LocationProbe() {
  const { pathname, search } = useLocation();
  return <div data-testid="location">{pathname + search}</div>;
}

/** `ui` at `path` (under a memory router and mocked Apollo with the app's cache policies), plus any other `routes` it may navigate to. */
export function renderWithApi(
  ui: ReactNode,
  mocks: ReadonlyArray<MockLink.MockedResponse>,
  { path = '/', pattern = '*', routes = {} }: { path?: string; pattern?: string; routes?: Record<string, ReactNode> } = {},
) {
  return render(
    <MockedProvider mocks={mocks} cache={new InMemoryCache({ typePolicies })}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={pattern} element={ui} />
          {Object.entries(routes).map(([p, element]) => (
            <Route key={p} path={p} element={element} />
          ))}
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </MockedProvider>,
  );
}
