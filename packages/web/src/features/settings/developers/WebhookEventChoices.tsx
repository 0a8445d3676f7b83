import { useQuery } from '@apollo/client/react';
import type { WebhookAudience } from '../../../gql/graphql';
import { ErrorState, Fieldset, Spinner } from '../../../ui';
import { WebhookEventTypesQuery } from './webhookDocuments';
import styles from './Developers.module.css';

export interface WebhookEventChoicesProps {
  /** Whose endpoint it is: only the event types for that audience are offered. */
  audience: WebhookAudience;
  value: readonly string[];
  onToggle: (name: string) => void;
  error?: string;
}

/** A check box per event type the endpoint's owner may take (from the server's catalogue), with what each tells. */
export function WebhookEventChoices({ audience, value, onToggle, error }: WebhookEventChoicesProps) {
  const { data, error: loadError, refetch } = useQuery(WebhookEventTypesQuery);
  const choices = data?.webhookEventTypes.filter((t) => t.audience === audience) ?? [];
  return (
    <Fieldset legend="Events" error={error}>
      {!data && !loadError && <Spinner label="Loading the event types…" />}
      {loadError && !data && <ErrorState title="The event types could not be loaded" error={loadError} onRetry={() => void refetch()} />}
      {choices.map((t) => (
        <label key={t.name} className={styles.checkbox}>
          <input type="checkbox" checked={value.includes(t.name)} onChange={() => onToggle(t.name)} />
          <span>
            <code>{t.name}</code> <span className={styles.note}>{t.description}</span>
          </span>
        </label>
      ))}
    </Fieldset>
  );
}
