import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { makeFragmentData } from '../../gql';
import { ClaimsSummary_DashboardFragmentDoc, type ClaimStatus } from '../../gql/graphql';
import { ClaimsSummary } from './ClaimsSummary';

const renderWidget = (openByStatus: Array<[ClaimStatus, number]>, money = { requested: '12480.55', approved: '9875.10', toCollect: '41210.30' }) =>
  render(
    <MemoryRouter>
      <ClaimsSummary
        dashboard={makeFragmentData(
          {
            __typename: 'Dashboard',
            claims: {
              __typename: 'ClaimsSummary',
              openByStatus: openByStatus.map(([status, count]) => ({ __typename: 'ClaimStatusCount' as const, status, count })),
              supplementsRequested: money.requested,
              supplementsApproved: money.approved,
              depreciationToCollect: money.toCollect,
            },
          },
          ClaimsSummary_DashboardFragmentDoc,
        )}
      />
    </MemoryRouter>,
  );

describe('ClaimsSummary', () => {
  it('shows open claims by stage in road order, supplement dollars and depreciation to collect, each defined', () => {
    renderWidget([
      ['PAID', 1],
      ['FILED', 4],
      ['SUPPLEMENT_REQUESTED', 2],
    ]);
    const stages = within(screen.getByRole('list', { name: 'Open claims by stage' })).getAllByRole('listitem');
    expect(stages.map((s) => s.textContent)).toEqual(['Filed4', 'Supplement requested2', 'Paid1']);
    expect(within(stages[0]!).getByRole('link', { name: 'Filed' })).toHaveAttribute('href', '/claims?status=FILED');
    expect(screen.getByText('7 open claims: not closed, by stage now (any period).')).toBeInTheDocument();

    const money = within(screen.getByLabelText('Claim money'));
    expect(money.getByText('Supplements requested').nextElementSibling).toHaveTextContent('$12,480.55');
    expect(money.getByText('Supplements requested').closest('div')).toHaveTextContent('sent to carriers in this period');
    expect(money.getByText('Supplements approved').nextElementSibling).toHaveTextContent('$9,875.10');
    expect(money.getByText('Depreciation to collect').nextElementSibling).toHaveTextContent('$41,210.30');
    expect(money.getByText('Depreciation to collect').closest('div')).toHaveTextContent('not closed or denied, now');
    expect(screen.getByRole('link', { name: 'All claims' })).toHaveAttribute('href', '/claims');
  });

  it('says when no claim is open', () => {
    renderWidget([], { requested: '0.00', approved: '0.00', toCollect: '0.00' });
    expect(screen.getByText('No open claims: every claim is closed, or none was recorded.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Open claims by stage' })).not.toBeInTheDocument();
  });
});
