import type { Feature } from '../feature';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { webhookJobs } from './webhook.jobs';
import { createWebhookLoaders } from './webhook.loaders';
import { webhookResolvers } from './webhook.resolvers';

/**
 * Webhooks: endpoints (the company's, or a partner's through its key), deliveries made from the domain events in the
 * outbox under each receiver's visibility, signed per Standard Webhooks, retried with backoff through the job queue.
 */
export const webhooks: Feature = {
  name: 'webhooks',
  entities: [WebhookEndpointEntity, WebhookDeliveryEntity],
  resolvers: webhookResolvers,
  loaders: createWebhookLoaders,
  jobs: webhookJobs,
  metrics: (services, metrics) => {
    const attempts = metrics.counter({
      name: 'crm_webhook_deliveries_total',
      help: 'Webhook delivery attempts made by this process, by outcome (succeeded; retrying: failed, tried again later; dead: failed for the last time).',
      labelNames: ['outcome'],
    });
    services.webhookSender.onAttempt(({ outcome }) => attempts.inc({ outcome }));
  },
  nodeTypes: [
    { typeName: 'WebhookEndpoint', entity: WebhookEndpointEntity, load: (id, _g, { loaders }) => loaders.webhookEndpointById.load(id) },
    { typeName: 'WebhookDelivery', entity: WebhookDeliveryEntity, load: (id, _g, { loaders }) => loaders.webhookDeliveryById.load(id) },
  ],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createWebhookLoaders> {}
}
