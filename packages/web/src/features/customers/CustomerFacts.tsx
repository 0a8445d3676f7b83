import type { CustomerDetailQuery } from '../../gql/graphql';
import { addressLines, dateLabel, money, phoneLabel } from '../../lib/format';
import { Card } from '../../ui';
import { mapUrl, referralsLabel, typeLabel } from './customerFormat';
import shared from './customers.module.css';
import styles from './CustomerFacts.module.css';

type DetailCustomer = NonNullable<CustomerDetailQuery['customer']>;

/**
 * The customer page's side column: contact and consent, property address and account facts (with the neighbours the
 * customer referred from the rating page, once there are any).
 */
export function CustomerFacts({ customer }: { customer: DetailCustomer }) {
  const address = addressLines(customer.address);
  const maps = mapUrl(customer.address);
  return (
    <>
      <Card title="Contact">
        <dl className={styles.facts}>
          <dt>Phone</dt>
          <dd>
            {customer.phone ? (
              <a href={`tel:${customer.phone}`}>{phoneLabel(customer.phone)}</a>
            ) : (
              <span className={shared.muted}>—</span>
            )}
          </dd>
          <dt>E-mail</dt>
          <dd>
            {customer.email ? (
              <a href={`mailto:${customer.email}`}>{customer.email}</a>
            ) : (
              <span className={shared.muted}>—</span>
            )}
          </dd>
          <dt>E-mail opt-in</dt>
          <dd>{customer.emailOptIn ? 'Yes, marketing and review requests' : 'No'}</dd>
          <dt>SMS opt-in</dt>
          <dd>{customer.smsOptIn ? 'Yes' : 'No'}</dd>
        </dl>
      </Card>
      <Card title="Property">
        {address.length ? (
          <address className={styles.address}>
            {address.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </address>
        ) : (
          <p className={shared.emptyText}>No address on file.</p>
        )}
        {maps && (
          <a href={maps} target="_blank" rel="noreferrer" className={shared.itemMeta}>
            Open in Maps<span className="visually-hidden"> (new tab)</span>
          </a>
        )}
      </Card>
      <Card title="Account">
        <dl className={styles.facts}>
          <dt>Type</dt>
          <dd>{typeLabel(customer.customerType)}</dd>
          <dt>Segment</dt>
          <dd>{customer.segment ?? <span className={shared.muted}>—</span>}</dd>
          <dt>Lifetime value</dt>
          <dd>{money(customer.lifetimeValue)}</dd>
          {customer.referrals.leads > 0 && (
            <>
              <dt>Referrals</dt>
              <dd>{referralsLabel(customer.referrals)}</dd>
            </>
          )}
          <dt>Team</dt>
          <dd>{customer.owningTeam?.name ?? <span className={shared.muted}>—</span>}</dd>
          <dt>Created</dt>
          <dd>
            {dateLabel(customer.createdAt)}
            {customer.createdBy && ` by ${customer.createdBy.name}`}
          </dd>
          <dt>Last change</dt>
          <dd>{dateLabel(customer.updatedAt)}</dd>
        </dl>
      </Card>
    </>
  );
}
