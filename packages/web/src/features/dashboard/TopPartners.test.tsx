import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { makeFragmentData } from '../../gql';
import { TopPartners_DashboardFragmentDoc } from '../../gql/graphql';
import { TopPartners } from './TopPartners';

const row = (id: string, name: string, wonRevenue: string, referrals: number, wins: number) => ({
  __typename: 'PartnerPerformance' as const,
  partner: { __typename: 'Partner' as const, id, name, kind: 'REALTOR' as const },
  referrals,
  wins,
  wonRevenue,
  conversionRate: referrals ? wins / referrals : 0,
});

const renderWidget = (rows: ReturnType<typeof row>[]) =>
  render(
    <MemoryRouter>
      <TopPartners dashboard={makeFragmentData({ __typename: 'Dashboard', topPartners: rows }, TopPartners_DashboardFragmentDoc)} />
    </MemoryRouter>,
  );

describe('TopPartners', () => {
  it('ranks the partners by won revenue with links, bars and their referrals', () => {
    renderWidget([row('UGFydG5lcjox', 'Lakes Realty', '48200.00', 12, 3), row('UGFydG5lcjoy', 'Shield Insurance', '24100.00', 4, 1)]);
    const items = within(screen.getByRole('list', { name: 'Top partners by won revenue' })).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('link', { name: 'Lakes Realty' })).toHaveAttribute('href', '/partners/UGFydG5lcjox');
    expect(items[0]).toHaveTextContent('$48,200');
    expect(items[0]).toHaveTextContent('Realtor · 12 referrals · 3 won · 25% conversion');
    expect(items[1]!.querySelector('[style]')).toHaveStyle({ width: '50%' });
  });

  it('says when no partner referred anything in the period', () => {
    renderWidget([]);
    expect(screen.getByText('No referrals from partners in this period.')).toBeInTheDocument();
  });
});
