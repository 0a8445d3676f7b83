import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { money } from '../../lib/format';
import { Card, EmptyState } from '../../ui';
import styles from './dashboard.module.css';

const PipelineChartFragment = graphql(`
  fragment PipelineChart_dashboard on Dashboard {
    pipeline {
      status
      count
      value
    }
  }
`);

/** Axis labels short enough for a phone. */
const SHORT: Record<string, string> = {
  NEW: 'New',
  CONTACTED: 'Contacted',
  INSPECTION_SCHEDULED: 'Inspection',
  ESTIMATE_SENT: 'Estimate',
  WON: 'Won',
  LOST: 'Lost',
};

export function PipelineChart({ dashboard }: { dashboard: FragmentType<typeof PipelineChartFragment> }) {
  const { pipeline } = getFragmentData(PipelineChartFragment, dashboard);
  const rows = pipeline.map((p) => ({ stage: SHORT[p.status] ?? p.status, leads: p.count, value: Number(p.value) }));
  return (
    <Card
      title="Pipeline by stage"
      description="The leads that came in during this period, by the stage they are at now, with their estimated value."
      className={styles.wide}
    >
      {rows.every((r) => r.leads === 0) ? (
        <EmptyState title="No leads in this period" />
      ) : (
        <div className={styles.chart} role="img" aria-label={rows.map((r) => `${r.stage}: ${r.leads}`).join(', ')}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid horizontal={false} stroke="var(--c-border)" />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} tickLine={false} axisLine={false} />
              <YAxis type="category" dataKey="stage" width={84} tick={{ fontSize: 12 }} tickLine={false} />
              <Tooltip
                formatter={(value) => [value, 'Leads']}
                labelFormatter={(stage) => {
                  const row = rows.find((r) => r.stage === stage);
                  return row ? `${row.stage} · ${money(String(row.value))}` : String(stage);
                }}
              />
              <Bar dataKey="leads" fill="var(--chart-1)" radius={[0, 4, 4, 0]} barSize={22} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Card>
  );
}
