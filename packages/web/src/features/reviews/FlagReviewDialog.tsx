import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog, TextArea } from '../../ui';
import { FlagReviewMutation } from './reviewDocuments';
import styles from './ReviewForm.module.css';

const MAX_REASON = 1000;

export interface FlagReviewDialogProps {
  reviewId: string;
  /** The reason it is flagged for now, if it is. */
  currentReason?: string | null;
  onClose: () => void;
}

/** Flags a review for attention (suspected fake, abusive, needs follow-up) with the reason. */
export function FlagReviewDialog({ reviewId, currentReason, onClose }: FlagReviewDialogProps) {
  const [reason, setReason] = useState(currentReason ?? '');
  const form = useFormErrors(['reason'], { focus: true });
  const [flag, { loading }] = useMutation(FlagReviewMutation);

  const submit = async () => {
    const trimmed = reason.trim();
    if (form.check({ reason: !trimmed || trimmed.length > MAX_REASON ? 'Say why, in 1 to 1,000 characters.' : undefined })) return;
    const saved = await form.save(async () => (await flag({ variables: { id: reviewId, reason: trimmed } })).data?.flagReview, {
      ok: (p) => p.review,
      nothing: 'The review was not flagged. Try again.',
      unreachable: 'The server could not be reached. Check your connection and try again.',
    });
    if (saved) onClose();
  };

  return (
    <FormDialog title="Flag this review" size="md" onClose={onClose} busy={loading} onSubmit={submit} submitLabel="Flag review">
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={form.general} />
        <TextArea
          label="Reason *"
          rows={4}
          autoFocus
          required
          maxLength={MAX_REASON}
          value={reason}
          error={form.errors.reason}
          hint="E.g. suspected fake, abusive, needs a follow-up call"
          onChange={(e) => {
            setReason(e.target.value);
            form.clear('reason');
          }}
        />
      </div>
    </FormDialog>
  );
}
