import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { failureMessage, type UserErrorLike } from '../../../lib/formErrors';
import { REFRESH_DELIVERIES, SendTestWebhookMutation, UpdateWebhookEndpointMutation } from './webhookDocuments';
import type { Endpoint } from './WebhookDialogs';

export interface ActionResult {
  success?: string;
  errors: string[];
}

/**
 * What came of the last action run through `run` (a success note, or the server's refusal), to show above a list, and
 * `busyId`, the item being changed.
 */
export function useActionResult() {
  const [result, setResult] = useState<ActionResult>({ errors: [] });
  const [busyId, setBusyId] = useState<string | null>(null);
  const run = async <P extends { errors: readonly UserErrorLike[] }>(
    id: string,
    work: () => Promise<P | null | undefined>,
    success: (payload: P) => string,
    nothing: string,
  ) => {
    setBusyId(id);
    setResult({ errors: [] });
    try {
      const payload = await work();
      if (payload && !payload.errors.length) setResult({ success: success(payload), errors: [] });
      else setResult({ errors: payload?.errors.map((e) => e.message) ?? [nothing] });
    } catch (error) {
      setResult({ errors: [failureMessage(error, nothing)] });
    } finally {
      setBusyId(null);
    }
  };
  /** Says that something was done elsewhere (a dialog saved). */
  const announce = (success: string) => setResult({ success, errors: [] });
  return { result, busyId, run, announce };
}

/** The endpoint actions that need no dialog: disable or enable it, send it a test event. */
export function useWebhookActions() {
  const { result, busyId, run, announce } = useActionResult();
  const [update] = useMutation(UpdateWebhookEndpointMutation);
  const [sendTest] = useMutation(SendTestWebhookMutation, { refetchQueries: REFRESH_DELIVERIES });
  return {
    result,
    busyId,
    announce,
    setActive: (endpoint: Endpoint, active: boolean) =>
      run(
        endpoint.id,
        async () => (await update({ variables: { input: { id: endpoint.id, active } } })).data?.updateWebhookEndpoint,
        () => `${endpoint.url} ${active ? 'is enabled again: events are sent to it' : 'is disabled: no events are sent to it'}.`,
        active ? 'The endpoint was not enabled.' : 'The endpoint was not disabled.',
      ),
    sendTest: (endpoint: Endpoint) =>
      run(
        endpoint.id,
        async () => (await sendTest({ variables: { endpointId: endpoint.id } })).data?.sendTestWebhook,
        (p) => `A webhook.test event${p.delivery ? ` (${p.delivery.eventId})` : ''} is on its way to ${endpoint.url}.`,
        'The test event was not sent.',
      ),
  };
}
