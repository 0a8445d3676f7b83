import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { typePolicies } from '../../app/cachePolicies';
import { PartnersListDocument, type Role } from '../../gql/graphql';
import { meMock } from '../../test/fixtures';
import PartnersPage, { PAGE_SIZE } from './PartnersPage';
import { numbers, partnerPage, partnerRow, performanceMock } from './testData';

const byName = { field: 'NAME', direction: 'ASC' } as const;

const listMock = (variables: Record<string, unknown>, partners: ReturnType<typeof partnerPage>): MockLink.MockedResponse => ({
  request: { query: PartnersListDocument, variables: { first: PAGE_SIZE, filter: {}, orderBy: byName, ...variables } },
  result: { data: { partners } },
});

function Location() {
  return <span data-testid="location">{useLocation().search}</span>;
}

function renderPage(role: Role, mocks: MockLink.MockedResponse[], path = '/partners') {
  return render(
    <MockedProvider mocks={[meMock(role), ...mocks]} cache={new InMemoryCache({ typePolicies })}>
      <MemoryRouter initialEntries={[path]}>
        <PartnersPage />
        <Location />
      </MemoryRouter>
    </MockedProvider>,
  );
}

const user = userEvent.setup({ delay: null });

describe('PartnersPage', () => {
  const lakes = partnerRow('Lakes Realty', { contacts: [{ __typename: 'PartnerContact', id: 'UGFydG5lckNvbnRhY3Q6MQ' }] });
  const shield = partnerRow('Shield Insurance', { kind: 'INSURANCE_AGENT', status: 'PAUSED' });

  it('lists partners with the period’s referrals, wins, won revenue and conversion', async () => {
    renderPage('SALES', [
      listMock({}, partnerPage([lakes, shield])),
      performanceMock([numbers(lakes.id, { referrals: 12, wins: 3, wonRevenue: '48200.00', conversionRate: 0.25 })]),
    ]);
    const link = await screen.findByRole('link', { name: 'Lakes Realty' });
    expect(link).toHaveAttribute('href', `/partners/${lakes.id}`);
    const row = link.closest('tr')!;
    await waitFor(() => expect(within(row).getByText('12')).toBeInTheDocument());
    expect(row).toHaveTextContent('Realtor');
    expect(row).toHaveTextContent('1 contact');
    expect(row).toHaveTextContent('$48,200');
    expect(row).toHaveTextContent('25%');
    // A partner without referrals in the period (the answer covers every partner): zeros.
    const other = screen.getByRole('link', { name: 'Shield Insurance' }).closest('tr')!;
    expect(other).toHaveTextContent('Paused');
    expect(other).toHaveTextContent('$0');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 2 partners');
    // Sales: no trash and no team column (not even to add).
    expect(within(screen.getByRole('combobox', { name: 'Status' })).queryByRole('option', { name: 'Deleted (trash)' })).toBeNull();
    expect(screen.queryByRole('columnheader', { name: 'Team' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Columns/ }));
    expect(screen.getByRole('checkbox', { name: 'Owner' })).toBeChecked();
    expect(screen.queryByRole('checkbox', { name: 'Team' })).not.toBeInTheDocument();
  });

  it('filters by kind and status (trash for managers) and keeps the filters in the URL', async () => {
    renderPage('MANAGER', [
      listMock({}, partnerPage([lakes, shield])),
      listMock({ filter: { kinds: ['INSURANCE_AGENT'] } }, partnerPage([shield])),
      listMock({ filter: { kinds: ['INSURANCE_AGENT'], deleted: true } }, partnerPage([])),
      performanceMock([]),
    ]);
    await screen.findByRole('link', { name: 'Lakes Realty' });
    // Managers may add the team column; it is not one of the table's default columns (they fit a laptop's width).
    expect(screen.queryByRole('columnheader', { name: 'Team' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /^Columns/ }));
    expect(screen.getByRole('checkbox', { name: 'Team' })).not.toBeChecked();
    await user.keyboard('{Escape}');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'INSURANCE_AGENT');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Lakes Realty' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: 'Shield Insurance' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('?kind=INSURANCE_AGENT');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'TRASH');
    expect(await screen.findByText('The trash is empty')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('?kind=INSURANCE_AGENT&deleted=1');
  });

  it('asks the numbers for another period when one is chosen', async () => {
    renderPage('ADMIN', [
      listMock({}, partnerPage([lakes])),
      performanceMock([numbers(lakes.id, { referrals: 12, wins: 3, wonRevenue: '48200.00', conversionRate: 0.25 })]),
      performanceMock([numbers(lakes.id, { referrals: 2, wins: 1, wonRevenue: '9000.00', conversionRate: 0.5 })], 'LAST_30_DAYS'),
    ]);
    const row = (await screen.findByRole('link', { name: 'Lakes Realty' })).closest('tr')!;
    await waitFor(() => expect(row).toHaveTextContent('$48,200'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Numbers for' }), 'LAST_30_DAYS');
    await waitFor(() => expect(row).toHaveTextContent('$9,000'));
    expect(row).toHaveTextContent('50%');
    expect(screen.getByTestId('location')).toHaveTextContent('?period=LAST_30_DAYS');
  });
});
