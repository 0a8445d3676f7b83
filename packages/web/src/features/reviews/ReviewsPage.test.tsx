import { InMemoryCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { typePolicies } from '../../app/cachePolicies';
import { ReviewsListDocument, type Role } from '../../gql/graphql';
import { meMock } from '../../test/fixtures';
import ReviewsPage, { PAGE_SIZE } from './ReviewsPage';
import { reviewPage, reviewRow } from './testData';

const newest = { field: 'POSTED_AT', direction: 'DESC' } as const;

const listMock = (variables: Record<string, unknown>, reviews: ReturnType<typeof reviewPage>): MockLink.MockedResponse => ({
  request: { query: ReviewsListDocument, variables: { first: PAGE_SIZE, filter: {}, orderBy: newest, ...variables } },
  result: { data: { reviews } },
});

function Location() {
  return <span data-testid="location">{useLocation().search}</span>;
}

function renderPage(role: Role, mocks: MockLink.MockedResponse[], path = '/reviews') {
  return render(
    <MockedProvider mocks={[meMock(role), ...mocks]} cache={new InMemoryCache({ typePolicies })}>
      <MemoryRouter initialEntries={[path]}>
        <ReviewsPage />
        <Location />
      </MemoryRouter>
    </MockedProvider>,
  );
}

const user = userEvent.setup({ delay: null });

describe('ReviewsPage', () => {
  const dana = reviewRow('Dana Hansen');
  const kim = reviewRow('Kim Ode', {
    platform: 'YELP',
    rating: 2,
    status: 'FLAGGED',
    text: 'They left nails all over the driveway and nobody called me back for a week after the job was supposedly finished, which is not what I expect from a roofer.',
    customer: null,
    project: null,
  });

  it('lists reviews with their stars, platform, author, excerpt, links and status', async () => {
    renderPage('SALES', [listMock({}, reviewPage([dana, kim]))]);
    const link = await screen.findByRole('link', { name: 'Review by Kim Ode' });
    expect(link).toHaveAttribute('href', `/reviews/${kim.id}`);
    const row = link.closest('tr')!;
    expect(within(row).getByRole('img', { name: '2 of 5 stars' })).toBeInTheDocument();
    expect(row).toHaveTextContent('Yelp');
    expect(row).toHaveTextContent('Flagged');
    expect(row).toHaveTextContent('No customer');
    // The long text is cut with an ellipsis.
    expect(row).toHaveTextContent(/They left nails all over the driveway .*…/);
    expect(row).not.toHaveTextContent('what I expect from a roofer');

    const danaRow = screen.getByRole('link', { name: 'Review by Dana Hansen' }).closest('tr')!;
    expect(within(danaRow).getByRole('img', { name: '5 of 5 stars' })).toBeInTheDocument();
    expect(within(danaRow).getByRole('link', { name: 'Hansen – full replacement' })).toHaveAttribute('href', '/projects/UHJvamVjdDox');
    expect(within(danaRow).getByRole('link', { name: 'Dana Hansen' })).toHaveAttribute('href', '/customers/Q3VzdG9tZXI6MQ');
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 2 reviews');
    // Sales record reviews but do not see the trash.
    expect(screen.getByRole('button', { name: 'Record a review' })).toBeInTheDocument();
    expect(within(screen.getByRole('combobox', { name: 'Status' })).queryByRole('option', { name: 'Deleted (trash)' })).toBeNull();
  });

  it('puts platform, star range and status in the URL and asks with them (trash for managers)', async () => {
    renderPage('MANAGER', [
      listMock({}, reviewPage([dana, kim])),
      listMock({ filter: { platforms: ['YELP'] } }, reviewPage([kim])),
      listMock({ filter: { platforms: ['YELP'], maxRating: 3 } }, reviewPage([kim])),
      listMock({ filter: { platforms: ['YELP'], minRating: 2, maxRating: 3 } }, reviewPage([kim])),
      listMock({ filter: { platforms: ['YELP'], minRating: 2, maxRating: 3, deleted: true } }, reviewPage([])),
    ]);
    await screen.findByRole('link', { name: 'Review by Kim Ode' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Platform' }), 'YELP');
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Review by Dana Hansen' })).not.toBeInTheDocument());
    expect(screen.getByTestId('location')).toHaveTextContent('?platform=YELP');

    await user.selectOptions(screen.getByRole('combobox', { name: 'At most' }), '3');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?platform=YELP&max=3'));
    // A lower bound above the upper one cannot be chosen.
    const atLeast = screen.getByRole('combobox', { name: 'At least' });
    expect(within(atLeast).getByRole('option', { name: '4 stars' })).toBeDisabled();
    await user.selectOptions(atLeast, '2');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?platform=YELP&min=2&max=3'));
    expect(await screen.findByRole('link', { name: 'Review by Kim Ode' })).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'TRASH');
    expect(await screen.findByText('The trash is empty')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('?platform=YELP&min=2&max=3&deleted=1');
  });

  it('reads the filters from the URL and sorts by rating from the column header', async () => {
    renderPage(
      'ADMIN',
      [
        listMock({ filter: { search: 'nails', statuses: ['FLAGGED'] } }, reviewPage([kim])),
        listMock({ filter: { search: 'nails', statuses: ['FLAGGED'] }, orderBy: { field: 'RATING', direction: 'DESC' } }, reviewPage([kim])),
        listMock({ filter: { search: 'nails', statuses: ['FLAGGED'] }, orderBy: { field: 'RATING', direction: 'ASC' } }, reviewPage([kim])),
      ],
      '/reviews?q=nails&status=FLAGGED',
    );
    await screen.findByRole('link', { name: 'Review by Kim Ode' });
    expect(screen.getByRole('searchbox', { name: 'Search' })).toHaveValue('nails');

    await user.click(screen.getByRole('button', { name: /Rating/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('?q=nails&status=FLAGGED&sort=rating'));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /Rating/ })).toHaveAttribute('aria-sort', 'descending'));
    await user.click(screen.getByRole('button', { name: /Rating/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('sort=rating&dir=asc'));
    await waitFor(() => expect(screen.getByRole('status').parentElement).toHaveTextContent('Fewest stars first'));
  });

  it('is read-only for field techs: no recording, no trash, customers not linked', async () => {
    renderPage('FIELD_TECH', [listMock({}, reviewPage([dana]))]);
    const row = (await screen.findByRole('link', { name: 'Review by Dana Hansen' })).closest('tr')!;
    expect(within(row).getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual([`/reviews/${dana.id}`, '/projects/UHJvamVjdDox']);
    expect(screen.queryByRole('button', { name: 'Record a review' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('combobox', { name: 'Status' })).queryByRole('option', { name: 'Deleted (trash)' })).toBeNull();
  });
});
