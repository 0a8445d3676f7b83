import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { money, percent } from '../../lib/format';
import styles from './dashboard.module.css';

const KpiTilesFragment = graphql(`
  fragment KpiTiles_dashboard on Dashboard {
    winRate
    averageDealSize
    onBudgetRatio
    pipeline {
      status
      count
      value
    }
  }
`);

const OPEN = new Set(['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT']);

export function KpiTiles({ dashboard }: { dashboard: FragmentType<typeof KpiTilesFragment> }) {
  const d = getFragmentData(KpiTilesFragment, dashboard);
  const open = d.pipeline.filter((p) => OPEN.has(p.status));
  const tiles = [
    { label: 'Win rate', value: percent(d.winRate), hint: 'Won of closed leads' },
    { label: 'Average deal', value: money(d.averageDealSize), hint: 'Contract value of won projects' },
    { label: 'On budget', value: percent(d.onBudgetRatio), hint: 'Projects within budget so far' },
    {
      label: 'Open pipeline',
      value: money(String(open.reduce((sum, p) => sum + Number(p.value), 0)), true),
      hint: `${open.reduce((sum, p) => sum + p.count, 0)} open leads`,
    },
  ];
  return (
    <div className={styles.kpis}>
      {tiles.map((t) => (
        <div key={t.label} className={styles.kpi}>
          <span className={styles.kpiLabel}>{t.label}</span>
          <span className={styles.kpiValue}>{t.value}</span>
          <span className={styles.kpiHint}>{t.hint}</span>
        </div>
      ))}
    </div>
  );
}
