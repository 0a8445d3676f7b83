import type { Feature } from '../feature';
import { DuplicatePairEntity } from './duplicate-pair.entity';
import { duplicateJobs } from './duplicate.jobs';
import { createDuplicateLoaders } from './duplicate.loaders';
import { duplicateResolvers } from './duplicate.resolvers';

/** Possible duplicates while typing, the duplicate customers queue and `mergeCustomers` (docs: README, "Duplicates"). */
export const duplicates: Feature = {
  name: 'duplicates',
  entities: [DuplicatePairEntity],
  resolvers: duplicateResolvers,
  loaders: createDuplicateLoaders,
  nodeTypes: [{ typeName: 'DuplicateCustomerPair', entity: DuplicatePairEntity, load: (id, _g, { loaders }) => loaders.duplicatePairById.load(id) }],
  jobs: (services) => duplicateJobs(services.duplicates),
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createDuplicateLoaders> {}
}
