import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { SupplementItem_SupplementFragment } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { Button, FormAlert, FormDialog, TextField } from '../../ui';
import { CreateSupplementMutation, UpdateSupplementMutation } from './claimDocuments';
import { centsLabel, sumCents } from './claimMoney';
import {
  blankLine,
  initialSupplementValues,
  lineInputs,
  lineTotals,
  MAX_LINES,
  supplementPaths,
  validateSupplement,
  type LineValues,
  type SupplementFormValues,
} from './supplementForm';
import styles from './ClaimForm.module.css';

const LINE_PATHS = supplementPaths(MAX_LINES);

export interface SupplementDialogProps {
  claimId: string;
  /** A DRAFT supplement to edit; omitted to draft a new one. */
  supplement?: SupplementItem_SupplementFragment;
  onClose: () => void;
}

/**
 * Drafts a supplement (or edits a draft): a title and its lines — description, estimating code, quantity, unit and
 * unit price — with each line's total and the supplement's total as the server will compute them (in whole cents).
 */
export function SupplementDialog({ claimId, supplement, onClose }: SupplementDialogProps) {
  const [values, setValues] = useState<SupplementFormValues>(() => initialSupplementValues(supplement));
  const form = useFormErrors(LINE_PATHS, { focus: true });
  const [create, creating] = useMutation(CreateSupplementMutation);
  const [update, updating] = useMutation(UpdateSupplementMutation);
  const totals = lineTotals(values);

  const changeLine = (i: number, patch: Partial<LineValues>) => {
    setValues((v) => ({ ...v, lines: v.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));
    form.clear(...Object.keys(patch).map((k) => `lineItems.${i}.${k}`));
  };
  const removeLine = (i: number) => {
    setValues((v) => ({ ...v, lines: v.lines.filter((_, j) => j !== i) }));
    // Messages are by line number: those after the removed line no longer point at the right one.
    form.clear();
  };

  const submit = async () => {
    if (form.check(validateSupplement(values))) return;
    const lineItems = lineInputs(values);
    const saved = await form.save(
      async () =>
        supplement
          ? (await update({ variables: { input: { id: supplement.id, title: values.title.trim(), lineItems } } })).data?.updateSupplement
          : (await create({ variables: { input: { claimId, title: values.title.trim(), lineItems } } })).data?.createSupplement,
      {
        ok: (p) => p.supplement,
        nothing: 'The supplement was not saved. Try again.',
        unreachable: 'The server could not be reached. Check your connection and try again.',
      },
    );
    if (saved) onClose();
  };

  return (
    <FormDialog
      title={supplement ? `Edit ${supplement.title}` : 'Draft a supplement'}
      size="lg"
      onClose={onClose}
      busy={creating.loading || updating.loading}
      onSubmit={submit}
      submitLabel={supplement ? 'Save draft' : 'Save as draft'}
    >
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={form.general} />
        <TextField
          label="Title *"
          value={values.title}
          maxLength={200}
          autoFocus
          placeholder="e.g. Ice and water shield, drip edge"
          error={form.errors.title}
          onChange={(e) => {
            setValues((v) => ({ ...v, title: e.target.value }));
            form.clear('title');
          }}
        />
        <fieldset className={styles.fieldset}>
          <legend>Lines</legend>
          <ol className={styles.lines}>
            {values.lines.map((l, i) => {
              const at = `lineItems.${i}`;
              const n = i + 1;
              return (
                <li key={l.key} className={styles.line} aria-label={`Line ${n}`}>
                  <TextField
                    label={`Description ${n} *`}
                    value={l.description}
                    maxLength={300}
                    error={form.errors[`${at}.description`]}
                    onChange={(e) => changeLine(i, { description: e.target.value })}
                  />
                  <TextField
                    label={`Code ${n}`}
                    value={l.code}
                    maxLength={40}
                    placeholder="RFG DRIP"
                    error={form.errors[`${at}.code`]}
                    onChange={(e) => changeLine(i, { code: e.target.value })}
                  />
                  <TextField
                    label={`Quantity ${n} *`}
                    inputMode="decimal"
                    value={l.quantity}
                    error={form.errors[`${at}.quantity`]}
                    onChange={(e) => changeLine(i, { quantity: e.target.value })}
                  />
                  <TextField
                    label={`Unit ${n}`}
                    value={l.unit}
                    maxLength={20}
                    placeholder="LF"
                    error={form.errors[`${at}.unit`]}
                    onChange={(e) => changeLine(i, { unit: e.target.value })}
                  />
                  <TextField
                    label={`Unit price ${n} *`}
                    inputMode="decimal"
                    value={l.unitPrice}
                    placeholder="0.00"
                    error={form.errors[`${at}.unitPrice`]}
                    onChange={(e) => changeLine(i, { unitPrice: e.target.value })}
                  />
                  <output className={styles.lineTotal} aria-label={`Line ${n} total`}>
                    {totals[i] == null ? '—' : centsLabel(totals[i]!)}
                  </output>
                  <Button size="sm" variant="ghost" aria-label={`Remove line ${n}`} disabled={values.lines.length === 1} onClick={() => removeLine(i)}>
                    ✕
                  </Button>
                </li>
              );
            })}
          </ol>
          {form.errors.lineItems && (
            <p className={styles.note} role="alert">
              {form.errors.lineItems}
            </p>
          )}
        </fieldset>
        <Button
          className={styles.addLine}
          size="sm"
          disabled={values.lines.length >= MAX_LINES}
          onClick={() => setValues((v) => ({ ...v, lines: [...v.lines, blankLine()] }))}
        >
          Add a line
        </Button>
        <p className={styles.total} aria-live="polite">
          <span>Requested total</span>
          <output aria-label="Requested total">{centsLabel(sumCents(totals))}</output>
        </p>
      </div>
    </FormDialog>
  );
}
