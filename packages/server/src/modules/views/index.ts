import type { Feature } from '../feature';
import { SavedViewEntity } from './saved-view.entity';
import { TablePreferenceEntity } from './table-preference.entity';
import { createViewLoaders } from './views.loaders';
import { viewResolvers } from './views.resolvers';

/** Table preferences (columns, order, density) and saved views of the list tables the features declare (`Feature.tables`). */
export const views: Feature = {
  name: 'views',
  entities: [SavedViewEntity, TablePreferenceEntity],
  resolvers: viewResolvers,
  loaders: createViewLoaders,
  nodeTypes: [{ typeName: 'SavedView', entity: SavedViewEntity, load: (id, _g, { loaders }) => loaders.savedViewById.load(id) }],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createViewLoaders> {}
}
