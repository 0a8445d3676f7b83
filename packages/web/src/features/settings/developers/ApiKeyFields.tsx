import type { ReactNode } from 'react';
import type { ApiScope } from '../../../gql/graphql';
import { dayBoundary } from '../../../lib/dateInputs';
import { Fieldset, TextField } from '../../../ui';
import { FormMessages } from '../Section';
import { SCOPES } from './apiKeyDocuments';
import { toggled, type DeveloperForm } from './useDeveloperForm';
import styles from './Developers.module.css';

/** What the create and edit forms of a key have in common. */
export interface KeyValues {
  name: string;
  scopes: ApiScope[];
  rate: string;
  cost: string;
  /** `YYYY-MM-DD`: the key works through that day. */
  expiresOn: string;
  freeForm: boolean;
}

const between = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && +text >= min && +text <= max;

/** The end of the expiry day as ISO, or null for never. */
export const expiryOf = (v: KeyValues) => (v.expiresOn ? dayBoundary(v.expiresOn, true) : null);

/** The browser's own checks of those fields, by input path. */
export function keyProblems(v: KeyValues): Record<string, string | undefined> {
  const expiresAt = expiryOf(v);
  return {
    name: v.name.trim().length < 2 || v.name.trim().length > 100 ? 'Name must be 2 to 100 characters.' : undefined,
    scopes: v.scopes.length ? undefined : 'Choose at least one scope.',
    rateLimitPerMinute: between(v.rate, 1, 6000) ? undefined : 'Requests per minute: 1 to 6,000.',
    costPerMinute: between(v.cost, 100, 1_000_000) ? undefined : 'Query cost per minute: 100 to 1,000,000.',
    expiresAt: v.expiresOn && (!expiresAt || Date.parse(expiresAt) <= Date.now()) ? 'Choose a day in the future, or none.' : undefined,
  };
}

export type KeyForm = DeveloperForm<KeyValues>;

export interface ApiKeyFieldsProps {
  apiKey: KeyForm;
  /** Shown after the name (the create form's partner picker). */
  children?: ReactNode;
}

/** A key's name, scopes, limits, expiry and query mode, with their messages and the form's general ones. */
export function ApiKeyFields({ apiKey: { values, set, form }, children }: ApiKeyFieldsProps) {
  return (
    <div className={styles.form}>
      <TextField
        label="Name"
        value={values.name}
        maxLength={100}
        placeholder="e.g. Website referral form"
        autoComplete="off"
        autoFocus
        error={form.errors.name}
        onChange={(e) => set({ name: e.target.value }, 'name')}
      />
      {children}
      <Fieldset legend="Scopes" error={form.errors.scopes}>
        {SCOPES.map((s) => (
          <label key={s.value} className={styles.checkbox}>
            <input type="checkbox" checked={values.scopes.includes(s.value)} onChange={() => set({ scopes: toggled(values.scopes, s.value) }, 'scopes')} />
            <span>
              <code>{s.label}</code> <span className={styles.note}>{s.description}</span>
            </span>
          </label>
        ))}
      </Fieldset>
      <div className={styles.grid}>
        <TextField
          label="Requests per minute"
          inputMode="numeric"
          value={values.rate}
          error={form.errors.rateLimitPerMinute}
          onChange={(e) => set({ rate: e.target.value }, 'rateLimitPerMinute')}
        />
        <TextField
          label="Query cost per minute"
          inputMode="numeric"
          value={values.cost}
          error={form.errors.costPerMinute}
          onChange={(e) => set({ cost: e.target.value }, 'costPerMinute')}
        />
        <TextField
          label="Expires after"
          type="date"
          value={values.expiresOn}
          hint="Empty: never"
          error={form.errors.expiresAt}
          onChange={(e) => set({ expiresOn: e.target.value }, 'expiresAt')}
        />
      </div>
      <label className={styles.checkbox}>
        <input type="checkbox" checked={values.freeForm} onChange={(e) => set({ freeForm: e.target.checked }, 'allowFreeFormQueries')} />
        <span>
          Allow free-form queries <span className={styles.note}>(otherwise only registered operations, by documentId)</span>
        </span>
      </label>
      <FormMessages errors={form.general} />
    </div>
  );
}
