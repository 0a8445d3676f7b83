import { render, screen, within } from '@testing-library/react';
import { makeFragmentData } from '../../gql';
import { FunnelChart_DashboardFragmentDoc, KpiTiles_DashboardFragmentDoc, type LeadStatus } from '../../gql/graphql';
import { FunnelChart } from './FunnelChart';
import { KpiTiles } from './KpiTiles';

const STAGES: LeadStatus[] = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON', 'LOST'];

/** A dashboard over leads counted per stage (values $1,000 each), with the server's win rate and funnel for them. */
function dashboard(counts: Partial<Record<LeadStatus, number>>, extra: { averageDealSize?: string | null; onBudgetRatio?: number | null } = {}) {
  const n = (s: LeadStatus) => counts[s] ?? 0;
  const total = STAGES.reduce((sum, s) => sum + n(s), 0);
  const decided = n('WON') + n('LOST');
  const funnelStages = STAGES.slice(0, 5);
  return {
    __typename: 'Dashboard' as const,
    winRate: decided ? n('WON') / decided : null,
    averageDealSize: extra.averageDealSize ?? null,
    onBudgetRatio: extra.onBudgetRatio ?? null,
    pipeline: STAGES.map((status) => ({ __typename: 'PipelineStage' as const, status, count: n(status), value: String(n(status) * 1000) })),
    funnel: funnelStages.map((status, i) => {
      const count = STAGES.filter((s) => funnelStages.indexOf(s) >= i || (i === 0 && s === 'LOST')).reduce((sum, s) => sum + n(s), 0);
      return { __typename: 'FunnelStep' as const, status, count, rate: total ? count / total : 0 };
    }),
  };
}

const tile = (label: string) => screen.getByRole('region', { name: label });

describe('dashboard tiles', () => {
  it('define every number and agree with the funnel: the same won leads, of decided or of all', () => {
    // 73% win rate next to 6% won in the funnel: 8 of 11 decided, 8 of 130 leads.
    const d = dashboard({ NEW: 60, CONTACTED: 40, INSPECTION_SCHEDULED: 12, ESTIMATE_SENT: 7, WON: 8, LOST: 3 }, { averageDealSize: '15200.00', onBudgetRatio: 0.8 });
    render(
      <>
        <KpiTiles dashboard={makeFragmentData(d, KpiTiles_DashboardFragmentDoc)} />
        <FunnelChart dashboard={makeFragmentData(d, FunnelChart_DashboardFragmentDoc)} />
      </>,
    );
    for (const label of ['Win rate', 'Average deal', 'On budget', 'Open pipeline']) {
      expect(tile(label)).toHaveAccessibleDescription(/\S/);
    }
    expect(tile('Win rate')).toHaveTextContent('73%');
    expect(tile('Win rate')).toHaveTextContent('8 won, 3 lost; 119 still open.');
    expect(tile('Win rate')).toHaveAccessibleDescription(/Of this period’s leads that are decided, the share won\./);
    const funnel = screen.getByRole('heading', { name: 'Conversion funnel' }).closest('section')!;
    expect(funnel).toHaveTextContent('How far this period’s 130 leads got');
    expect(within(funnel).getByText('Won').parentElement).toHaveTextContent('8 · 6% of all · 73% of decided');
  });

  it('explain an empty win rate next to deals signed from older leads (a salesperson’s view)', () => {
    render(<KpiTiles dashboard={makeFragmentData(dashboard({ NEW: 3, CONTACTED: 2 }, { averageDealSize: '18000.00' }), KpiTiles_DashboardFragmentDoc)} />);
    expect(tile('Win rate')).toHaveTextContent('—');
    expect(tile('Win rate')).toHaveTextContent('None of the 5 leads of this period is won or lost yet. Deals signed from older leads count in the average deal and revenue.');
    expect(tile('Average deal')).toHaveTextContent('$18,000');
    expect(tile('Average deal')).toHaveTextContent('The lead may have come in earlier.');
  });

  it('say why a number is missing', () => {
    render(<KpiTiles dashboard={makeFragmentData(dashboard({}), KpiTiles_DashboardFragmentDoc)} />);
    expect(tile('Win rate')).toHaveTextContent('No leads came in during this period.');
    expect(tile('Average deal')).toHaveTextContent('No project was signed from a lead in this period.');
    expect(tile('On budget')).toHaveTextContent('No current project has a budget yet.');
    expect(tile('Open pipeline')).toHaveTextContent('No open leads from this period.');
  });
});
