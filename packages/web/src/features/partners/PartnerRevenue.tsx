import { useMemo, useState } from 'react';
import { money } from '../../lib/format';
import { Card, Select, Spinner } from '../../ui';
import { conversionLabel } from './partnerFormat';
import { PERIODS, type Period } from './periods';
import { usePartnerPerformance } from './usePartnerPerformance';
import styles from './PartnerDetail.module.css';

/**
 * How the partner's referrals of a period did: referrals, wins, won revenue, conversion, time to win and (admins
 * and managers) the fee sums by status (void fees apart, owed and paid in neither). Read from `partnerPerformance` for this partner.
 */
export function PartnerRevenue({ partnerId, deleted }: { partnerId: string; deleted: boolean }) {
  const [period, setPeriod] = useState<Period>('LAST_12_MONTHS');
  const ids = useMemo(() => (deleted ? null : [partnerId]), [deleted, partnerId]);
  const { byPartner, loaded, complete, error } = usePartnerPerformance(period, ids);
  const n = byPartner.get(partnerId);
  const select = (
    <Select
      label="Period"
      hideLabel
      value={period}
      options={PERIODS}
      onChange={(e) => setPeriod(e.target.value as Period)}
      className={styles.periodSelect}
    />
  );

  let body;
  if (deleted) body = <p className={styles.emptyText}>Numbers are kept for active partners only; restore it to see them.</p>;
  else if (!loaded) body = <Spinner label="Loading the numbers…" />;
  else if (error) body = <p className={styles.emptyText}>The numbers could not be loaded: {error.message}</p>;
  else if (!n && !complete(partnerId)) body = <p className={styles.emptyText}>Not among the partners with numbers for this period.</p>;
  else {
    const rows: Array<[string, string]> = [
      ['Referrals', String(n?.referrals ?? 0)],
      ['Wins', String(n?.wins ?? 0)],
      ['Won revenue', money(n?.wonRevenue ?? '0')],
      ['Conversion', conversionLabel(n?.conversionRate ?? 0)],
      ['Days to win', n?.averageDaysToWin != null ? n.averageDaysToWin.toFixed(0) : '—'],
    ];
    if (n?.fees) {
      const { accrued, approved, paid, voided } = n.fees;
      rows.push(['Fees accrued', money(accrued)], ['Fees approved', money(approved)], ['Fees paid', money(paid)], ['Fees voided', money(voided)]);
    }
    body = (
      <dl className={styles.numbers}>
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <Card title="Revenue" actions={!deleted && select}>
      {body}
    </Card>
  );
}
