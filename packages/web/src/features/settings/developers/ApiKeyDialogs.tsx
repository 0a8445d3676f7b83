import { useMutation } from '@apollo/client/react';
import type { ApiKeyRow_ApiKeyFragment } from '../../../gql/graphql';
import { dateTimeLabel } from '../../../lib/format';
import { REFRESH_KEYS, RevokeApiKeyMutation, RotateApiKeyMutation } from './apiKeyDocuments';
import { ConfirmMutationDialog, RotateSecretDialog } from './SecretDialogs';

export interface RotateKeyDialogProps {
  apiKey: ApiKeyRow_ApiKeyFragment;
  onClose: () => void;
  /** The new secret, to be shown once, and until when the old one still works. */
  onRotated: (rotated: { name: string; secret: string; graceUntil: string | null }) => void;
}

/** Admins: a new secret for a key; the previous one keeps working for the grace minutes. */
export function RotateKeyDialog({ apiKey, onClose, onRotated }: RotateKeyDialogProps) {
  const [rotate, { loading }] = useMutation(RotateApiKeyMutation, { refetchQueries: REFRESH_KEYS });
  return (
    <RotateSecretDialog
      title={`Rotate ${apiKey.name}?`}
      submitLabel="Rotate key"
      initialGrace="60"
      busy={loading}
      rotate={async (graceMinutes) => (await rotate({ variables: { id: apiKey.id, graceMinutes } })).data?.rotateApiKey}
      nothing="The key was not rotated."
      onClose={onClose}
      onRotated={(p, secret) => onRotated({ name: apiKey.name, secret, graceUntil: p.apiKey?.previousSecretValidUntil ?? null })}
    >
      The key gets a new secret, shown once. Integrations switch to it while the old secret still works.
    </RotateSecretDialog>
  );
}

/** Admins: confirms revoking a key (both secrets stop at once). */
export function RevokeKeyDialog({ apiKey, onClose }: { apiKey: ApiKeyRow_ApiKeyFragment; onClose: () => void }) {
  const [revoke, { loading }] = useMutation(RevokeApiKeyMutation, { refetchQueries: REFRESH_KEYS });
  return (
    <ConfirmMutationDialog
      title={`Revoke ${apiKey.name}?`}
      confirmLabel="Revoke key"
      busy={loading}
      run={async () => (await revoke({ variables: { id: apiKey.id } })).data?.revokeApiKey}
      ok={(p) => p.apiKey}
      nothing="The key was not revoked."
      onClose={onClose}
    >
      Requests with this key ({apiKey.prefix}…) are refused from the next one on, on every server. This cannot be
      undone: a new key has to be created.
      {apiKey.previousSecretValidUntil && ` The previous secret (valid until ${dateTimeLabel(apiKey.previousSecretValidUntil)}) stops too.`}
    </ConfirmMutationDialog>
  );
}
