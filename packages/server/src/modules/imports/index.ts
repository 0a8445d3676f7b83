import type { Feature } from '../feature';
import { ImportEntity, ImportRowEntity } from './import.entity';
import { importJobs } from './import.jobs';
import { createImportLoaders } from './import.loaders';
import { importResolvers } from './import.resolvers';

/** CSV imports of customers, leads and partners (docs: README, "Importing"). */
export const imports: Feature = {
  name: 'imports',
  entities: [ImportEntity, ImportRowEntity],
  resolvers: importResolvers,
  loaders: createImportLoaders,
  nodeTypes: [{ typeName: 'Import', entity: ImportEntity, load: (id, _g, { loaders }) => loaders.importById.load(id) }],
  jobs: (services) => importJobs(services.importWorker),
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createImportLoaders> {}
}
