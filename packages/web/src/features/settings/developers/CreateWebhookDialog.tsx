import { useMutation } from '@apollo/client/react';
import type { CreateWebhookEndpointInput } from '../../../gql/graphql';
import { FormDialog } from '../../../ui';
import { PartnerPicker, type PickedPartner } from '../../partners/PartnerPicker';
import { UNREACHABLE } from '../options';
import { useDeveloperForm } from './useDeveloperForm';
import { CreateWebhookEndpointMutation, REFRESH_ENDPOINTS } from './webhookDocuments';
import { endpointProblems, WebhookEndpointFields, type EndpointValues } from './WebhookEndpointFields';

const FIELDS = ['url', 'description', 'eventTypes', 'partnerId'];

interface Values extends EndpointValues {
  partner: PickedPartner | null;
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
  const endpoint = useDeveloperForm<Values>({ url: '', description: '', partner: null, events: [] }, FIELDS);
  const { values, set, form } = endpoint;
  const [create, { loading }] = useMutation(CreateWebhookEndpointMutation, { refetchQueries: REFRESH_ENDPOINTS });
  // A company endpoint and a partner's take different events: the ones chosen go when the audience changes.
  const pickPartner = (partner: PickedPartner | null) =>
    set({ partner, events: !partner === !values.partner ? values.events : [] }, 'partnerId', 'eventTypes');

  const submit = async () => {
    if (form.check(endpointProblems(values))) return;
    const saved = await form.save(async () => (await create({ variables: { input: inputOf(values) } })).data?.createWebhookEndpoint, {
      ok: (p) => p.secret,
      nothing: 'The endpoint was not created.',
      unreachable: UNREACHABLE,
    });
    if (saved?.secret) onCreated({ url: saved.endpoint?.url ?? values.url.trim(), secret: saved.secret });
  };

  return (
    <FormDialog title="New webhook endpoint" size="md" busy={loading} onClose={onClose} onSubmit={submit} submitLabel="Create endpoint">
      <WebhookEndpointFields endpoint={endpoint} audience={values.partner ? 'PARTNER' : 'COMPANY'}>
        <PartnerPicker
          label="Partner"
          optional
          value={values.partner}
          onChange={pickPartner}
          error={form.errors.partnerId}
          hint={values.partner ? 'A partner endpoint: it is told about this partner’s referrals only.' : 'Leave empty for a company integration.'}
        />
      </WebhookEndpointFields>
    </FormDialog>
  );
}
