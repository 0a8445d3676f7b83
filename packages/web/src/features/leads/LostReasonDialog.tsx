import { useState } from 'react';
import { splitUserErrors } from '../../lib/formErrors';
import type { UserErrorLike } from '../../lib/formErrors';
import { Button, Dialog, TextField } from '../../ui';

export interface LostReasonDialogProps {
  leadName: string;
  onCancel: () => void;
  /** Resolves with the server's refusals; an empty list closes the dialog. */
  onSubmit: (reason: string) => Promise<readonly UserErrorLike[]>;
}

/** Asks why a lead was lost: the server requires a reason for LOST. */
export function LostReasonDialog({ leadName, onCancel, onSubmit }: LostReasonDialogProps) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (form: HTMLFormElement) => {
    setBusy(true);
    const errors = await onSubmit(String(new FormData(form).get('lostReason') ?? '').trim());
    setBusy(false);
    const split = splitUserErrors(errors, ['lostReason']);
    if (split.byField.lostReason) setError(split.byField.lostReason);
    else onCancel();
  };

  return (
    <Dialog
      title={`Mark ${leadName} as lost`}
      onClose={onCancel}
      busy={busy}
      onSubmit={(e) => void submit(e.currentTarget)}
      actions={
        <>
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" loading={busy}>
            Mark as lost
          </Button>
        </>
      }
    >
      <TextField label="Why was it lost?" name="lostReason" maxLength={500} autoFocus required error={error} />
    </Dialog>
  );
}
