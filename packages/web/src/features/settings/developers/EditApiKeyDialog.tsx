import { useMutation } from '@apollo/client/react';
import type { ApiKeyRow_ApiKeyFragment, UpdateApiKeyInput } from '../../../gql/graphql';
import { toDateInput } from '../../../lib/dateInputs';
import { FormDialog } from '../../../ui';
import { ApiKeyFields, expiryOf, keyProblems, type KeyValues } from './ApiKeyFields';
import { UpdateApiKeyMutation } from './apiKeyDocuments';
import { UNREACHABLE } from '../options';
import { useDeveloperForm } from './useDeveloperForm';
import styles from './Developers.module.css';

const FIELDS = ['name', 'scopes', 'rateLimitPerMinute', 'costPerMinute', 'expiresAt', 'allowFreeFormQueries'];

const valuesOf = (k: ApiKeyRow_ApiKeyFragment): KeyValues => ({
  name: k.name,
  scopes: [...k.scopes],
  rate: String(k.rateLimitPerMinute),
  cost: String(k.costPerMinute),
  expiresOn: k.expiresAt ? toDateInput(new Date(k.expiresAt)) : '',
  freeForm: k.allowFreeFormQueries,
});

/** Only what changed (the server leaves the rest, and checks an expiry only when it is given). */
function changesOf(k: ApiKeyRow_ApiKeyFragment, before: KeyValues, v: KeyValues): UpdateApiKeyInput {
  const input: UpdateApiKeyInput = { id: k.id };
  if (v.name.trim() !== k.name) input.name = v.name.trim();
  if (v.scopes.length !== k.scopes.length || v.scopes.some((s) => !k.scopes.includes(s))) input.scopes = v.scopes;
  if (v.freeForm !== k.allowFreeFormQueries) input.allowFreeFormQueries = v.freeForm;
  if (Number(v.rate) !== k.rateLimitPerMinute) input.rateLimitPerMinute = Number(v.rate);
  if (Number(v.cost) !== k.costPerMinute) input.costPerMinute = Number(v.cost);
  if (v.expiresOn !== before.expiresOn) input.expiresAt = expiryOf(v);
  return input;
}

export interface EditApiKeyDialogProps {
  apiKey: ApiKeyRow_ApiKeyFragment;
  onClose: () => void;
  /** The changes were saved (the list shows them from the answer). */
  onSaved: (name: string) => void;
}

/** Admins: change a key's name, scopes, limits, expiry and query mode (not its partner, nor its secret). */
export function EditApiKeyDialog({ apiKey, onClose, onSaved }: EditApiKeyDialogProps) {
  const before = valuesOf(apiKey);
  const edit = useDeveloperForm<KeyValues>(before, FIELDS);
  const { values, form } = edit;
  const [update, { loading }] = useMutation(UpdateApiKeyMutation);

  const submit = async () => {
    const problems = keyProblems(values);
    if (values.expiresOn === before.expiresOn) problems.expiresAt = undefined; // an expiry already past may stay
    if (form.check(problems)) return;
    const input = changesOf(apiKey, before, values);
    if (Object.keys(input).length === 1) return onClose(); // nothing changed
    const saved = await form.save(async () => (await update({ variables: { input } })).data?.updateApiKey, {
      ok: (p) => p.apiKey,
      nothing: 'The key was not changed.',
      unreachable: UNREACHABLE,
    });
    if (saved?.apiKey) onSaved(input.name ?? apiKey.name);
  };

  return (
    <FormDialog title="Edit API key" size="md" busy={loading} onClose={onClose} onSubmit={submit} submitLabel="Save changes">
      <ApiKeyFields apiKey={edit}>
        <p className={styles.note}>
          {apiKey.prefix}… acts for {apiKey.partner ? apiKey.partner.name : 'the company'}; that cannot change.
        </p>
      </ApiKeyFields>
    </FormDialog>
  );
}
