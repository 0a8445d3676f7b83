import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ApiScope, CreateApiKeyInput } from '../../../gql/graphql';
import { dayBoundary } from '../../../lib/dateInputs';
import { useFormErrors } from '../../../lib/useFormErrors';
import { Fieldset, FormDialog, TextField } from '../../../ui';
import { PartnerPicker, type PickedPartner } from '../../partners/PartnerPicker';
import { CreateApiKeyMutation, REFRESH_KEYS, SCOPES } from './apiKeyDocuments';
import { UNREACHABLE } from '../options';
import { FormMessages } from '../Section';
import styles from './Developers.module.css';

const FIELDS = ['name', 'partnerId', 'scopes', 'rateLimitPerMinute', 'costPerMinute', 'expiresAt', 'allowFreeFormQueries'];

interface Values {
  name: string;
  partner: PickedPartner | null;
  scopes: ApiScope[];
  rate: string;
  cost: string;
  /** `YYYY-MM-DD`: the key works through that day. */
  expiresOn: string;
  freeForm: boolean;
}

const between = (text: string, min: number, max: number) => /^\d+$/.test(text.trim()) && +text >= min && +text <= max;

function problems(v: Values): Record<string, string | undefined> {
  const expiresAt = v.expiresOn ? dayBoundary(v.expiresOn, true) : null;
  return {
    name: v.name.trim().length < 2 || v.name.trim().length > 100 ? 'Name must be 2 to 100 characters.' : undefined,
    scopes: v.scopes.length ? undefined : 'Choose at least one scope.',
    rateLimitPerMinute: between(v.rate, 1, 6000) ? undefined : 'Requests per minute: 1 to 6,000.',
    costPerMinute: between(v.cost, 100, 1_000_000) ? undefined : 'Query cost per minute: 100 to 1,000,000.',
    expiresAt: v.expiresOn && (!expiresAt || Date.parse(expiresAt) <= Date.now()) ? 'Choose a day in the future, or none.' : undefined,
  };
}

function inputOf(v: Values): CreateApiKeyInput {
  const input: CreateApiKeyInput = {
    name: v.name.trim(),
    scopes: v.scopes,
    allowFreeFormQueries: v.freeForm,
    rateLimitPerMinute: Number(v.rate),
    costPerMinute: Number(v.cost),
  };
  if (v.partner) input.partnerId = v.partner.id;
  const expiresAt = v.expiresOn ? dayBoundary(v.expiresOn, true) : null;
  if (expiresAt) input.expiresAt = expiresAt;
  return input;
}

export interface CreateApiKeyDialogProps {
  onClose: () => void;
  /** The key was created: its name and the secret, to be shown once. */
  onCreated: (created: { name: string; secret: string }) => void;
}

/** Admins: a new API key for a partner (or the company) with its scopes, limits, expiry and query mode. */
export function CreateApiKeyDialog({ onClose, onCreated }: CreateApiKeyDialogProps) {
  const [values, setValues] = useState<Values>({
    name: '',
    partner: null,
    scopes: ['PARTNER_READ', 'REFERRALS_READ'],
    rate: '60',
    cost: '20000',
    expiresOn: '',
    freeForm: false,
  });
  const form = useFormErrors(FIELDS, { focus: true });
  const [create, { loading }] = useMutation(CreateApiKeyMutation, { refetchQueries: REFRESH_KEYS });
  const set = (patch: Partial<Values>, ...paths: string[]) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clear(...paths);
  };
  const toggleScope = (scope: ApiScope) =>
    set({ scopes: values.scopes.includes(scope) ? values.scopes.filter((s) => s !== scope) : [...values.scopes, scope] }, 'scopes');

  const submit = async () => {
    if (form.check(problems(values))) return;
    const saved = await form.save(async () => (await create({ variables: { input: inputOf(values) } })).data?.createApiKey, {
      ok: (p) => p.secret,
      nothing: 'The key was not created.',
      unreachable: UNREACHABLE,
    });
    if (saved?.secret) onCreated({ name: saved.apiKey?.name ?? values.name, secret: saved.secret });
  };

  return (
    <FormDialog title="New API key" size="md" busy={loading} onClose={onClose} onSubmit={submit} submitLabel="Create key">
      <div className={styles.form}>
        <TextField
          label="Name"
          value={values.name}
          maxLength={100}
          placeholder="e.g. Website referral form"
          autoComplete="off"
          error={form.errors.name}
          onChange={(e) => set({ name: e.target.value }, 'name')}
        />
        <PartnerPicker
          label="Partner"
          optional
          value={values.partner}
          onChange={(partner) => set({ partner }, 'partnerId')}
          error={form.errors.partnerId}
          hint={values.partner ? 'The key acts for this partner: its own referrals only.' : 'Leave empty for a company integration key.'}
        />
        <Fieldset legend="Scopes" error={form.errors.scopes}>
          {SCOPES.map((s) => (
            <label key={s.value} className={styles.checkbox}>
              <input type="checkbox" checked={values.scopes.includes(s.value)} onChange={() => toggleScope(s.value)} />
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
    </FormDialog>
  );
}
