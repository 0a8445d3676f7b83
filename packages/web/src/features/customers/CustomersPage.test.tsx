import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, configure, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { typePolicies } from '../../app/cachePolicies';
import { CustomersListDocument } from '../../gql/graphql';
import CustomersPage, { PAGE_SIZE, SEARCH_DEBOUNCE_MS } from './CustomersPage';
import { customerRow, meMock, page } from './testData';

const newestFirst = { field: 'CREATED_AT', direction: 'DESC' } as const;
const complete = { totalCount: 2, hasNextPage: false };

const listMock = (
  variables: Record<string, unknown>,
  customers: ReturnType<typeof page>,
): MockLink.MockedResponse => ({
  request: {
    query: CustomersListDocument,
    variables: { first: PAGE_SIZE, filter: {}, orderBy: newestFirst, ...variables },
  },
  result: { data: { customers } },
});

function Location() {
  const { search } = useLocation();
  return <span data-testid="location">{search}</span>;
}

function renderPage(mocks: MockLink.MockedResponse[], path = '/customers') {
  return render(
    <MockedProvider mocks={[meMock('SALES'), ...mocks]} cache={new InMemoryCache({ typePolicies })}>
      <MemoryRouter initialEntries={[path]}>
        <CustomersPage />
        <Location />
      </MemoryRouter>
    </MockedProvider>,
  );
}

const rowNames = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByRole('link').textContent);

// Other suites may share the machine: no keystroke delays, and room for a slow run.
const user = userEvent.setup({ delay: null });
jest.setTimeout(20_000);
configure({ asyncUtilTimeout: 4000 });

describe('CustomersPage', () => {
  it('requests the next page with `after` and appends its rows', async () => {
    const ana = customerRow('Ana Ruiz');
    const ben = customerRow('Ben Okafor');
    const cleo = customerRow('Cleo Hart');
    renderPage([
      listMock({}, page([ana, ben], { totalCount: 3, hasNextPage: true })),
      listMock({ after: `cursor-${ben.id}` }, page([cleo], { totalCount: 3, hasNextPage: false })),
    ]);

    expect(await screen.findByRole('link', { name: 'Ana Ruiz' })).toHaveAttribute('href', `/customers/${ana.id}`);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 3 customers');

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('link', { name: 'Cleo Hart' })).toBeInTheDocument();
    expect(rowNames()).toEqual(['Ana Ruiz', 'Ben Okafor', 'Cleo Hart']);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 3 of 3 customers');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('sorts by a column header: first click A–Z, second Z–A, with aria-sort and the URL following', async () => {
    const ana = customerRow('Ana Ruiz');
    const zoe = customerRow('Zoe Park');
    renderPage([
      listMock({}, page([zoe, ana], { totalCount: 2, hasNextPage: false })),
      listMock({ orderBy: { field: 'NAME', direction: 'ASC' } }, page([ana, zoe], complete)),
      listMock({ orderBy: { field: 'NAME', direction: 'DESC' } }, page([zoe, ana], complete)),
    ]);
    await screen.findByRole('link', { name: 'Ana Ruiz' });
    const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    expect(header('Created')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Name')).not.toHaveAttribute('aria-sort');

    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(rowNames()).toEqual(['Ana Ruiz', 'Zoe Park']));
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Created')).not.toHaveAttribute('aria-sort');
    expect(screen.getByTestId('location')).toHaveTextContent('?sort=name');

    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(rowNames()).toEqual(['Zoe Park', 'Ana Ruiz']));
    expect(header('Name')).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByTestId('location')).toHaveTextContent('?sort=name&dir=desc');
  });

  it('searches once typing pauses and keeps the search in the URL', async () => {
    const maple = customerRow('Maple Grove HOA');
    renderPage([
      listMock({}, page([customerRow('Ana Ruiz')], { totalCount: 1, hasNextPage: false })),
      listMock({ filter: { search: 'maple' } }, page([maple], { totalCount: 1, hasNextPage: false })),
    ]);
    await screen.findByRole('link', { name: 'Ana Ruiz' });

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'maple');
    // One request for the whole word, after the pause (an unmatched request per keystroke would fail the mock).
    const found = await screen.findByRole('link', { name: 'Maple Grove HOA' }, { timeout: SEARCH_DEBOUNCE_MS + 4000 });
    expect(found).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('?q=maple');
  });

  it('reads search, filters and order from the URL on load', async () => {
    const hoa = customerRow('Summit Hill HOA', { customerType: 'COMMERCIAL', segment: 'HOA' });
    renderPage(
      [
        listMock(
          {
            filter: { search: 'hill', customerTypes: ['COMMERCIAL'], segment: 'HOA' },
            orderBy: { field: 'UPDATED_AT', direction: 'ASC' },
          },
          page([hoa], { totalCount: 1, hasNextPage: false }),
        ),
      ],
      '/customers?q=hill&type=COMMERCIAL&segment=HOA&sort=updated&dir=asc',
    );
    expect(await screen.findByRole('link', { name: 'Summit Hill HOA' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('hill');
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveValue('COMMERCIAL');
    // The updated column is not a default one: the caption tells the order.
    expect(screen.getByRole('table', { name: 'Customers, sorted by last change, oldest first' })).toBeInTheDocument();
    await act(async () => {}); // let the debounced search settle without writing (it equals the URL)
    expect(screen.getByTestId('location')).toHaveTextContent(
      '?q=hill&type=COMMERCIAL&segment=HOA&sort=updated&dir=asc',
    );
  });
});
