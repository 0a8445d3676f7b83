import { Link } from 'react-router';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { Card } from '../../ui';
import { claimStatusLabel, CLAIM_STATUSES } from '../claims/claimFormat';
import { exactMoney } from '../claims/claimMoney';
import styles from './dashboard.module.css';

const ClaimsSummaryFragment = graphql(`
  fragment ClaimsSummary_dashboard on Dashboard {
    claims {
      openByStatus {
        status
        count
      }
      supplementsRequested
      supplementsApproved
      depreciationToCollect
    }
  }
`);

/**
 * Insurance claims of the dashboard's scope: the open ones by stage (now), supplement dollars requested and approved
 * (supplements sent in the period), and the recoverable depreciation still to collect (now). Each number says what
 * it counts; the amounts are the server's, to the cent.
 */
export function ClaimsSummary({ dashboard }: { dashboard: FragmentType<typeof ClaimsSummaryFragment> }) {
  const c = getFragmentData(ClaimsSummaryFragment, dashboard).claims;
  const byStage = [...c.openByStatus].sort((a, b) => CLAIM_STATUSES.indexOf(a.status) - CLAIM_STATUSES.indexOf(b.status));
  const open = byStage.reduce((n, s) => n + s.count, 0);
  const most = Math.max(...byStage.map((s) => s.count), 0);
  const figures = [
    {
      label: 'Supplements requested',
      value: exactMoney(c.supplementsRequested),
      definition: 'Requested totals of the supplements sent to carriers in this period.',
    },
    {
      label: 'Supplements approved',
      value: exactMoney(c.supplementsApproved),
      definition: 'What carriers approved of those same supplements (approved or partly approved).',
    },
    {
      label: 'Depreciation to collect',
      value: exactMoney(c.depreciationToCollect),
      definition: 'Recoverable depreciation not yet paid on claims not closed or denied, now (any period).',
    },
  ];
  return (
    <Card
      title="Insurance claims"
      description="Open claims by stage now, the period's supplement dollars, and the depreciation carriers still hold back."
      className={styles.full}
      actions={
        <Link to="/claims" className={styles.partnerMeta}>
          All claims
        </Link>
      }
    >
      <div className={styles.claims}>
        <div>
          <p className={styles.partnerMeta}>
            {open === 0 ? 'No open claims: every claim is closed, or none was recorded.' : `${open} open claim${open === 1 ? '' : 's'}: not closed, by stage now (any period).`}
          </p>
          {open > 0 && (
            <ul className={styles.partners} aria-label="Open claims by stage">
              {byStage.map((s) => (
                <li key={s.status}>
                  <div className={styles.funnelLabel}>
                    <Link to={`/claims?status=${s.status}`} className={styles.partnerName}>
                      {claimStatusLabel(s.status)}
                    </Link>
                    <strong>{s.count}</strong>
                  </div>
                  <div className={styles.funnelTrack} aria-hidden="true">
                    <div className={styles.funnelBar} style={{ width: `${most > 0 ? Math.round((s.count / most) * 100) : 0}%` }} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
        <dl className={styles.claimNumbers} aria-label="Claim money">
          {figures.map((f) => (
            <div key={f.label} className={styles.claimFigure}>
              <dt className={styles.kpiLabel}>{f.label}</dt>
              <dd className={styles.reputationValue}>{f.value}</dd>
              <dd className={styles.kpiDefinition}>{f.definition}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  );
}
