import type { JobDefinition } from '../../platform/jobs/job-queue';
import type { Services } from '../../services';
import { SEND_JOB, SWEEP_JOB } from './message.service';

export function messageJobs(services: Services): JobDefinition<object>[] {
  return [
    {
      name: SEND_JOB,
      description: 'Hands one queued e-mail or SMS to its transport (queued with the message; failures retried with backoff).',
      retryLimit: services.messages.retryLimit,
      expireInSeconds: 120,
      run: async (data) => ({ outcome: await services.messages.send((data as { messageId: string }).messageId) }),
    },
    {
      name: SWEEP_JOB,
      description: 'Every 10 minutes: hands queued messages whose send job was lost (15 minutes past due, no attempt since) to a new one.',
      schedule: '*/10 * * * *',
      run: () => services.messages.sweep(),
    },
  ];
}
