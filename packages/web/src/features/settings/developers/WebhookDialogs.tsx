import { useMutation } from '@apollo/client/react';
import type { WebhookEndpoint_FieldsFragment } from '../../../gql/graphql';
import { ConfirmMutationDialog, RotateSecretDialog } from './SecretDialogs';
import { DeleteWebhookEndpointMutation, REFRESH_ENDPOINTS, RotateWebhookSecretMutation } from './webhookDocuments';

export type Endpoint = WebhookEndpoint_FieldsFragment;

export interface RotateWebhookDialogProps {
  endpoint: Endpoint;
  onClose: () => void;
  /** The new secret, to be shown once, and until when the old one still signs. */
  onRotated: (rotated: { url: string; secret: string; graceUntil: string | null }) => void;
}

/** Admins: a new signing secret for an endpoint; deliveries carry both signatures for the grace minutes. */
export function RotateWebhookDialog({ endpoint, onClose, onRotated }: RotateWebhookDialogProps) {
  const [rotate, { loading }] = useMutation(RotateWebhookSecretMutation);
  return (
    <RotateSecretDialog
      title="Rotate the signing secret?"
      submitLabel="Rotate secret"
      initialGrace="1440"
      busy={loading}
      rotate={async (graceMinutes) => (await rotate({ variables: { id: endpoint.id, graceMinutes } })).data?.rotateWebhookSecret}
      nothing="The secret was not rotated."
      onClose={onClose}
      onRotated={(p, secret) =>
        onRotated({ url: endpoint.url, secret, graceUntil: p.endpoint?.previousSecretValidUntil ?? null })
      }
    >
      {endpoint.url} gets a new signing secret, shown once. Until the old one stops, each delivery is signed with both,
      so the receiver can switch without rejecting any.
    </RotateSecretDialog>
  );
}

/** Admins: confirms removing an endpoint and its delivery log. */
export function DeleteWebhookDialog({ endpoint, onClose }: { endpoint: Endpoint; onClose: () => void }) {
  const [remove, { loading }] = useMutation(DeleteWebhookEndpointMutation, { refetchQueries: REFRESH_ENDPOINTS });
  return (
    <ConfirmMutationDialog
      title="Delete this webhook endpoint?"
      confirmLabel="Delete endpoint"
      busy={loading}
      run={async () => (await remove({ variables: { id: endpoint.id } })).data?.deleteWebhookEndpoint}
      ok={() => true}
      nothing="The endpoint was not deleted."
      onClose={onClose}
    >
      No more events are sent to {endpoint.url}, and its delivery log is removed. This cannot be undone. To stop
      deliveries for a while, disable it instead.
    </ConfirmMutationDialog>
  );
}
