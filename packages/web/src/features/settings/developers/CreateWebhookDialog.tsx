import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { CreateWebhookEndpointInput } from '../../../gql/graphql';
import { useFormErrors } from '../../../lib/useFormErrors';
import { FormDialog, TextField } from '../../../ui';
import { PartnerPicker, type PickedPartner } from '../../partners/PartnerPicker';
import { UNREACHABLE } from '../options';
import { FormMessages } from '../Section';
import { CreateWebhookEndpointMutation, REFRESH_ENDPOINTS } from './webhookDocuments';
import { WebhookEventChoices } from './WebhookEventChoices';
import styles from './Developers.module.css';

const FIELDS = ['url', 'description', 'eventTypes', 'partnerId'];

interface Values {
  url: string;
  description: string;
  partner: PickedPartner | null;
  /** Event type names (`lead.created`). */
  events: string[];
}

function problems(v: Values): Record<string, string | undefined> {
  return {
    url: /^https?:\/\/\S+$/i.test(v.url.trim()) ? undefined : 'Enter the full address, starting with https://.',
    description: v.description.trim().length > 200 ? 'At most 200 characters.' : undefined,
    eventTypes: v.events.length ? undefined : 'Choose at least one event.',
  };
}

function inputOf(v: Values): CreateWebhookEndpointInput {
  const input: CreateWebhookEndpointInput = { url: v.url.trim(), eventTypes: v.events };
  if (v.description.trim()) input.description = v.description.trim();
  if (v.partner) input.partnerId = v.partner.id;
  return input;
}

export interface CreateWebhookDialogProps {
  onClose: () => void;
  /** The endpoint was created: its URL and signing secret, to be shown once. */
  onCreated: (created: { url: string; secret: string }) => void;
}

/** Admins: a new webhook endpoint, the company's or (with a partner picked) a partner's, and the events it wants. */
export function CreateWebhookDialog({ onClose, onCreated }: CreateWebhookDialogProps) {
  const [values, setValues] = useState<Values>({ url: '', description: '', partner: null, events: [] });
  const form = useFormErrors(FIELDS, { focus: true });
  const [create, { loading }] = useMutation(CreateWebhookEndpointMutation, { refetchQueries: REFRESH_ENDPOINTS });
  const set = (patch: Partial<Values>, ...paths: string[]) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clear(...paths);
  };
  const toggle = (event: string) =>
    set({ events: values.events.includes(event) ? values.events.filter((e) => e !== event) : [...values.events, event] }, 'eventTypes');
  // A company endpoint and a partner's take different events: the ones chosen go when the audience changes.
  const pickPartner = (partner: PickedPartner | null) =>
    set({ partner, events: !partner === !values.partner ? values.events : [] }, 'partnerId', 'eventTypes');

  const submit = async () => {
    if (form.check(problems(values))) return;
    const saved = await form.save(async () => (await create({ variables: { input: inputOf(values) } })).data?.createWebhookEndpoint, {
      ok: (p) => p.secret,
      nothing: 'The endpoint was not created.',
      unreachable: UNREACHABLE,
    });
    if (saved?.secret) onCreated({ url: saved.endpoint?.url ?? values.url.trim(), secret: saved.secret });
  };

  return (
    <FormDialog title="New webhook endpoint" size="md" busy={loading} onClose={onClose} onSubmit={submit} submitLabel="Create endpoint">
      <div className={styles.form}>
        <TextField
          label="URL"
          type="url"
          value={values.url}
          placeholder="https://example.com/webhooks/crm"
          autoComplete="off"
          error={form.errors.url}
          hint="Events are POSTed here, signed. https, not a private address."
          onChange={(e) => set({ url: e.target.value }, 'url')}
        />
        <TextField
          label="Description"
          value={values.description}
          maxLength={200}
          placeholder="e.g. ERP lead sync"
          error={form.errors.description}
          onChange={(e) => set({ description: e.target.value }, 'description')}
        />
        <PartnerPicker
          label="Partner"
          optional
          value={values.partner}
          onChange={pickPartner}
          error={form.errors.partnerId}
          hint={values.partner ? 'A partner endpoint: it is told about this partner’s referrals only.' : 'Leave empty for a company integration.'}
        />
        <WebhookEventChoices
          audience={values.partner ? 'PARTNER' : 'COMPANY'}
          value={values.events}
          onToggle={toggle}
          error={form.errors.eventTypes}
        />
        <FormMessages errors={form.general} />
      </div>
    </FormDialog>
  );
}
