import type { Feature } from '../feature';
import { createAssignmentLoaders } from './assignment.loaders';
import { assignmentResolvers } from './assignment.resolvers';
import { TerritoryEntity } from './territory.entity';

export const assignment: Feature = { name: 'assignment', entities: [TerritoryEntity], resolvers: assignmentResolvers, loaders: createAssignmentLoaders };

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createAssignmentLoaders> {}
}
