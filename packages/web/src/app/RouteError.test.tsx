import { render, screen } from '@testing-library/react';
import { Suspense, type ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { lazyLoad } from '../lib/lazyLoad';
import { Spinner } from '../ui';
import { RouteError } from './RouteError';

function renderRoute(page: ReactNode) {
  const router = createMemoryRouter([{ path: '/', errorElement: <RouteError />, element: <Suspense fallback={<Spinner />}>{page}</Suspense> }]);
  render(<RouterProvider router={router} />);
}

// React and the router report the caught errors on the console: expected here.
beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => jest.restoreAllMocks());

it('a page whose code cannot be downloaded (a new version deployed) says so and offers a reload, not a blank page', async () => {
  const Page = lazyLoad<() => ReactNode>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
  renderRoute(<Page />);
  expect(screen.getByRole('status')).toHaveTextContent('Loading…');
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'This page could not be loaded' + 'The app may have been updated, or the connection dropped. Reload to get the current version.',
  );
  expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
});

it('a page that fails otherwise gets the same way out', async () => {
  function Broken(): ReactNode {
    throw new Error('boom');
  }
  renderRoute(<Broken />);
  expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong');
  expect(screen.getByRole('alert')).not.toHaveTextContent('boom');
  expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
});
