import { cx } from '../../ui';
import { starsLabel } from './reviewFormat';
import styles from './Stars.module.css';

/** A rating as five stars, filled up to it; read as `4 of 5 stars`. */
export function Stars({ rating, className }: { rating: number; className?: string }) {
  return (
    <span role="img" aria-label={starsLabel(rating)} className={cx(styles.stars, className)}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} aria-hidden="true" className={n <= rating ? styles.on : styles.off}>
          ★
        </span>
      ))}
    </span>
  );
}
