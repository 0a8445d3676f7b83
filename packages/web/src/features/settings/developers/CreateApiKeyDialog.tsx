import { useMutation } from '@apollo/client/react';
import type { CreateApiKeyInput } from '../../../gql/graphql';
import { FormDialog } from '../../../ui';
import { PartnerPicker, type PickedPartner } from '../../partners/PartnerPicker';
import { ApiKeyFields, expiryOf, keyProblems, type KeyValues } from './ApiKeyFields';
import { CreateApiKeyMutation, REFRESH_KEYS } from './apiKeyDocuments';
import { UNREACHABLE } from '../options';
import { useDeveloperForm } from './useDeveloperForm';

const FIELDS = ['name', 'partnerId', 'scopes', 'rateLimitPerMinute', 'costPerMinute', 'expiresAt', 'allowFreeFormQueries'];

interface Values extends KeyValues {
  partner: PickedPartner | null;
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
  const expiresAt = expiryOf(v);
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
  const apiKey = useDeveloperForm<Values>(
    { name: '', partner: null, scopes: ['PARTNER_READ', 'REFERRALS_READ'], rate: '60', cost: '20000', expiresOn: '', freeForm: false },
    FIELDS,
  );
  const { values, set, form } = apiKey;
  const [create, { loading }] = useMutation(CreateApiKeyMutation, { refetchQueries: REFRESH_KEYS });

  const submit = async () => {
    if (form.check(keyProblems(values))) return;
    const saved = await form.save(async () => (await create({ variables: { input: inputOf(values) } })).data?.createApiKey, {
      ok: (p) => p.secret,
      nothing: 'The key was not created.',
      unreachable: UNREACHABLE,
    });
    if (saved?.secret) onCreated({ name: saved.apiKey?.name ?? values.name, secret: saved.secret });
  };

  return (
    <FormDialog title="New API key" size="md" busy={loading} onClose={onClose} onSubmit={submit} submitLabel="Create key">
      <ApiKeyFields apiKey={apiKey}>
        <PartnerPicker
          label="Partner"
          optional
          value={values.partner}
          onChange={(partner) => set({ partner }, 'partnerId')}
          error={form.errors.partnerId}
          hint={values.partner ? 'The key acts for this partner: its own referrals only.' : 'Leave empty for a company integration key.'}
        />
      </ApiKeyFields>
    </FormDialog>
  );
}
