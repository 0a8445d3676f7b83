import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { CarrierPaymentKind } from '../../gql/graphql';
import { toDateInput } from '../../lib/dateInputs';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog, Select, TextField } from '../../ui';
import { RecordCarrierPaymentMutation } from './claimDocuments';
import { PAYMENT_KIND_OPTIONS } from './claimFormat';
import { parseAmount } from './claimMoney';
import styles from './ClaimForm.module.css';

const PATHS = ['kind', 'amount', 'receivedOn', 'reference'];

/** Records a payment received from the carrier (kind, amount, day, cheque or transfer reference). */
export function PaymentDialog({ claimId, onClose }: { claimId: string; onClose: () => void }) {
  const [kind, setKind] = useState<CarrierPaymentKind>('ACV');
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => toDateInput(new Date()));
  const [reference, setReference] = useState('');
  const form = useFormErrors(PATHS, { focus: true });
  const [record, { loading }] = useMutation(RecordCarrierPaymentMutation);

  const submit = async () => {
    const money = parseAmount(amount);
    const invalid = {
      amount: money == null || /^0*(\.0*)?$/.test(money) ? 'Enter the amount in dollars and cents, more than 0.' : undefined,
      receivedOn: !receivedOn ? 'Enter the day it was received.' : receivedOn > toDateInput(new Date()) ? 'The day cannot be in the future.' : undefined,
      reference: reference.trim().length > 100 ? 'At most 100 characters.' : undefined,
    };
    if (form.check(invalid)) return;
    const saved = await form.save(
      async () =>
        (await record({ variables: { input: { claimId, kind, amount: money!, receivedOn, reference: reference.trim() || null } } })).data
          ?.recordCarrierPayment,
      { ok: (p) => p.claim, nothing: 'The payment was not recorded. Try again.', unreachable: 'The server could not be reached. Try again.' },
    );
    if (saved) onClose();
  };

  return (
    <FormDialog title="Record a carrier payment" onClose={onClose} busy={loading} onSubmit={submit} submitLabel="Record payment">
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={form.general} />
        <Select label="Kind" options={PAYMENT_KIND_OPTIONS} value={kind} error={form.errors.kind} onChange={(e) => setKind(e.target.value as CarrierPaymentKind)} />
        <TextField
          label="Amount *"
          inputMode="decimal"
          autoFocus
          placeholder="0.00"
          value={amount}
          error={form.errors.amount}
          onChange={(e) => {
            setAmount(e.target.value);
            form.clear('amount');
          }}
        />
        <TextField
          label="Received on *"
          type="date"
          value={receivedOn}
          error={form.errors.receivedOn}
          onChange={(e) => {
            setReceivedOn(e.target.value);
            form.clear('receivedOn');
          }}
        />
        <TextField
          label="Reference"
          value={reference}
          maxLength={100}
          placeholder="Cheque or transfer number"
          error={form.errors.reference}
          onChange={(e) => {
            setReference(e.target.value);
            form.clear('reference');
          }}
        />
      </div>
    </FormDialog>
  );
}
