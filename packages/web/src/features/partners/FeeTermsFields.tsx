import type { ReferralFeeKind } from '../../gql/graphql';
import { Select, TextField } from '../../ui';
import { FEE_KIND_OPTIONS } from './partnerFormat';
import type { PartnerFormValues } from './partnerForm';
import styles from './PartnerForm.module.css';

export interface FeeTermsFieldsProps {
  values: Pick<PartnerFormValues, 'feeKind' | 'feePercent' | 'feeFlat' | 'feeCap'>;
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<PartnerFormValues>) => void;
}

/** The referral-fee terms: the kind decides which amount is asked for; a cap for either. */
export function FeeTermsFields({ values, errors, onChange }: FeeTermsFieldsProps) {
  return (
    <fieldset className={styles.fieldset}>
      <legend>Referral fee</legend>
      <div className={styles.grid}>
        <Select
          label="Fee"
          options={FEE_KIND_OPTIONS}
          value={values.feeKind}
          error={errors['referralFee.kind']}
          onChange={(e) => onChange({ feeKind: e.target.value as ReferralFeeKind })}
        />
        {values.feeKind === 'PERCENT' && (
          <TextField
            label="Percent of the contract *"
            inputMode="decimal"
            placeholder="e.g. 5"
            value={values.feePercent}
            error={errors['referralFee.percent']}
            onChange={(e) => onChange({ feePercent: e.target.value })}
          />
        )}
        {values.feeKind === 'FLAT' && (
          <TextField
            label="Amount per won job ($) *"
            inputMode="decimal"
            placeholder="e.g. 250"
            value={values.feeFlat}
            error={errors['referralFee.flatAmount']}
            onChange={(e) => onChange({ feeFlat: e.target.value })}
          />
        )}
        {values.feeKind !== 'NONE' && (
          <TextField
            label="Cap per fee ($)"
            inputMode="decimal"
            placeholder="No cap"
            value={values.feeCap}
            error={errors['referralFee.cap']}
            onChange={(e) => onChange({ feeCap: e.target.value })}
          />
        )}
      </div>
    </fieldset>
  );
}
