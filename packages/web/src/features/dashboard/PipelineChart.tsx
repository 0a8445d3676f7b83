import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { Card, EmptyState } from '../../ui';
import { PipelineBars } from './charts';
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
          <PipelineBars rows={rows} />
        </div>
      )}
    </Card>
  );
}
