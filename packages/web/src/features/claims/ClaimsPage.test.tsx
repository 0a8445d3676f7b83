import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { typePolicies } from '../../app/cachePolicies';
import { ClaimsListDocument, SavedViewsDocument, TablePreferencesDocument, type Role } from '../../gql/graphql';
import { calendarDateLabel } from '../../lib/format';
import { meMock, mocked } from '../../test/fixtures';
import ClaimsPage, { PAGE_SIZE } from './ClaimsPage';
import { claimPage, claimRow, dayFromToday } from './testData';

const newest = { field: 'CREATED_AT', direction: 'DESC' } as const;

const listMock = (variables: Record<string, unknown>, claims: ReturnType<typeof claimPage>): MockLink.MockedResponse =>
  mocked(ClaimsListDocument, { claims }, { variables: { first: PAGE_SIZE, filter: {}, orderBy: newest, ...variables } });

function Location() {
  return <span data-testid="location">{useLocation().search}</span>;
}

/** The user's set-up of the table (the table's own until changed) and their saved views (none). */
const tableMocks = (columns: string[] = []) => [
  mocked(
    TablePreferencesDocument,
    { tablePreferences: { __typename: 'TablePreferences', table: 'claims', columns, density: 'COMPACT', updatedAt: null } },
    { variables: { table: 'claims' }, maxUsageCount: Number.POSITIVE_INFINITY },
  ),
  mocked(SavedViewsDocument, { savedViews: [] }, { variables: { table: 'claims' }, maxUsageCount: Number.POSITIVE_INFINITY }),
];

function renderPage(role: Role, mocks: MockLink.MockedResponse[], path = '/claims', columns: string[] = []) {
  return render(
    <MockedProvider mocks={[meMock(role), ...tableMocks(columns), ...mocks]} cache={new InMemoryCache({ typePolicies })}>
      <MemoryRouter initialEntries={[path]}>
        <ClaimsPage />
        <Location />
      </MemoryRouter>
    </MockedProvider>,
  );
}

const user = userEvent.setup({ delay: null });

describe('ClaimsPage', () => {
  const soon = dayFromToday(5);
  const hansen = claimRow('13-4471-Z92', { depreciationDeadline: soon });
  const ode = claimRow(null, {
    carrier: 'Allstate',
    status: 'CLOSED',
    customer: null,
    depreciationDeadline: dayFromToday(-3),
    money: { __typename: 'ClaimMoney', approvedTotal: null, carrierOwes: null, depreciationToCollect: '0.00' },
  });

  it('lists claims with their number, customer, carrier, stage, what the carrier owes to the cent and the deadline', async () => {
    renderPage('SALES', [listMock({}, claimPage([hansen, ode]))]);
    const link = await screen.findByRole('link', { name: 'Claim 13-4471-Z92 with State Farm' });
    expect(link).toHaveAttribute('href', `/claims/${hansen.id}`);
    // The table's default columns (the date of loss and the approved total are for the user to add).
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Claim', 'Customer', 'Carrier', 'Status', 'Carrier owes', 'Depreciation due↕']);
    const row = link.closest('tr')!;
    expect(within(row).getByRole('link', { name: 'Dana Hansen' })).toHaveAttribute('href', '/customers/Q3VzdG9tZXI6MQ');
    expect(within(row).getByText('State Farm')).toHaveAttribute('title', 'State Farm');
    expect(row).toHaveTextContent('Approved');
    expect(row).not.toHaveTextContent('$18,450.75');
    expect(row).toHaveTextContent('$4,210.30');
    // The deadline is a calendar day, flagged within 14 days while depreciation is still to collect.
    expect(row).toHaveTextContent(calendarDateLabel(soon));
    expect(within(row).getByText('Due in 5 days')).toBeInTheDocument();

    const closed = screen.getByRole('link', { name: 'Claim No number yet with Allstate' }).closest('tr')!;
    expect(closed).toHaveTextContent('No customer');
    expect(closed).toHaveTextContent('Closed');
    // Nothing owed: a dash; a closed claim's passed deadline is no alarm.
    expect(within(closed).getAllByText('—')).toHaveLength(1);
    expect(within(closed).queryByText(/Passed|Due/)).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 2 claims');
  });

  it('filters by status, carrier and text in the URL and asks with them', async () => {
    renderPage('MANAGER', [
      listMock({}, claimPage([hansen, ode])),
      listMock({ filter: { statuses: ['APPROVED'] } }, claimPage([hansen])),
      listMock({ filter: { statuses: ['APPROVED'], carrier: 'farm' } }, claimPage([hansen])),
      listMock({ filter: { statuses: ['APPROVED'], carrier: 'farm', search: '4471' } }, claimPage([])),
    ]);
    await screen.findByRole('link', { name: /Allstate/ });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'APPROVED');
    await waitFor(() => expect(screen.queryByRole('link', { name: /Allstate/ })).not.toBeInTheDocument());
    expect(screen.getByTestId('location')).toHaveTextContent('?status=APPROVED');

    await user.type(screen.getByRole('searchbox', { name: 'Carrier' }), 'farm{Enter}');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?status=APPROVED&carrier=farm'));

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), '4471{Enter}');
    expect(await screen.findByText('No claims match')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('?q=4471&status=APPROVED&carrier=farm');
  });

  it('sorts by the date of loss from its column header (once the user shows it), the approved total to the cent', async () => {
    renderPage(
      'ADMIN',
      [listMock({}, claimPage([hansen])), listMock({ orderBy: { field: 'DATE_OF_LOSS', direction: 'DESC' } }, claimPage([hansen]))],
      '/claims',
      ['claim', 'loss', 'approved'],
    );
    const row = (await screen.findByRole('link', { name: /13-4471-Z92/ })).closest('tr')!;
    await waitFor(() => expect(row).toHaveTextContent('$18,450.75'));
    await user.click(screen.getByRole('button', { name: /Date of loss/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?sort=loss'));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /Date of loss/ })).toHaveAttribute('aria-sort', 'descending'));
  });

  it('sorts by the depreciation deadline, soonest first, from its column header and the order menu', async () => {
    const soonest = { orderBy: { field: 'DEPRECIATION_DEADLINE', direction: 'ASC' } };
    renderPage('MANAGER', [listMock({}, claimPage([hansen])), listMock(soonest, claimPage([hansen])), listMock(soonest, claimPage([hansen]))]);
    await screen.findByRole('link', { name: /13-4471-Z92/ });
    await user.click(screen.getByRole('button', { name: /Depreciation due/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?sort=deadline&dir=asc'));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /Depreciation due/ })).toHaveAttribute('aria-sort', 'ascending'));
    expect(screen.getByRole('option', { name: 'Depreciation due soonest' })).toHaveProperty('selected', true);
  });

  it('shows the columns the user chose, in their order', async () => {
    renderPage('SALES', [listMock({}, claimPage([hansen]))], '/claims', ['claim', 'carrierOwes', 'deadline']);
    await screen.findByRole('link', { name: /13-4471-Z92/ });
    await waitFor(() => expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Claim', 'Carrier owes', 'Depreciation due↕']));
    expect(screen.getByRole('button', { name: /Columns/ })).toBeInTheDocument();
  });

  it('shows field techs their projects’ claims without customer links', async () => {
    renderPage('FIELD_TECH', [listMock({}, claimPage([hansen]))]);
    const row = (await screen.findByRole('link', { name: /13-4471-Z92/ })).closest('tr')!;
    expect(within(row).getAllByRole('link')).toHaveLength(1);
    expect(screen.getByText('Claims of the projects you are on.')).toBeInTheDocument();
  });
});
