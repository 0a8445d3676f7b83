import {
  ApiKeyUsageDocument,
  SettingsApiKeysDocument,
  SettingsWebhookEndpointsDocument,
  WebhookDeliveriesDocument,
  WebhookEventTypesDocument,
  type WebhookDelivery_FieldsFragment,
  type WebhookEndpoint_FieldsFragment,
} from '../../../gql/graphql';
import { mocked } from '../../../test/fixtures';

/** An active company endpoint (override what a test is about). */
export const endpoint = (over: Partial<WebhookEndpoint_FieldsFragment> = {}): WebhookEndpoint_FieldsFragment => ({
  __typename: 'WebhookEndpoint',
  id: 'V2ViaG9va0VuZHBvaW50OjE',
  url: 'https://erp.example.com/hooks/crm',
  description: 'ERP lead sync',
  eventTypes: ['lead.created', 'lead.updated'],
  active: true,
  disabledReason: null,
  partnerId: null,
  secretPrefix: 'whsec_ab12',
  previousSecretValidUntil: null,
  consecutiveFailures: 0,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

export const delivery = (over: Partial<WebhookDelivery_FieldsFragment> = {}): WebhookDelivery_FieldsFragment => ({
  __typename: 'WebhookDelivery',
  id: 'V2ViaG9va0RlbGl2ZXJ5OjE',
  endpointId: 'V2ViaG9va0VuZHBvaW50OjE',
  eventId: 'evt_1842',
  eventType: 'lead.created',
  status: 'DEAD',
  attempts: 2,
  nextAttemptAt: null,
  payload: '{"type":"lead.created","data":{"id":"TGVhZDox"}}',
  createdAt: '2026-11-20T10:00:00.000Z',
  attemptLog: [
    { __typename: 'WebhookAttempt', number: 2, at: '2026-11-20T10:05:00.000Z', statusCode: 503, latencyMs: 1240, responseExcerpt: 'Service Unavailable', error: null, succeeded: false },
    { __typename: 'WebhookAttempt', number: 1, at: '2026-11-20T10:00:01.000Z', statusCode: null, latencyMs: 10000, responseExcerpt: null, error: 'timeout after 10 s', succeeded: false },
  ],
  ...over,
});

const pageInfo = (endCursor: string | null = null) => ({ __typename: 'PageInfo' as const, hasNextPage: !!endCursor, endCursor });

/** The endpoints list (first page, asked as often as it is refetched). */
export const endpointsMock = (endpoints: WebhookEndpoint_FieldsFragment[]) =>
  mocked(
    SettingsWebhookEndpointsDocument,
    {
      webhookEndpoints: {
        __typename: 'WebhookEndpointConnection',
        totalCount: endpoints.length,
        edges: endpoints.map((node, i) => ({ __typename: 'WebhookEndpointEdge' as const, cursor: `e${i}`, node })),
        pageInfo: pageInfo(),
      },
    },
    { variables: { first: 20 }, maxUsageCount: Number.POSITIVE_INFINITY },
  );

/** One page of an endpoint's deliveries; `next` is the cursor of a further page. */
export const deliveriesMock = (deliveries: WebhookDelivery_FieldsFragment[], { after, next, total }: { after?: string; next?: string; total?: number } = {}) =>
  mocked(
    WebhookDeliveriesDocument,
    {
      webhookDeliveries: {
        __typename: 'WebhookDeliveryConnection',
        totalCount: total ?? deliveries.length,
        edges: deliveries.map((node) => ({ __typename: 'WebhookDeliveryEdge' as const, cursor: `c_${node.id}`, node })),
        pageInfo: pageInfo(next ?? null),
      },
    },
    { variables: { endpointId: 'V2ViaG9va0VuZHBvaW50OjE', first: 20, ...(after ? { after } : {}) }, maxUsageCount: Number.POSITIVE_INFINITY },
  );

/** The server's event catalogue, company and partner events. */
export const eventTypesMock = () =>
  mocked(
    WebhookEventTypesDocument,
    {
      webhookEventTypes: [
        { name: 'lead.created', description: 'A lead came in.', audience: 'COMPANY' },
        { name: 'lead.updated', description: 'A lead changed.', audience: 'COMPANY' },
        { name: 'project.updated', description: 'A project was created or changed.', audience: 'COMPANY' },
        { name: 'partner.updated', description: 'A referral partner was created or changed.', audience: 'COMPANY' },
        { name: 'referral.created', description: 'One of your referrals was received.', audience: 'PARTNER' },
        { name: 'referral.updated', description: 'One of your referrals moved on.', audience: 'PARTNER' },
      ].map((t) => ({ __typename: 'WebhookEventTypeInfo' as const, ...t, audience: t.audience as 'COMPANY' | 'PARTNER' })),
    },
    { maxUsageCount: Number.POSITIVE_INFINITY },
  );

/** An active partner key. */
export const apiKey = (over: Record<string, unknown> = {}) => ({
  __typename: 'ApiKey',
  id: 'QXBpS2V5OjE',
  name: 'Lakes referral form',
  prefix: 'crmk_ab12cd34',
  partner: { __typename: 'Partner', id: 'UGFydG5lcjox', name: 'Lakes Realty' },
  scopes: ['REFERRALS_WRITE'],
  allowFreeFormQueries: false,
  rateLimitPerMinute: 60,
  costPerMinute: 20000,
  status: 'ACTIVE',
  expiresAt: null,
  previousSecretValidUntil: null,
  lastUsedAt: '2026-11-20T10:00:00.000Z',
  lastUsedIp: '203.0.113.7',
  revokedAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  ...over,
});

/** The API keys list (any status). */
export const apiKeysMock = (keys: object[]) => ({
  request: { query: SettingsApiKeysDocument, variables: { first: 25, filter: {} } },
  result: {
    data: {
      apiKeys: {
        __typename: 'ApiKeyConnection',
        totalCount: keys.length,
        edges: keys.map((node, i) => ({ __typename: 'ApiKeyEdge', cursor: `c${i}`, node })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

/** The usage chart's answer: the server's totals per day (`apiUsageRows.dailyTotals`) of one key, or of every key. */
export const usageMock = (days: Array<{ day: string; count: number; errors: number }>, apiKeyId?: string) =>
  mocked(
    ApiKeyUsageDocument,
    { apiUsageRows: { __typename: 'ApiUsageConnection', dailyTotals: days.map((d) => ({ __typename: 'ApiUsageDay' as const, ...d })) } },
    { variables: { filter: apiKeyId ? { apiKeyId } : {} }, maxUsageCount: Number.POSITIVE_INFINITY },
  );

/** What the Developers page asks for: keys, usage and endpoints. */
export const developersMocks = () => [apiKeysMock([apiKey()]), usageMock([]), endpointsMock([endpoint()])];
