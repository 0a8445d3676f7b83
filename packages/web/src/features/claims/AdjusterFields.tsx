import { useQuery } from '@apollo/client/react';
import { useId } from 'react';
import { phoneLabel } from '../../lib/format';
import { Select, TextField } from '../../ui';
import { AdjusterPartnersQuery } from './claimDocuments';
import type { AdjusterMode, ClaimFormErrors, ClaimFormValues } from './claimForm';
import styles from './ClaimForm.module.css';

const MODES: ReadonlyArray<[AdjusterMode, string]> = [
  ['NONE', 'Not known yet'],
  ['PARTNER', 'An adjuster partner'],
  ['NAME', 'A name and phone'],
];

export interface AdjusterFieldsProps {
  values: ClaimFormValues;
  errors: ClaimFormErrors;
  change: (patch: Partial<ClaimFormValues>) => void;
}

/**
 * Who adjusts the claim: one of the company's `INSURANCE_ADJUSTER` partners (and a person there, whose name and phone
 * the claim then shows), or just a name and phone.
 */
export function AdjusterFields({ values, errors, change }: AdjusterFieldsProps) {
  const name = useId();
  const { data, loading } = useQuery(AdjusterPartnersQuery, { skip: values.adjusterMode !== 'PARTNER' });
  const partners = data?.partners.edges.map((e) => e.node) ?? [];
  const partner = partners.find((p) => p.id === values.adjusterPartnerId);
  return (
    <fieldset className={styles.fieldset}>
      <legend>Adjuster</legend>
      <div className={styles.modes} role="radiogroup" aria-label="Adjuster">
        {MODES.map(([mode, label]) => (
          <label key={mode}>
            <input type="radio" name={name} value={mode} checked={values.adjusterMode === mode} onChange={() => change({ adjusterMode: mode })} />
            {label}
          </label>
        ))}
      </div>
      {values.adjusterMode === 'PARTNER' && (
        <div className={styles.grid}>
          <Select
            label="Adjuster partner *"
            placeholder={loading ? 'Loading…' : partners.length ? 'Choose…' : 'No adjuster partners yet'}
            options={partners.map((p) => ({ value: p.id, label: p.name }))}
            value={values.adjusterPartnerId}
            error={errors['adjuster.partnerId']}
            hint="Partners of kind Insurance adjuster"
            onChange={(e) => change({ adjusterPartnerId: e.target.value, adjusterContactId: '' })}
          />
          <Select
            label="Person"
            placeholder={partner?.contacts.length ? 'Anyone there' : 'No people on file'}
            options={(partner?.contacts ?? []).map((c) => ({ value: c.id, label: c.phone ? `${c.name} · ${phoneLabel(c.phone)}` : c.name }))}
            value={values.adjusterContactId}
            disabled={!partner?.contacts.length}
            error={errors['adjuster.contactId']}
            onChange={(e) => change({ adjusterContactId: e.target.value })}
          />
        </div>
      )}
      {values.adjusterMode === 'NAME' && (
        <div className={styles.grid}>
          <TextField
            label="Adjuster's name *"
            value={values.adjusterName}
            maxLength={200}
            autoComplete="off"
            error={errors['adjuster.name']}
            onChange={(e) => change({ adjusterName: e.target.value })}
          />
          <TextField
            label="Adjuster's phone"
            type="tel"
            value={values.adjusterPhone}
            autoComplete="off"
            error={errors['adjuster.phone']}
            onChange={(e) => change({ adjusterPhone: e.target.value })}
          />
        </div>
      )}
    </fieldset>
  );
}
