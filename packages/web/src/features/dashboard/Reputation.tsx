import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { percent } from '../../lib/format';
import { Card } from '../../ui';
import { averageLabel, platformLabel, shareLabel } from '../reviews/reviewFormat';
import { Stars } from '../reviews/Stars';
import styles from './dashboard.module.css';

const ReputationFragment = graphql(`
  fragment Reputation_dashboard on Dashboard {
    reputation {
      overall {
        count
        averageRating
        positiveShare
      }
      byPlatform {
        platform
        stats {
          count
          averageRating
          positiveShare
        }
      }
      requests {
        sent
        answered
        responseRate
        unhappy
      }
    }
  }
`);

/**
 * The period's reviews: average stars, how many, the share of 4–5 star ones, and the same per platform; and the review
 * requests sent in it: how many, how many were answered (and the share), and how many answers were unhappy (1–3 stars).
 */
export function Reputation({ dashboard }: { dashboard: FragmentType<typeof ReputationFragment> }) {
  const { overall, byPlatform, requests } = getFragmentData(ReputationFragment, dashboard).reputation;
  const most = Math.max(...byPlatform.map((p) => p.stats.count), 0);
  const requestFigures = [
    ['Requests sent', requests.sent],
    ['Answered', requests.answered],
    ['Response rate', percent(requests.responseRate)],
    ['Unhappy answers', requests.unhappy],
  ] as const;
  return (
    <Card
      title="Reputation"
      description="Reviews posted in this period (average stars, 4–5 star share, per platform) and the review requests sent in it."
      className={styles.full}
      actions={
        <Link to="/reviews" className={styles.partnerMeta}>
          All reviews
        </Link>
      }
    >
      <div className={styles.reputation}>
        <div className={styles.reputationSide}>
          {overall.count === 0 ? (
            <p className={styles.partnerMeta}>No reviews posted in this period.</p>
          ) : (
            <dl className={styles.reputationNumbers} aria-label="Reviews of the period">
              <div>
                <dt className={styles.kpiLabel}>Average stars</dt>
                <dd className={styles.reputationValue}>
                  {averageLabel(overall.averageRating)}
                  {overall.averageRating != null && (
                    // The number says it; the stars only draw it.
                    <span aria-hidden="true">
                      <Stars rating={Math.round(overall.averageRating)} className={styles.reputationStars} />
                    </span>
                  )}
                </dd>
              </div>
              <div>
                <dt className={styles.kpiLabel}>Reviews</dt>
                <dd className={styles.reputationValue}>{overall.count}</dd>
              </div>
              <div>
                <dt className={styles.kpiLabel}>4–5 stars</dt>
                <dd className={styles.reputationValue}>{shareLabel(overall.positiveShare)}</dd>
              </div>
            </dl>
          )}
          <dl className={styles.requestNumbers} aria-label="Review requests of the period">
            {requestFigures.map(([label, value]) => (
              <div key={label}>
                <dt className={styles.kpiLabel}>{label}</dt>
                <dd className={styles.reputationValue}>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
        {overall.count > 0 && (
          <ul className={styles.partners} aria-label="Reviews by platform">
            {byPlatform.map(({ platform, stats }) => (
              <li key={platform}>
                <div className={styles.funnelLabel}>
                  <span className={styles.partnerName}>{platformLabel(platform)}</span>
                  <span>
                    <strong>{averageLabel(stats.averageRating)}</strong>
                    <span className="visually-hidden"> average stars</span>
                  </span>
                </div>
                <div className={styles.funnelTrack} aria-hidden="true">
                  <div className={styles.funnelBar} style={{ width: `${most > 0 ? Math.round((stats.count / most) * 100) : 0}%` }} />
                </div>
                <span className={styles.partnerMeta}>
                  {stats.count} review{stats.count === 1 ? '' : 's'} · {shareLabel(stats.positiveShare)} with 4–5 stars
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}
