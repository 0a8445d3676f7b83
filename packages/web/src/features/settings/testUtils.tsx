import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { MeDocument, type Role } from '../../gql/graphql';

/** The signed-in viewer (`me`), answered as often as asked. */
export const meMock = (role: Role, over: Record<string, unknown> = {}): MockLink.MockedResponse => ({
  request: { query: MeDocument },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: 'VXNlcjox',
        name: 'Avery Admin',
        email: 'admin@example.com',
        role,
        team: null,
        ...over,
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

export const userError = (field: string[] | null, code: string, message: string) => ({
  __typename: 'UserError',
  field,
  code,
  message,
});

/** Shows the current location, so tests can see where a click led. */
export function LocationProbe() {
  const { pathname, search } = useLocation();
  return <div data-testid="location">{pathname + search}</div>;
}

/** `ui` at `path` (under a memory router and mocked Apollo), plus any other `routes` it may navigate to. */
export function renderWithApi(
  ui: ReactNode,
  mocks: ReadonlyArray<MockLink.MockedResponse>,
  { path = '/', pattern = '*', routes = {} }: { path?: string; pattern?: string; routes?: Record<string, ReactNode> } = {},
) {
  return render(
    <MockedProvider mocks={mocks}>
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
