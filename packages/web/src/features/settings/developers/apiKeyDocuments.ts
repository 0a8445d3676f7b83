import { graphql } from '../../../gql';
import type { ApiKeyStatus, ApiScope } from '../../../gql/graphql';
import type { BadgeTone } from '../../../ui';

export const ApiKeyRowFragment = graphql(`
  fragment ApiKeyRow_apiKey on ApiKey {
    id
    name
    prefix
    partner {
      id
      name
    }
    scopes
    allowFreeFormQueries
    rateLimitPerMinute
    costPerMinute
    status
    expiresAt
    previousSecretValidUntil
    lastUsedAt
    lastUsedIp
    revokedAt
    createdAt
  }
`);

export const SettingsApiKeysQuery = graphql(`
  query SettingsApiKeys($first: Int!, $after: String, $filter: ApiKeyFilter) {
    apiKeys(first: $first, after: $after, filter: $filter) {
      totalCount
      edges {
        cursor
        node { id ...ApiKeyRow_apiKey }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateApiKeyMutation = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey { id name previousSecretValidUntil ...ApiKeyRow_apiKey }
      secret
      errors { field code message }
    }
  }
`);

export const RotateApiKeyMutation = graphql(`
  mutation RotateApiKey($id: ID!, $graceMinutes: Int) {
    rotateApiKey(id: $id, graceMinutes: $graceMinutes) {
      apiKey { id name previousSecretValidUntil ...ApiKeyRow_apiKey }
      secret
      errors { field code message }
    }
  }
`);

export const UpdateApiKeyMutation = graphql(`
  mutation UpdateApiKey($input: UpdateApiKeyInput!) {
    updateApiKey(input: $input) {
      apiKey { id ...ApiKeyRow_apiKey }
      errors { field code message }
    }
  }
`);

export const RevokeApiKeyMutation = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      apiKey { id ...ApiKeyRow_apiKey }
      errors { field code message }
    }
  }
`);

// The chart needs one figure per day, not the rows: the server adds every row up per day (`dailyTotals`, all pages,
// at most 92 days), so `first: 0` asks for no rows and the answer stays one small object however many keys and
// operations there are.
export const ApiKeyUsageQuery = graphql(`
  query ApiKeyUsage($filter: ApiUsageFilter) {
    apiUsageRows(first: 0, filter: $filter) {
      dailyTotals {
        day
        count
        errors
      }
    }
  }
`);

/** The scopes as the API documentation writes them (`referrals:write`), with what each opens. */
export const SCOPES: ReadonlyArray<{ value: ApiScope; label: string; description: string }> = [
  { value: 'PARTNER_READ', label: 'partner:read', description: 'Their partner profile and their keys’ usage.' },
  { value: 'REFERRALS_READ', label: 'referrals:read', description: 'The referrals they sent and how they stand.' },
  { value: 'REFERRALS_WRITE', label: 'referrals:write', description: 'Send referrals.' },
  { value: 'WEBHOOKS_MANAGE', label: 'webhooks:manage', description: 'Their webhook endpoints and deliveries.' },
];

export const scopeLabel = (scope: ApiScope) => SCOPES.find((s) => s.value === scope)?.label ?? scope;

export const KEY_STATUS_TONE: Record<ApiKeyStatus, BadgeTone> = { ACTIVE: 'success', EXPIRED: 'warning', REVOKED: 'danger' };

// After a change to a key the list on screen loads again (new keys come first; states change).
export const REFRESH_KEYS = ['SettingsApiKeys'];
