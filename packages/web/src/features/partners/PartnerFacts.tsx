import type { PartnerDetailQuery } from '../../gql/graphql';
import { dateLabel, enumLabel } from '../../lib/format';
import { Card } from '../../ui';
import { Facts } from '../leads/Facts';
import { feeTermsLabel, kindLabel } from './partnerFormat';
import styles from './PartnerDetail.module.css';

type DetailPartner = NonNullable<PartnerDetailQuery['partner']>;

/** The partner page's side column: who they are to the company, and the fee terms agreed. */
export function PartnerFacts({ partner }: { partner: DetailPartner }) {
  return (
    <>
      <Card title="Partnership">
        <Facts
          items={[
            ['Kind', kindLabel(partner.kind)],
            ['Status', enumLabel(partner.status)],
            ['Owner', partner.owner?.name ?? null],
            ['Team', partner.owningTeam?.name ?? null],
            ['Created', `${dateLabel(partner.createdAt)}${partner.createdBy ? ` by ${partner.createdBy.name}` : ''}`],
            ['Last change', dateLabel(partner.updatedAt)],
          ]}
        />
      </Card>
      <Card title="Fee terms">
        <p className={styles.terms}>{feeTermsLabel(partner.referralFee)}</p>
      </Card>
      <Card title="Notes">
        {partner.notes ? <p className={styles.notes}>{partner.notes}</p> : <p className={styles.emptyText}>No notes yet.</p>}
      </Card>
    </>
  );
}
