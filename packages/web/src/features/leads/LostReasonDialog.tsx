import { useRef, useState, type FormEvent } from 'react';
import { splitUserErrors } from '../../lib/userErrors';
import type { UserErrorLike } from '../../lib/userErrors';
import { Button, TextField, useDismiss } from '../../ui';
import styles from './leads.module.css';

export interface LostReasonDialogProps {
  leadName: string;
  onCancel: () => void;
  /** Resolves with the server's refusals; an empty list closes the dialog. */
  onSubmit: (reason: string) => Promise<readonly UserErrorLike[]>;
}

/** Asks why a lead was lost: the server requires a reason for LOST. */
export function LostReasonDialog({ leadName, onCancel, onSubmit }: LostReasonDialogProps) {
  const ref = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDismiss(ref, !busy, onCancel);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    const errors = await onSubmit(String(new FormData(e.currentTarget).get('lostReason') ?? '').trim());
    setBusy(false);
    const split = splitUserErrors(errors, ['lostReason']);
    if (split.byField.lostReason) setError(split.byField.lostReason);
    else onCancel();
  };

  return (
    <div className={styles.backdrop}>
      <form
        ref={ref}
        className={styles.dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby="lost-title"
        onSubmit={submit}
      >
        <h2 id="lost-title" className={styles.dialogTitle}>
          Mark {leadName} as lost
        </h2>
        <TextField label="Why was it lost?" name="lostReason" maxLength={500} autoFocus required error={error} />
        <div className={styles.dialogActions}>
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" loading={busy}>
            Mark as lost
          </Button>
        </div>
      </form>
    </div>
  );
}
