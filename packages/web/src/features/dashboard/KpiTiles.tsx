import { useId } from 'react';
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

const leads = (n: number) => `${n} lead${n === 1 ? '' : 's'}`;

/** What a tile shows: the number, what it means (always), and what is behind it or why there is none. */
interface Tile {
  label: string;
  value: string;
  definition: string;
  note: string;
}

/**
 * The period's key numbers. Win rate, the funnel and the pipeline count the same leads (created in the period, in the
 * dashboard's scope), so the tile names its won, lost and open counts; deals and budgets are counted by project.
 */
export function winRateTile(pipeline: ReadonlyArray<{ status: string; count: number }>, winRate: number | null | undefined): Tile {
  const count = (s: string) => pipeline.find((p) => p.status === s)?.count ?? 0;
  const [won, lost] = [count('WON'), count('LOST')];
  const open = pipeline.filter((p) => OPEN.has(p.status)).reduce((n, p) => n + p.count, 0);
  let note: string;
  if (won + lost + open === 0) note = 'No leads came in during this period.';
  else if (won + lost === 0) {
    note = `None of the ${leads(open)} of this period is won or lost yet. Deals signed from older leads count in the average deal and revenue.`;
  } else note = `${won} won, ${lost} lost; ${open} still open.`;
  return {
    label: 'Win rate',
    value: percent(winRate),
    definition: 'Of this period’s leads that are decided, the share won.',
    note,
  };
}

export function KpiTiles({ dashboard }: { dashboard: FragmentType<typeof KpiTilesFragment> }) {
  const d = getFragmentData(KpiTilesFragment, dashboard);
  const id = useId();
  const open = d.pipeline.filter((p) => OPEN.has(p.status));
  const openCount = open.reduce((sum, p) => sum + p.count, 0);
  const tiles: Tile[] = [
    winRateTile(d.pipeline, d.winRate),
    {
      label: 'Average deal',
      value: money(d.averageDealSize),
      definition: 'Contract value per project signed from a lead in this period (cancelled ones left out).',
      note: d.averageDealSize == null ? 'No project was signed from a lead in this period.' : 'The lead may have come in earlier.',
    },
    {
      label: 'On budget',
      value: percent(d.onBudgetRatio),
      definition: 'Share of current projects with a budget whose cost so far is within it (any period).',
      note: d.onBudgetRatio == null ? 'No current project has a budget yet.' : 'Cancelled projects are left out.',
    },
    {
      label: 'Open pipeline',
      value: money(String(open.reduce((sum, p) => sum + Number(p.value), 0)), true),
      definition: 'Estimated value of this period’s leads that are still open.',
      note: openCount ? `${leads(openCount)} open.` : 'No open leads from this period.',
    },
  ];
  return (
    <div className={styles.kpis}>
      {tiles.map((t, i) => (
        <section key={t.label} className={styles.kpi} aria-labelledby={`${id}-${i}`} aria-describedby={`${id}-${i}-def ${id}-${i}-note`}>
          <h2 id={`${id}-${i}`} className={styles.kpiLabel}>
            {t.label}
          </h2>
          <span className={styles.kpiValue}>{t.value}</span>
          <span id={`${id}-${i}-note`} className={styles.kpiHint}>
            {t.note}
          </span>
          <span id={`${id}-${i}-def`} className={styles.kpiDefinition}>
            {t.definition}
          </span>
        </section>
      ))}
    </div>
  );
}
