import { useMutation } from '@apollo/client/react';
import type { UpdateWebhookEndpointInput } from '../../../gql/graphql';
import { FormDialog } from '../../../ui';
import { UNREACHABLE } from '../options';
import { useDeveloperForm } from './useDeveloperForm';
import type { Endpoint } from './WebhookDialogs';
import { UpdateWebhookEndpointMutation } from './webhookDocuments';
import { endpointProblems, WebhookEndpointFields, type EndpointValues } from './WebhookEndpointFields';

const FIELDS = ['url', 'description', 'eventTypes'];

const sameEvents = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((e) => b.includes(e));

/** Only what changed (the server leaves the rest); a description emptied is cleared. */
function changesOf(endpoint: Endpoint, v: EndpointValues): UpdateWebhookEndpointInput {
  const input: UpdateWebhookEndpointInput = { id: endpoint.id };
  const url = v.url.trim();
  const description = v.description.trim() || null;
  if (url !== endpoint.url) input.url = url;
  if (description !== (endpoint.description ?? null)) input.description = description;
  if (!sameEvents(v.events, endpoint.eventTypes)) input.eventTypes = v.events;
  return input;
}

export interface EditWebhookDialogProps {
  endpoint: Endpoint;
  onClose: () => void;
  /** The changes were saved (the list shows them from the answer). */
  onSaved: (url: string) => void;
}

/** Admins: change an endpoint's URL (checked by the server as on creation), description and events. */
export function EditWebhookDialog({ endpoint, onClose, onSaved }: EditWebhookDialogProps) {
  const edit = useDeveloperForm<EndpointValues>(
    { url: endpoint.url, description: endpoint.description ?? '', events: [...endpoint.eventTypes] },
    FIELDS,
  );
  const { values, form } = edit;
  const [update, { loading }] = useMutation(UpdateWebhookEndpointMutation);

  const submit = async () => {
    if (form.check(endpointProblems(values))) return;
    const input = changesOf(endpoint, values);
    if (Object.keys(input).length === 1) return onClose(); // nothing changed
    const saved = await form.save(async () => (await update({ variables: { input } })).data?.updateWebhookEndpoint, {
      ok: (p) => p.endpoint,
      nothing: 'The endpoint was not changed.',
      unreachable: UNREACHABLE,
    });
    if (saved?.endpoint) onSaved(saved.endpoint.url);
  };

  return (
    <FormDialog title="Edit webhook endpoint" size="md" busy={loading} onClose={onClose} onSubmit={submit} submitLabel="Save changes">
      <WebhookEndpointFields endpoint={edit} audience={endpoint.partnerId ? 'PARTNER' : 'COMPANY'} />
    </FormDialog>
  );
}
