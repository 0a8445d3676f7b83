import { InMemoryCache } from '@apollo/client';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { typePolicies } from '../../app/cachePolicies';
import { LeadsTableDocument } from '../../gql/graphql';
import * as fixtures from '../../test/fixtures';
import { renderMocked } from '../../test/renderMocked';
import LeadsTablePage, { PAGE_SIZE } from './LeadsTablePage';

const meMock = fixtures.meMock('SALES', { id: 'VXNlcjoy' });

const row = (n: number) => ({
  __typename: 'Lead',
  id: `TGVhZDo${n}`,
  contactName: `Lead ${n}`,
  customer: null,
  status: 'NEW',
  allowedStatuses: ['CONTACTED', 'LOST'],
  score: 50 + n,
  scoreFactors: [],
  source: 'WEBSITE',
  priority: 'MEDIUM',
  projectType: null,
  estimatedValue: `${1000 * n}.00`,
  propertyAddress: { __typename: 'Address', city: 'Blaine' },
  assignee: null,
  updatedAt: '2026-11-20T10:00:00.000Z',
  nextFollowUpAt: null,
  createdAt: '2026-11-20T10:00:00.000Z',
});

const page = (from: number, count: number, total: number, hasNextPage: boolean) => ({
  data: {
    leads: {
      __typename: 'LeadConnection',
      totalCount: total,
      edges: Array.from({ length: count }, (_, i) => ({ __typename: 'LeadEdge', cursor: `c${from + i}`, node: row(from + i) })),
      pageInfo: { __typename: 'PageInfo', hasNextPage, endCursor: `c${from + count - 1}` },
    },
  },
});

const tableMock = (variables: object, result: object) => ({ request: { query: LeadsTableDocument, variables }, result });

function Where() {
  const { search } = useLocation();
  return <output aria-label="search params">{search}</output>;
}

const renderTable = (path: string, mocks: object[]) =>
  renderMocked(
    [meMock, ...(mocks as never[])],
    path,
    {
      '/leads/list': (
        <>
          <LeadsTablePage />
          <Where />
        </>
      ),
    },
    new InMemoryCache({ typePolicies }),
  );

describe('LeadsTablePage', () => {
  it('reads filters and order from the URL, sorts by a column header and pages with Load more', async () => {
    const filter = { statuses: ['NEW'] };
    renderTable('/leads/list?status=NEW&sort=SCORE&dir=asc', [
      tableMock({ first: PAGE_SIZE, filter, orderBy: { field: 'SCORE', direction: 'ASC' } }, page(1, 2, 3, true)),
      tableMock(
        { first: PAGE_SIZE, after: 'c2', filter, orderBy: { field: 'SCORE', direction: 'ASC' } },
        page(3, 1, 3, false),
      ),
      tableMock({ first: PAGE_SIZE, filter, orderBy: { field: 'ESTIMATED_VALUE', direction: 'DESC' } }, page(7, 1, 1, false)),
    ]);

    expect(await screen.findByRole('link', { name: 'Lead 1' })).toHaveAttribute('href', '/leads/TGVhZDo1');
    expect(screen.getByLabelText('Status')).toHaveValue('NEW');
    expect(screen.getByRole('columnheader', { name: /Score/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /Value/ })).not.toHaveAttribute('aria-sort');
    expect(screen.getByText('2 of 3 leads')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'Lead 3' })).toBeInTheDocument();
    expect(screen.getByText('3 of 3 leads')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    await userEvent.click(within(screen.getByRole('columnheader', { name: /Value/ })).getByRole('button'));
    expect(await screen.findByRole('link', { name: 'Lead 7' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByLabelText('search params')).toHaveTextContent('?status=NEW&sort=ESTIMATED_VALUE&dir=desc');
  });
});
