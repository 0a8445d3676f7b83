import type { CauseOfLoss, ClaimDetail_ClaimFragment } from '../../gql/graphql';
import { FormAlert, FormDialog, Select, TextArea, TextField } from '../../ui';
import { AdjusterFields } from './AdjusterFields';
import { CAUSE_OPTIONS } from './claimFormat';
import { MONEY_FIELDS, MONEY_LABELS, type ClaimOn } from './claimForm';
import { useClaimForm } from './useClaimForm';
import styles from './ClaimForm.module.css';

export interface ClaimFormDialogProps {
  /** The claim to edit; omitted to start one on `on`'s lead or project. */
  claim?: ClaimDetail_ClaimFragment;
  on?: ClaimOn;
  onClose: () => void;
  /** After a successful save (the dialog does not close itself). */
  onSaved: (claim: { id: string }) => void;
}

const MONEY_HINTS: Partial<Record<(typeof MONEY_FIELDS)[number], string>> = {
  rcv: "The carrier's estimate, overhead and profit included",
  recoverableDepreciation: 'Held back until the work is done',
  approvedTotal: 'What the carrier approved (blank until decided)',
};

/** Starts an insurance claim (or edits one): carrier, numbers, dates, cause, adjuster and the amounts known so far. */
export function ClaimFormDialog({ claim, on = {}, onClose, onSaved }: ClaimFormDialogProps) {
  const { values, change, changeMoney, errors, general, busy, submit } = useClaimForm(claim, on, onSaved);
  return (
    <FormDialog
      title={claim ? `Edit the claim${claim.claimNumber ? ` ${claim.claimNumber}` : ''}` : 'Start an insurance claim'}
      size="lg"
      onClose={onClose}
      busy={busy}
      onSubmit={submit}
      submitLabel={claim ? 'Save changes' : 'Start claim'}
    >
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={general} />
        <div className={styles.grid}>
          <TextField
            label="Carrier *"
            value={values.carrier}
            maxLength={200}
            autoFocus
            placeholder="e.g. State Farm"
            error={errors.carrier}
            onChange={(e) => change({ carrier: e.target.value })}
          />
          <TextField
            label="Claim number"
            value={values.claimNumber}
            maxLength={100}
            autoComplete="off"
            error={errors.claimNumber}
            onChange={(e) => change({ claimNumber: e.target.value })}
          />
          <TextField
            label="Policy number"
            value={values.policyNumber}
            maxLength={100}
            autoComplete="off"
            error={errors.policyNumber}
            onChange={(e) => change({ policyNumber: e.target.value })}
          />
          <TextField
            label="Date of loss *"
            type="date"
            value={values.dateOfLoss}
            error={errors.dateOfLoss}
            onChange={(e) => change({ dateOfLoss: e.target.value })}
          />
          <Select
            label="Cause of loss"
            options={CAUSE_OPTIONS}
            value={values.causeOfLoss}
            error={errors.causeOfLoss}
            onChange={(e) => change({ causeOfLoss: e.target.value as CauseOfLoss })}
          />
          <TextField
            label="Inspection"
            type="datetime-local"
            value={values.inspectionAt}
            error={errors.inspectionAt}
            hint="Booking one on a filed claim moves it to Inspection scheduled"
            onChange={(e) => change({ inspectionAt: e.target.value })}
          />
          <TextField
            label="Depreciation deadline"
            type="date"
            value={values.depreciationDeadline}
            error={errors.depreciationDeadline}
            hint={claim ? 'Last day to claim the recoverable depreciation' : 'Blank: the date of loss + 180 days'}
            onChange={(e) => change({ depreciationDeadline: e.target.value })}
          />
        </div>
        <AdjusterFields values={values} errors={errors} change={change} />
        <fieldset className={styles.fieldset}>
          <legend>Amounts</legend>
          <div className={styles.grid}>
            {MONEY_FIELDS.map((f) => (
              <TextField
                key={f}
                label={MONEY_LABELS[f]}
                inputMode="decimal"
                value={values.money[f]}
                placeholder="0.00"
                autoComplete="off"
                hint={MONEY_HINTS[f]}
                error={errors[`money.${f}`]}
                onChange={(e) => changeMoney({ [f]: e.target.value })}
              />
            ))}
          </div>
        </fieldset>
        <TextArea
          label="Internal notes"
          rows={3}
          maxLength={5000}
          value={values.notes}
          error={errors.notes}
          hint="Never shown to the adjuster"
          onChange={(e) => change({ notes: e.target.value })}
        />
      </div>
    </FormDialog>
  );
}
