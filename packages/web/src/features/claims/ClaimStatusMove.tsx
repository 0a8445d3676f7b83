import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ClaimStatus } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { Badge, Button, FormAlert, Select, TextArea } from '../../ui';
import { UpdateClaimStatusMutation } from './claimDocuments';
import { CLAIM_STATUS_TONE, claimStatusLabel } from './claimFormat';
import styles from './ClaimDetail.module.css';

export interface ClaimStatusMoveProps {
  claim: { id: string; status: ClaimStatus; allowedMoves: readonly { status: ClaimStatus; reasonRequired: boolean }[] };
  /** Deleted claims, field techs: the stage only. */
  readOnly: boolean;
}

const PATHS = ['status', 'reason'];

/**
 * The claim's stage and "Move to…" offering exactly the stages the server allows the viewer now
 * (`allowedMoves`), asking the reason where the server says it will (DENIED, CLOSED, steps back); refusals show at
 * their field.
 */
export function ClaimStatusMove({ claim, readOnly }: ClaimStatusMoveProps) {
  const [to, setTo] = useState<ClaimStatus | ''>('');
  const [reason, setReason] = useState('');
  const form = useFormErrors(PATHS);
  const [move, { loading }] = useMutation(UpdateClaimStatusMutation);
  const targets = claim.allowedMoves.map((m) => m.status);
  const needsReason = claim.allowedMoves.some((m) => m.status === to && m.reasonRequired);

  const submit = async () => {
    if (!to) return;
    if (form.check({ reason: needsReason && !reason.trim() ? `Say why the claim moves to ${claimStatusLabel(to)}.` : undefined })) return;
    const saved = await form.save(
      async () => (await move({ variables: { input: { id: claim.id, status: to, reason: reason.trim() || null } } })).data?.updateClaimStatus,
      { ok: (p) => p.claim, nothing: 'The claim did not move. Try again.', unreachable: 'The server could not be reached. The claim did not move.' },
    );
    if (saved) {
      setTo('');
      setReason('');
    }
  };

  return (
    <div className={styles.statusBox}>
      <p className={styles.statusNow}>
        <Badge tone={CLAIM_STATUS_TONE[claim.status]}>{claimStatusLabel(claim.status)}</Badge>
        {claim.status === 'CLOSED' && <span className={styles.muted}>Final stage.</span>}
      </p>
      {!readOnly && targets.length > 0 && (
        <form
          className={styles.moveForm}
          aria-label="Move the claim"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Select
            label="Move to"
            placeholder="Choose a stage…"
            options={targets.map((s) => ({ value: s, label: claimStatusLabel(s) }))}
            value={to}
            error={form.errors.status}
            onChange={(e) => {
              setTo(e.target.value as ClaimStatus | '');
              setReason('');
              form.reset();
            }}
          />
          {(needsReason || form.errors.reason) && (
            <TextArea
              label="Reason *"
              rows={2}
              maxLength={500}
              value={reason}
              error={form.errors.reason}
              hint="Required for Denied, Closed and every step back"
              onChange={(e) => {
                setReason(e.target.value);
                form.clear('reason');
              }}
            />
          )}
          <FormAlert messages={form.general} />
          <Button type="submit" variant="primary" size="sm" disabled={!to} loading={loading}>
            {to ? `Move to ${claimStatusLabel(to)}` : 'Move'}
          </Button>
        </form>
      )}
    </div>
  );
}
