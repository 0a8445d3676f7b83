import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { SupplementItem_SupplementFragment, SupplementStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog, Select, TextField } from '../../ui';
import { AnswerSupplementMutation } from './claimDocuments';
import { centsLabel, exactMoney, lineTotalCents, parseAmount, parseQuantity, sumCents } from './claimMoney';
import styles from './ClaimForm.module.css';

const ANSWERS: readonly SupplementStatus[] = ['APPROVED', 'PARTIALLY_APPROVED', 'DENIED'];

interface Approval {
  quantity: string;
  unitPrice: string;
}

export interface AnswerSupplementDialogProps {
  supplement: SupplementItem_SupplementFragment;
  onClose: () => void;
}

/**
 * Records the carrier's answer to a sent supplement: approved as requested, denied, or partly approved with the
 * approved quantity and unit price of each line (as requested unless changed).
 */
export function AnswerSupplementDialog({ supplement, onClose }: AnswerSupplementDialogProps) {
  const [status, setStatus] = useState<SupplementStatus>(supplement.status === 'SENT' ? 'APPROVED' : supplement.status);
  const [approvals, setApprovals] = useState<Approval[]>(() =>
    supplement.lineItems.map((l) => ({ quantity: l.approvedQuantity ?? l.quantity, unitPrice: l.approvedUnitPrice ?? l.unitPrice })),
  );
  const paths = ['status', 'lines', ...supplement.lineItems.flatMap((_, i) => [`lines.${i}.approvedQuantity`, `lines.${i}.approvedUnitPrice`, `lines.${i}.lineId`])];
  const form = useFormErrors(paths, { focus: true });
  const [answer, { loading }] = useMutation(AnswerSupplementMutation);
  const partial = status === 'PARTIALLY_APPROVED';
  const totals = approvals.map((a) => lineTotalCents(a.quantity, a.unitPrice));

  const submit = async () => {
    const invalid: Record<string, string | undefined> = {};
    if (partial) {
      approvals.forEach((a, i) => {
        if (parseQuantity(a.quantity) == null) invalid[`lines.${i}.approvedQuantity`] = 'Not negative, up to four decimals.';
        if (parseAmount(a.unitPrice) == null) invalid[`lines.${i}.approvedUnitPrice`] = 'Dollars and cents, e.g. 4.25.';
      });
    }
    if (form.check(invalid)) return;
    const lines = partial
      ? supplement.lineItems.map((l, i) => ({
          lineId: l.id,
          approvedQuantity: parseQuantity(approvals[i]!.quantity)!,
          approvedUnitPrice: parseAmount(approvals[i]!.unitPrice)!,
        }))
      : null;
    const saved = await form.save(
      async () => (await answer({ variables: { input: { id: supplement.id, status, lines } } })).data?.answerSupplement,
      { ok: (p) => p.supplement, nothing: 'The answer was not recorded. Try again.', unreachable: 'The server could not be reached. Try again.' },
    );
    if (saved) onClose();
  };

  return (
    <FormDialog
      title={`The carrier's answer to ${supplement.title}`}
      size={partial ? 'lg' : 'sm'}
      onClose={onClose}
      busy={loading}
      onSubmit={submit}
      submitLabel="Record answer"
    >
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={form.general} />
        <Select
          label="Answer"
          options={ANSWERS.map((s) => ({ value: s, label: enumLabel(s) }))}
          value={status}
          error={form.errors.status}
          hint={`Requested ${exactMoney(supplement.requestedTotal)}`}
          onChange={(e) => {
            setStatus(e.target.value as SupplementStatus);
            form.reset();
          }}
        />
        {partial && (
          <fieldset className={styles.fieldset}>
            <legend>Approved per line</legend>
            <ol className={styles.lines}>
              {supplement.lineItems.map((l, i) => {
                const n = i + 1;
                const change = (patch: Partial<Approval>) => {
                  setApprovals((all) => all.map((a, j) => (j === i ? { ...a, ...patch } : a)));
                  form.clear(`lines.${i}.approvedQuantity`, `lines.${i}.approvedUnitPrice`);
                };
                return (
                  <li key={l.id} className={styles.line} aria-label={`Line ${n}: ${l.description}`}>
                    <span className={styles.note}>
                      {l.description}
                      <br />
                      Asked {l.quantity}
                      {l.unit ? ` ${l.unit}` : ''} × {exactMoney(l.unitPrice)}
                    </span>
                    <TextField
                      label={`Approved quantity ${n}`}
                      inputMode="decimal"
                      value={approvals[i]!.quantity}
                      error={form.errors[`lines.${i}.approvedQuantity`] ?? form.errors[`lines.${i}.lineId`]}
                      onChange={(e) => change({ quantity: e.target.value })}
                    />
                    <TextField
                      label={`Approved unit price ${n}`}
                      inputMode="decimal"
                      value={approvals[i]!.unitPrice}
                      error={form.errors[`lines.${i}.approvedUnitPrice`]}
                      onChange={(e) => change({ unitPrice: e.target.value })}
                    />
                    <output className={styles.lineTotal} aria-label={`Line ${n} approved total`}>
                      {totals[i] == null ? '—' : centsLabel(totals[i]!)}
                    </output>
                  </li>
                );
              })}
            </ol>
            <p className={styles.total}>
              <span>Approved total</span>
              <output aria-label="Approved total">{centsLabel(sumCents(totals))}</output>
            </p>
          </fieldset>
        )}
      </div>
    </FormDialog>
  );
}
