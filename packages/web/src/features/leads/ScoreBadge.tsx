import { useId, useRef, useState } from 'react';
import { graphql } from '../../gql';
import { useAnchoredPosition, useDismiss } from '../../ui';
import styles from './ScoreBadge.module.css';

/** What the score badge and the list of reasons show; spread with `@unmask` where a lead's score is read. */
export const LeadScoreFragment = graphql(`
  fragment LeadScore_lead on Lead {
    score
    scoreFactors {
      factor
      points
      explanation
    }
  }
`);

export interface ScoreFactorView {
  factor: string;
  points: number;
  explanation: string;
}

const tone = (score: number) => (score >= 70 ? styles.hot : score >= 40 ? styles.warm : styles.cold);

/** The score alone, for phrasing content (a page subtitle); the reasons are shown elsewhere on the page. */
export function ScorePill({ score }: { score: number }) {
  return (
    <span className={`${styles.score} ${styles.pill} ${tone(score)}`} title="Lead score (0–100)">
      Score {score}
    </span>
  );
}

/**
 * The lead score; hover, focus or tap shows the reasons behind it. `tabIndex={-1}` takes it out of the tab order
 * where something else reaches it (a board card focuses it on S).
 */
export function ScoreBadge({ score, factors, tabIndex }: { score: number; factors: readonly ScoreFactorView[]; tabIndex?: number }) {
  // Fixed to the viewport (under the badge, else above it) so scrolling board columns cannot clip it.
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  const tip = useRef<HTMLSpanElement>(null);
  const tipId = useId();
  const position = useAnchoredPosition(shown, ref, tip, 'below-end');
  const open = () => setShown(true);
  const close = () => setShown(false);
  useDismiss(ref, shown, close);

  return (
    <span ref={ref} className={styles.scoreWrap} onMouseEnter={open} onMouseLeave={close}>
      <button
        type="button"
        className={`${styles.score} ${tone(score)}`}
        aria-label={`Score ${score} of 100`}
        aria-describedby={tipId}
        aria-expanded={shown}
        tabIndex={tabIndex}
        data-score=""
        onFocus={open}
        onBlur={close}
        onClick={open}
      >
        {score}
      </button>
      <span ref={tip} id={tipId} role="tooltip" className={styles.tip} style={position} hidden={!shown}>
        <strong className={styles.tipTitle}>Why {score}?</strong>
        {factors.length === 0 ? (
          <span>No scoring reasons recorded yet.</span>
        ) : (
          <ul className={styles.factors}>
            {factors.map((f) => (
              <li key={f.factor}>
                <span className={f.points < 0 ? styles.minus : styles.plus}>
                  {f.points > 0 ? '+' : ''}
                  {f.points}
                </span>{' '}
                {f.explanation}
              </li>
            ))}
          </ul>
        )}
      </span>
    </span>
  );
}
