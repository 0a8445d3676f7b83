import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { Leaderboard_DashboardFragment } from '../../gql/graphql';
import { money } from '../../lib/format';
import { Card, Table, type Column } from '../../ui';

const LeaderboardFragment = graphql(`
  fragment Leaderboard_dashboard on Dashboard {
    leaderboard {
      user {
        id
        name
      }
      leads
      wins
      revenue
      avgResponseHours
    }
  }
`);

type Row = Leaderboard_DashboardFragment['leaderboard'][number];

const COLUMNS: ReadonlyArray<Column<Row>> = [
  { key: 'name', header: 'Salesperson', render: (r) => r.user.name },
  { key: 'leads', header: 'Leads', render: (r) => r.leads, numeric: true },
  { key: 'wins', header: 'Wins', render: (r) => r.wins, numeric: true },
  { key: 'revenue', header: 'Revenue', render: (r) => money(r.revenue), numeric: true },
  {
    key: 'response',
    header: 'Avg response',
    render: (r) => (r.avgResponseHours == null ? '—' : `${r.avgResponseHours.toFixed(1)} h`),
    numeric: true,
  },
];

export function LeaderboardTable({ dashboard }: { dashboard: FragmentType<typeof LeaderboardFragment> }) {
  const { leaderboard } = getFragmentData(LeaderboardFragment, dashboard);
  return (
    <Card
      title="Leaderboard"
      description="Per salesperson, this period’s leads assigned to them, the won ones and their projects’ contract value, and the average hours to the first logged contact (— until one is logged)."
    >
      <Table
        caption="Sales results per person, best revenue first"
        columns={COLUMNS}
        rows={leaderboard}
        rowKey={(r) => r.user.id}
        empty="No sales activity in this period."
      />
    </Card>
  );
}
