import { getFragmentData, graphql, type FragmentType } from '../../gql';
import type { SourceRoiTable_DashboardFragment } from '../../gql/graphql';
import { enumLabel, money, percent } from '../../lib/format';
import { Card, Table, type Column } from '../../ui';

const SourceRoiTableFragment = graphql(`
  fragment SourceRoiTable_dashboard on Dashboard {
    sourceRoi {
      source
      leads
      wins
      revenue
      conversionRate
    }
  }
`);

type Row = SourceRoiTable_DashboardFragment['sourceRoi'][number];

const COLUMNS: ReadonlyArray<Column<Row>> = [
  { key: 'source', header: 'Source', render: (r) => enumLabel(r.source) },
  { key: 'leads', header: 'Leads', render: (r) => r.leads, numeric: true },
  { key: 'wins', header: 'Wins', render: (r) => r.wins, numeric: true },
  { key: 'rate', header: 'Conversion', render: (r) => percent(r.conversionRate), numeric: true },
  { key: 'revenue', header: 'Revenue', render: (r) => money(r.revenue), numeric: true },
];

export function SourceRoiTable({ dashboard }: { dashboard: FragmentType<typeof SourceRoiTableFragment> }) {
  const { sourceRoi } = getFragmentData(SourceRoiTableFragment, dashboard);
  return (
    <Card
      title="Lead sources"
      description="Per source, this period’s leads, how many are won, conversion (won ÷ leads) and the contract value of the projects those wins became."
    >
      <Table
        caption="Leads, wins and revenue per lead source"
        columns={COLUMNS}
        rows={sourceRoi}
        rowKey={(r) => r.source}
        empty="No leads in this period."
      />
    </Card>
  );
}
