import { money } from '../../lib/format';
import { cx } from '../../ui';
import { costFigures } from './projectFormat';
import shared from './projects.module.css';
import styles from './Meters.module.css';

/** Completion as a bar with its percentage. */
export function CompletionBar({ value, label = 'Completion', large = false }: { value: number; label?: string; large?: boolean }) {
  const pct = Math.max(0, Math.min(100, value));
  return (
    <div className={cx(styles.meter, large && styles.meterLarge)}>
      <div
        className={styles.track}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
      >
        <span className={cx(styles.fill, pct === 100 && styles.fillDone)} style={{ width: `${pct}%` }} />
      </div>
      <span className={styles.meterValue}>{pct}%</span>
    </div>
  );
}

/** Cost so far against the budget: a bar, the figures, and the overrun in red. */
export function BudgetMeter({
  budget,
  actualCost,
  compact = false,
}: {
  budget: string | null | undefined;
  actualCost: string;
  compact?: boolean;
}) {
  const f = costFigures(budget, actualCost);
  const over = f.over > 0;
  const width = f.ratio === null ? 0 : Math.min(100, f.ratio * 100);
  return (
    <div className={cx(styles.budget, compact && styles.budgetCompact)}>
      <div className={styles.budgetFigures}>
        <span className={cx(styles.cost, over && styles.overText)}>{money(actualCost)}</span>
        <span className={shared.muted}> of {f.budget === null ? 'no budget' : money(budget)}</span>
      </div>
      {f.budget !== null && (
        <div
          className={styles.track}
          role="meter"
          aria-label="Cost against budget"
          aria-valuemin={0}
          aria-valuemax={f.budget}
          aria-valuenow={f.cost}
          aria-valuetext={`${money(actualCost)} of ${money(budget)}${over ? `, ${money(String(f.over))} over budget` : ''}`}
        >
          <span className={cx(styles.fill, styles.fillCost, over && styles.fillOver)} style={{ width: `${width}%` }} />
        </div>
      )}
      {over && <span className={styles.overNote}>{money(String(f.over))} over budget</span>}
    </div>
  );
}
