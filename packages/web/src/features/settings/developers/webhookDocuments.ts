import { graphql } from '../../../gql';
import type { WebhookDeliveryStatus } from '../../../gql/graphql';
import type { BadgeTone } from '../../../ui';

export const WebhookEndpointFieldsFragment = graphql(`
  fragment WebhookEndpoint_fields on WebhookEndpoint {
    id
    url
    description
    eventTypes
    active
    disabledReason
    partnerId
    secretPrefix
    previousSecretValidUntil
    consecutiveFailures
    createdAt
    updatedAt
  }
`);

export const WebhookDeliveryFieldsFragment = graphql(`
  fragment WebhookDelivery_fields on WebhookDelivery {
    id
    endpointId
    eventId
    eventType
    status
    attempts
    nextAttemptAt
    payload
    createdAt
    attemptLog {
      number
      at
      statusCode
      latencyMs
      responseExcerpt
      error
      succeeded
    }
  }
`);

/** The events webhooks carry (`lead.created`, …), what each tells and which endpoints (company, partner) may take it. */
export const WebhookEventTypesQuery = graphql(`
  query WebhookEventTypes {
    webhookEventTypes {
      name
      description
      audience
    }
  }
`);

export const SettingsWebhookEndpointsQuery = graphql(`
  query SettingsWebhookEndpoints($first: Int!, $after: String) {
    webhookEndpoints(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node { ...WebhookEndpoint_fields @unmask }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpointId: ID!, $first: Int!, $after: String) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node { ...WebhookDelivery_fields @unmask }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      endpoint { ...WebhookEndpoint_fields @unmask }
      secret
      errors { field code message }
    }
  }
`);

export const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) {
      endpoint { ...WebhookEndpoint_fields @unmask }
      errors { field code message }
    }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!, $graceMinutes: Int) {
    rotateWebhookSecret(id: $id, graceMinutes: $graceMinutes) {
      endpoint { ...WebhookEndpoint_fields @unmask }
      secret
      errors { field code message }
    }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($id: ID!) {
    deleteWebhookEndpoint(id: $id) {
      endpoint { id }
      errors { field code message }
    }
  }
`);

export const SendTestWebhookMutation = graphql(`
  mutation SendTestWebhook($endpointId: ID!) {
    sendTestWebhook(endpointId: $endpointId) {
      delivery { ...WebhookDelivery_fields @unmask }
      errors { field code message }
    }
  }
`);

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      delivery { ...WebhookDelivery_fields @unmask }
      errors { field code message }
    }
  }
`);

export const DELIVERY_STATUS_TONE: Record<WebhookDeliveryStatus, BadgeTone> = {
  PENDING: 'info',
  SUCCEEDED: 'success',
  DEAD: 'danger',
  SKIPPED: 'neutral',
};

// After an endpoint is created or removed the list loads again; a new delivery (test, redelivery) reloads its table.
export const REFRESH_ENDPOINTS = ['SettingsWebhookEndpoints'];
export const REFRESH_DELIVERIES = ['WebhookDeliveries'];
