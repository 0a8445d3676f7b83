import { Card } from '../../../ui';
import { Section } from '../Section';
import { ApiKeysSettings } from './ApiKeysSettings';
import { ApiUsageOverview } from './ApiUsageChart';
import { SchemaLink } from './SchemaLink';
import { WebhooksSettings } from './WebhooksSettings';
import styles from './Webhooks.module.css';

/** Where to try the API, get its schema and read how partners and webhooks use it. */
function DeveloperLinks() {
  return (
    <Card>
      <div className={styles.links}>
        <a href="/graphql" target="_blank" rel="noreferrer">
          GraphQL IDE (opens in a new tab)
        </a>
        <SchemaLink href="/graphql/schema.graphql" fileName="schema.graphql">
          Download the schema (SDL)
        </SchemaLink>
        <SchemaLink href="/graphql/schema.graphql?audience=partner" fileName="partner-schema.graphql">
          Download the partners’ schema (what API keys see)
        </SchemaLink>
        <p className={styles.muted}>
          Guides, in the repository: <code>docs/partners.md</code> (API keys, scopes, referrals) and <code>docs/webhooks.md</code>{' '}
          (events, signatures, retries).
        </p>
      </div>
    </Card>
  );
}

/**
 * `/settings/developers` (admins): what integrations and partners build on: links to the IDE, schema and guides, the
 * API keys, their use per day, and the webhook endpoints with their deliveries.
 */
export function DevelopersSettings() {
  return (
    <div className={styles.page}>
      <Section
        title="Developers"
        description="Partners and the company’s integrations call the GraphQL API with API keys and hear about changes through webhooks."
      >
        <DeveloperLinks />
      </Section>
      <ApiKeysSettings />
      <ApiUsageOverview />
      <WebhooksSettings />
    </div>
  );
}
