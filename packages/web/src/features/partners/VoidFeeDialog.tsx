import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { money } from '../../lib/format';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog, TextArea } from '../../ui';
import styles from './PartnerForm.module.css';

const VoidReferralFeeMutation = graphql(`
  mutation VoidReferralFee($input: VoidReferralFeeInput!) {
    voidReferralFee(input: $input) {
      referralFee { id ...PartnerFeeRow_fee }
      errors { field code message }
    }
  }
`);

const MAX_REASON = 500;

export interface VoidFeeDialogProps {
  fee: { id: string; amount: string };
  onClose: () => void;
}

/**
 * Voids a fee that is not owed after all (accrued or approved), with the reason; the server's refusals are shown on
 * the reason, or above it (the fee moved on meanwhile). The partner's fee sums load again.
 */
export function VoidFeeDialog({ fee, onClose }: VoidFeeDialogProps) {
  const [reason, setReason] = useState('');
  const form = useFormErrors(['reason'], { focus: true });
  const [voidFee, { loading }] = useMutation(VoidReferralFeeMutation, { refetchQueries: ['PartnerNumbers'] });

  const submit = async () => {
    const trimmed = reason.trim();
    if (form.check({ reason: !trimmed || trimmed.length > MAX_REASON ? 'Say why, in 1 to 500 characters.' : undefined })) return;
    const saved = await form.save(async () => (await voidFee({ variables: { input: { id: fee.id, reason: trimmed } } })).data?.voidReferralFee, {
      ok: (p) => p.referralFee,
      nothing: 'The fee was not voided. Try again.',
      unreachable: 'The server could not be reached. Check your connection and try again.',
    });
    if (saved) onClose();
  };

  return (
    <FormDialog title={`Void the ${money(fee.amount)} fee`} size="md" onClose={onClose} busy={loading} onSubmit={submit} submitLabel="Void fee" submitVariant="danger">
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={form.general} />
        <TextArea
          label="Reason *"
          rows={3}
          autoFocus
          required
          maxLength={MAX_REASON}
          value={reason}
          error={form.errors.reason}
          hint="E.g. the job was cancelled or refunded, or the referral was a duplicate. A void fee is never paid."
          onChange={(e) => {
            setReason(e.target.value);
            form.clear('reason');
          }}
        />
      </div>
    </FormDialog>
  );
}
