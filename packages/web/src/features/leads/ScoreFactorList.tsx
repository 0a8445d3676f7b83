import { enumLabel } from '../../lib/format';
import type { ScoreFactorView } from './ScoreBadge';
import styles from './leadDetail.module.css';

/** Every scoring reason with its points (positive or negative), largest effect first. */
export function ScoreFactorList({ factors }: { factors: readonly ScoreFactorView[] }) {
  if (factors.length === 0) return <p className={styles.muted}>No scoring reasons recorded yet.</p>;
  const sorted = [...factors].sort((a, b) => Math.abs(b.points) - Math.abs(a.points));
  return (
    <ul className={styles.factorList} aria-label="Score factors">
      {sorted.map((f) => (
        <li key={f.factor} className={styles.factor}>
          <span className={f.points < 0 ? styles.pointsMinus : f.points > 0 ? styles.pointsPlus : styles.pointsZero}>
            {f.points > 0 ? '+' : ''}
            {f.points}
          </span>
          <span>
            <strong className={styles.factorName}>{enumLabel(f.factor)}</strong>
            <span className={styles.factorWhy}>{f.explanation}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
