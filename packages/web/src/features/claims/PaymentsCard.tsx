import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ClaimDetail_ClaimFragment } from '../../gql/graphql';
import { calendarDateLabel } from '../../lib/format';
import { failureMessage } from '../../lib/formErrors';
import { Button, Card, tableStyles } from '../../ui';
import { RemoveCarrierPaymentMutation } from './claimDocuments';
import { paymentKindLabel } from './claimFormat';
import { exactMoney } from './claimMoney';
import { PaymentDialog } from './PaymentDialog';
import styles from './ClaimDetail.module.css';

export interface PaymentsCardProps {
  claim: Pick<ClaimDetail_ClaimFragment, 'id' | 'payments' | 'money'>;
  /** Admins, managers and sales record payments. */
  canRecord: boolean;
  /** Admins and managers remove one recorded by mistake. */
  canRemove: boolean;
}

/** What the carrier paid (ACV, depreciation, supplements); the balance on the money card follows each one. */
export function PaymentsCard({ claim, canRecord, canRemove }: PaymentsCardProps) {
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [remove, removing] = useMutation(RemoveCarrierPaymentMutation);

  const removePayment = async (id: string) => {
    setMessage(null);
    try {
      const { data } = await remove({ variables: { id } });
      const errors = data?.removeCarrierPayment.errors ?? [];
      if (errors.length) setMessage(errors.map((e) => e.message).join(' '));
    } catch (e) {
      setMessage(failureMessage(e, 'The payment was not removed.'));
    }
  };

  return (
    <Card
      title="Carrier payments"
      description={`Received so far: ${exactMoney(claim.money.paymentsReceived)}; the carrier still owes ${exactMoney(claim.money.carrierOwes)}.`}
      actions={
        canRecord && (
          <Button size="sm" onClick={() => setRecording(true)}>
            Record a payment
          </Button>
        )
      }
    >
      {message && (
        <p className={styles.errorText} role="alert">
          {message}
        </p>
      )}
      {claim.payments.length === 0 ? (
        <p className={styles.muted}>No payments recorded yet.</p>
      ) : (
        <div className={styles.tableScroll}>
          <table className={tableStyles.table}>
            <caption className="visually-hidden">Carrier payments</caption>
            <thead>
              <tr>
                <th scope="col">Received</th>
                <th scope="col">Kind</th>
                <th scope="col">Reference</th>
                <th scope="col" className={styles.num}>
                  Amount
                </th>
                {canRemove && (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {claim.payments.map((p) => (
                <tr key={p.id}>
                  <td className={tableStyles.nowrap}>
                    <time dateTime={p.receivedOn}>{calendarDateLabel(p.receivedOn)}</time>
                  </td>
                  <td>{paymentKindLabel(p.kind)}</td>
                  <td>{p.reference ?? '—'}</td>
                  <td className={styles.num}>{exactMoney(p.amount)}</td>
                  {canRemove && (
                    <td>
                      <Button
                        size="sm"
                        variant="ghost"
                        disabled={removing.loading}
                        aria-label={`Remove the ${paymentKindLabel(p.kind)} payment of ${exactMoney(p.amount)}`}
                        onClick={() => void removePayment(p.id)}
                      >
                        Remove
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {recording && <PaymentDialog claimId={claim.id} onClose={() => setRecording(false)} />}
    </Card>
  );
}
