import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { typePolicies } from '../../app/cachePolicies';
import { DismissDuplicateDocument, DuplicateCustomersDocument, MergeCandidatesDocument, MergeCustomersDocument } from '../../gql/graphql';
import { mocked } from '../../test/fixtures';
import DuplicatesPage, { PAGE_SIZE } from './DuplicatesPage';
import { candidates, DANA, DANA_M, mergePayload, queue } from './testData';

const user = userEvent.setup({ delay: null });
const PAIR = queue.duplicateCustomers.edges[0]!.node;
const empty = { duplicateCustomers: { ...queue.duplicateCustomers, totalCount: 0, edges: [] } };

function renderPage(mocks: MockLink.MockedResponse[]) {
  render(
    <MockedProvider mocks={mocks} cache={new InMemoryCache({ typePolicies })}>
      <MemoryRouter initialEntries={['/duplicates']}>
        <Routes>
          <Route path="/duplicates" element={<DuplicatesPage />} />
          <Route path="/customers/:id" element={<p>Customer page</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('DuplicatesPage', () => {
  it('lists the pairs with why and how alike, and dismisses one', async () => {
    renderPage([
      mocked(DuplicateCustomersDocument, queue, { variables: { first: PAGE_SIZE } }),
      mocked(DismissDuplicateDocument, { dismissDuplicateCustomers: { __typename: 'DismissDuplicatePayload', pair: { __typename: 'DuplicateCustomerPair', id: PAIR.id, dismissedAt: '2026-03-02T10:00:00.000Z' }, errors: [] } }, { variables: { id: PAIR.id } }),
      mocked(DuplicateCustomersDocument, empty, { variables: { first: PAGE_SIZE } }),
    ]);
    const row = (await screen.findByRole('link', { name: 'Dana M. Hansen' })).closest('tr')!;
    expect(row).toHaveTextContent('same phone, similar name at the same address');
    expect(row).toHaveTextContent('87%');
    expect(within(row).getByRole('link', { name: 'Dana Hansen' })).toHaveAttribute('href', `/customers/${DANA}`);
    await user.click(within(row).getByRole('button', { name: 'Dana Hansen and Dana M. Hansen are not duplicates' }));
    expect(await screen.findByText('No possible duplicates')).toBeInTheDocument();
  });

  it('merges a pair and opens the surviving customer', async () => {
    const fields = { name: 'SURVIVOR', email: 'MERGED', phone: 'SURVIVOR', address: 'SURVIVOR', customerType: 'SURVIVOR', segment: 'MERGED', emailOptIn: 'SURVIVOR', smsOptIn: 'SURVIVOR' } as const;
    renderPage([
      mocked(DuplicateCustomersDocument, queue, { variables: { first: PAGE_SIZE }, maxUsageCount: 3 }),
      mocked(MergeCandidatesDocument, candidates, { variables: { a: DANA, b: DANA_M } }),
      mocked(MergeCustomersDocument, mergePayload(true), { variables: { input: { survivorId: DANA, mergedId: DANA_M, fields, dryRun: true } } }),
      mocked(MergeCustomersDocument, mergePayload(false), { variables: { input: { survivorId: DANA, mergedId: DANA_M, fields, dryRun: false } } }),
    ]);
    await user.click(await screen.findByRole('button', { name: 'Merge Dana Hansen and Dana M. Hansen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Merge customers' });
    await within(dialog).findByText(/Moves to Dana Hansen:/);
    const merge = within(dialog).getByRole('button', { name: 'Merge into Dana Hansen' });
    await waitFor(() => expect(merge).toBeEnabled());
    await user.click(merge);
    expect(await screen.findByText('Customer page')).toBeInTheDocument();
  });
});
