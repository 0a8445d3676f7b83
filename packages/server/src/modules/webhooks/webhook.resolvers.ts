import type { Resolvers } from '../../generated/graphql';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';

/** Admins and API keys with `webhooks:manage` alike: the service scopes to what the manager may see. */
export const webhookResolvers: Resolvers = {
  Query: {
    webhookEventTypes: (_, __, { services }) => [...services.webhooks.eventTypes()],
    webhookEndpoints: (_, args, { services, viewer, apiCaller }) => services.webhooks.list({ viewer, caller: apiCaller }, args),
    webhookEndpoint: (_, { id }, { services, viewer, apiCaller }) => services.webhooks.get({ viewer, caller: apiCaller }, idOf('WebhookEndpoint', id)),
    webhookDeliveries: (_, { endpointId, ...args }, { services, viewer, apiCaller }) =>
      services.webhooks.deliveries({ viewer, caller: apiCaller }, idOf('WebhookEndpoint', endpointId), args),
  },
  Mutation: {
    createWebhookEndpoint: (_, { input }, { services, viewer, apiCaller }) =>
      services.webhooks.create({ viewer, caller: apiCaller }, keysIn(input, { partnerId: 'Partner' })),
    updateWebhookEndpoint: (_, { input }, { services, viewer, apiCaller }) =>
      services.webhooks.update({ viewer, caller: apiCaller }, { ...input, id: idOf('WebhookEndpoint', input.id) }),
    rotateWebhookSecret: (_, { id, graceMinutes }, { services, viewer, apiCaller }) =>
      services.webhooks.rotate({ viewer, caller: apiCaller }, idOf('WebhookEndpoint', id), graceMinutes),
    deleteWebhookEndpoint: (_, { id }, { services, viewer, apiCaller }) => services.webhooks.remove({ viewer, caller: apiCaller }, idOf('WebhookEndpoint', id)),
    redeliverWebhook: (_, { deliveryId }, { services, viewer, apiCaller }) =>
      services.webhooks.redeliver({ viewer, caller: apiCaller }, idOf('WebhookDelivery', deliveryId)),
    sendTestWebhook: (_, { endpointId }, { services, viewer, apiCaller }) =>
      services.webhooks.sendTest({ viewer, caller: apiCaller }, idOf('WebhookEndpoint', endpointId)),
  },
  WebhookEndpoint: {
    id: (e) => toGlobalId('WebhookEndpoint', e.id),
    partnerId: (e) => (e.partnerId ? toGlobalId('Partner', e.partnerId) : null),
    secretPrefix: (e) => e.secret.slice(0, 10),
    previousSecretValidUntil: (e) => (e.previousValidUntil && e.previousValidUntil > new Date() ? e.previousValidUntil : null),
  },
  WebhookDelivery: {
    id: (d) => toGlobalId('WebhookDelivery', d.id),
    endpointId: (d) => toGlobalId('WebhookEndpoint', d.endpointId),
    attemptLog: (d, _, { loaders }) => loaders.attemptsByDeliveryId.load(d.id),
  },
  WebhookEndpointConnection: { totalCount: (c) => c.totalCount() },
  WebhookDeliveryConnection: { totalCount: (c) => c.totalCount() },
};
