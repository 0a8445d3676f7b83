import type { Services } from './services';
import type { JobDefinition } from './platform/jobs/job-queue';

/** Every background job, built over the application's services. */
export function createJobDefinitions(_services: Services): JobDefinition<object>[] {
  return [];
}
