import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { enumLabel, percent } from '../../lib/format';
import { Card } from '../../ui';
import styles from './dashboard.module.css';

const FunnelChartFragment = graphql(`
  fragment FunnelChart_dashboard on Dashboard {
    funnel {
      status
      count
      rate
    }
  }
`);

/** Share of the period's leads that reached each stage, as horizontal bars. */
export function FunnelChart({ dashboard }: { dashboard: FragmentType<typeof FunnelChartFragment> }) {
  const { funnel } = getFragmentData(FunnelChartFragment, dashboard);
  return (
    <Card title="Conversion funnel">
      <ol className={styles.funnel}>
        {funnel.map((step) => (
          <li key={step.status} className={styles.funnelStep}>
            <div className={styles.funnelLabel}>
              <span>{enumLabel(step.status)}</span>
              <span>
                {step.count} · <strong>{percent(step.rate)}</strong>
              </span>
            </div>
            <div className={styles.funnelTrack} aria-hidden="true">
              <div className={styles.funnelBar} style={{ width: `${Math.round(step.rate * 100)}%` }} />
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
