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
    winRate
  }
`);

/**
 * Share of the period's leads that reached each stage, as horizontal bars. Its "Won" is of all those leads, open ones
 * included; the win rate (same leads) is of the decided ones only — the Won row shows both, so they never seem to
 * disagree.
 */
export function FunnelChart({ dashboard }: { dashboard: FragmentType<typeof FunnelChartFragment> }) {
  const { funnel, winRate } = getFragmentData(FunnelChartFragment, dashboard);
  const total = funnel[0]?.count ?? 0;
  return (
    <Card
      title="Conversion funnel"
      description={`How far this period’s ${total} lead${total === 1 ? '' : 's'} got: each bar is the share that reached the stage or a later one (a lost lead counts as New only). Won is the share of all of them, open ones included; the win rate counts decided leads only.`}
    >
      {total === 0 ? (
        <p className={styles.kpiHint}>No leads came in during this period.</p>
      ) : (
        <ol className={styles.funnel}>
          {funnel.map((step) => (
            <li key={step.status} className={styles.funnelStep}>
              <div className={styles.funnelLabel}>
                <span>{enumLabel(step.status)}</span>
                <span>
                  {step.count} · <strong>{percent(step.rate)}</strong>
                  {step.status === 'WON' && winRate != null && <> of all · {percent(winRate)} of decided</>}
                </span>
              </div>
              <div className={styles.funnelTrack} aria-hidden="true">
                <div className={styles.funnelBar} style={{ width: `${Math.round(step.rate * 100)}%` }} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
