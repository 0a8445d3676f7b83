import type { Feature } from '../feature';
import { interactionReads } from './interaction.sql';
import { InteractionEntity } from './interaction.entity';
import { interactionExport } from './interaction.export';
import { createInteractionLoaders } from './interaction.loaders';
import { interactionResolvers } from './interaction.resolvers';

export const interactions: Feature = {
  name: 'interactions',
  exports: [interactionExport],
  entities: [InteractionEntity],
  resolvers: interactionResolvers,
  loaders: createInteractionLoaders,
  sqlReads: interactionReads,
  nodeTypes: [{ typeName: 'Interaction', entity: InteractionEntity, load: (id, _g, { loaders }) => loaders.interactionById.load(id) }],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createInteractionLoaders> {}
}
