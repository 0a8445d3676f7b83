import type { ReactNode } from 'react';
import type { WebhookAudience } from '../../../gql/graphql';
import { TextField } from '../../../ui';
import { FormMessages } from '../Section';
import { toggled, type DeveloperForm } from './useDeveloperForm';
import { WebhookEventChoices } from './WebhookEventChoices';
import styles from './Developers.module.css';

/** What the create and edit forms of an endpoint have in common. */
export interface EndpointValues {
  url: string;
  description: string;
  /** Event type names (`lead.created`). */
  events: string[];
}

/** The browser's own checks of those fields, by input path. */
export function endpointProblems(v: EndpointValues): Record<string, string | undefined> {
  return {
    url: /^https?:\/\/\S+$/i.test(v.url.trim()) ? undefined : 'Enter the full address, starting with https://.',
    description: v.description.trim().length > 200 ? 'At most 200 characters.' : undefined,
    eventTypes: v.events.length ? undefined : 'Choose at least one event.',
  };
}

export type EndpointForm = DeveloperForm<EndpointValues>;

export interface WebhookEndpointFieldsProps {
  endpoint: EndpointForm;
  /** Whose endpoint it is: only its events are offered. */
  audience: WebhookAudience;
  /** Shown between the description and the events (the create form's partner picker). */
  children?: ReactNode;
}

/** An endpoint's URL, description and events, with their messages and the form's general ones. */
export function WebhookEndpointFields({ endpoint: { values, set, form }, audience, children }: WebhookEndpointFieldsProps) {
  return (
    <div className={styles.form}>
      <TextField
        label="URL"
        type="url"
        value={values.url}
        placeholder="https://example.com/webhooks/crm"
        autoComplete="off"
        autoFocus
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
      {children}
      <WebhookEventChoices audience={audience} value={values.events} onToggle={(event) => set({ events: toggled(values.events, event) }, 'eventTypes')} error={form.errors.eventTypes} />
      <FormMessages errors={form.general} />
    </div>
  );
}
