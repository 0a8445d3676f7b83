import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { money, monthLabel } from '../../lib/format';
import { Card, EmptyState } from '../../ui';
import { RevenueBars } from './charts';
import styles from './dashboard.module.css';

const RevenueChartFragment = graphql(`
  fragment RevenueChart_dashboard on Dashboard {
    revenueByMonth {
      month
      revenue
      projects
    }
  }
`);

export function RevenueChart({ dashboard }: { dashboard: FragmentType<typeof RevenueChartFragment> }) {
  const { revenueByMonth } = getFragmentData(RevenueChartFragment, dashboard);
  const rows = revenueByMonth.map((m) => ({
    month: monthLabel(m.month),
    revenue: Number(m.revenue),
    projects: m.projects,
  }));
  return (
    <Card
      title="Revenue by month"
      description="Contract value of the projects signed each month (in company time), from any lead or none; cancelled projects left out."
      className={styles.wide}
    >
      {rows.length === 0 ? (
        <EmptyState title="No won projects in this period" />
      ) : (
        <div
          className={styles.chart}
          role="img"
          aria-label={rows.map((r) => `${r.month}: ${money(String(r.revenue))}`).join(', ')}
        >
          <RevenueBars rows={rows} />
        </div>
      )}
    </Card>
  );
}
