import type { JobDefinition } from '../../platform/jobs/job-queue';
import type { Services } from '../../services';

export function webhookJobs(services: Services): JobDefinition<object>[] {
  return [
    {
      name: 'webhook-deliver',
      description: 'Makes the due attempt of one webhook delivery (retries are scheduled by the delivery itself).',
      retryLimit: 0,
      expireInSeconds: 120,
      run: async (data) => ({ outcome: await services.webhookSender.attempt((data as { deliveryId: string }).deliveryId) }),
    },
    {
      name: 'webhook-dispatch',
      description: 'Turns domain events not yet dispatched into webhook deliveries, and queues again due deliveries whose job was lost (normally the outbox relay wakes the dispatcher at once).',
      schedule: '* * * * *',
      run: async () => ({ dispatched: await services.webhookDispatcher.dispatch(), requeued: await services.webhookSender.sweep() }),
    },
    {
      name: 'webhook-cleanup',
      description: 'Deletes finished webhook deliveries (succeeded, dead, skipped; never pending) and their attempts after WEBHOOK_RETENTION_DAYS without an attempt.',
      schedule: '50 3 * * *',
      run: async () => ({ deleted: await services.webhookSender.prune() }),
    },
  ];
}
