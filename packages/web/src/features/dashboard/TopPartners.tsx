import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { money } from '../../lib/format';
import { Card } from '../../ui';
import { conversionLabel, kindLabel } from '../partners/partnerFormat';
import styles from './dashboard.module.css';

const TopPartnersFragment = graphql(`
  fragment TopPartners_dashboard on Dashboard {
    topPartners(first: 5) {
      partner {
        id
        name
        kind
      }
      referrals
      wins
      wonRevenue
      conversionRate
    }
  }
`);

/** The partners whose referrals of the period won the most revenue, as bars scaled to the best one. */
export function TopPartners({ dashboard }: { dashboard: FragmentType<typeof TopPartnersFragment> }) {
  const { topPartners } = getFragmentData(TopPartnersFragment, dashboard);
  const best = Math.max(...topPartners.map((p) => Number(p.wonRevenue)), 0);
  return (
    <Card title="Top partners" description="The partners whose referrals of this period won the most contract value.">
      {topPartners.length === 0 ? (
        <p className={styles.partnerMeta}>No referrals from partners in this period.</p>
      ) : (
        <ol className={styles.partners} aria-label="Top partners by won revenue">
          {topPartners.map((p) => (
            <li key={p.partner.id}>
              <div className={styles.funnelLabel}>
                <Link to={`/partners/${p.partner.id}`} className={styles.partnerName}>
                  {p.partner.name}
                </Link>
                <strong>{money(p.wonRevenue)}</strong>
              </div>
              <div className={styles.funnelTrack} aria-hidden="true">
                <div
                  className={styles.funnelBar}
                  style={{ width: `${best > 0 ? Math.round((Number(p.wonRevenue) / best) * 100) : 0}%` }}
                />
              </div>
              <span className={styles.partnerMeta}>
                {kindLabel(p.partner.kind)} · {p.referrals} referral{p.referrals === 1 ? '' : 's'} · {p.wins} won ·{' '}
                {conversionLabel(p.conversionRate)} conversion
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
