import { useState, type ReactNode } from 'react';
import type { UserErrorLike } from '../../../lib/formErrors';
import { useFormErrors } from '../../../lib/useFormErrors';
import { ConfirmButtons, Dialog, FormDialog, TextField } from '../../../ui';
import { UNREACHABLE } from '../options';
import { FormMessages } from '../Section';

type Payload = { errors: readonly UserErrorLike[] };

export interface RotateSecretDialogProps<P extends Payload & { secret?: string | null }> {
  /** `Rotate Website form?` */
  title: string;
  /** What rotating does, above the field. */
  children: ReactNode;
  submitLabel: string;
  /** The grace minutes offered at first. */
  initialGrace: string;
  busy: boolean;
  /** Runs the mutation with the grace minutes and returns its payload. */
  rotate: (graceMinutes: number) => Promise<P | null | undefined>;
  nothing: string;
  onClose: () => void;
  /** It worked: the payload, its new secret to be shown once. */
  onRotated: (payload: P, secret: string) => void;
}

/** Admins: a new secret for a key or an endpoint; the previous one keeps working for the grace minutes (0 to 7 days). */
export function RotateSecretDialog<P extends Payload & { secret?: string | null }>(props: RotateSecretDialogProps<P>) {
  const { title, children, submitLabel, initialGrace, busy, rotate, nothing, onClose, onRotated } = props;
  const [grace, setGrace] = useState(initialGrace);
  const form = useFormErrors(['graceMinutes'], { focus: true });
  const submit = async () => {
    const ok = /^\d+$/.test(grace.trim()) && Number(grace) <= 10_080;
    if (form.check({ graceMinutes: ok ? undefined : 'Enter 0 to 10,080 minutes (7 days).' })) return;
    const saved = await form.save(() => rotate(Number(grace)), { ok: (p) => p.secret, nothing, unreachable: UNREACHABLE });
    if (saved?.secret) onRotated(saved, saved.secret);
  };
  return (
    <FormDialog title={title} size="sm" busy={busy} onClose={onClose} onSubmit={submit} submitLabel={submitLabel}>
      <p>{children}</p>
      <TextField
        label="Old secret keeps working for (minutes)"
        inputMode="numeric"
        value={grace}
        error={form.errors.graceMinutes}
        hint="0 stops it at once; at most 10,080 (7 days)."
        onChange={(e) => {
          setGrace(e.target.value);
          form.clear('graceMinutes');
        }}
      />
      <FormMessages errors={form.general} />
    </FormDialog>
  );
}

export interface ConfirmMutationDialogProps<P extends Payload> {
  title: string;
  confirmLabel: string;
  busy: boolean;
  /** Runs the mutation and returns its payload. */
  run: () => Promise<P | null | undefined>;
  /** Whether the payload is a success. */
  ok: (payload: P) => unknown;
  nothing: string;
  onClose: () => void;
  /** What the action does (it cannot be undone). */
  children: ReactNode;
}

/** Admins: confirms a destructive change (revoke a key, delete an endpoint); closes once it is done. */
export function ConfirmMutationDialog<P extends Payload>({ title, confirmLabel, busy, run, ok, nothing, onClose, children }: ConfirmMutationDialogProps<P>) {
  const form = useFormErrors([]);
  const confirm = async () => {
    if (await form.save(run, { ok, nothing, unreachable: UNREACHABLE })) onClose();
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      busy={busy}
      actions={<ConfirmButtons confirmLabel={confirmLabel} onConfirm={confirm} onCancel={onClose} busy={busy} />}
    >
      <p>{children}</p>
      <FormMessages errors={form.general} />
    </Dialog>
  );
}
