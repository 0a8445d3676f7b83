import type { Feature } from '../feature';
import { assignmentResolvers } from './assignment.resolvers';
import { TerritoryEntity } from './territory.entity';

export const assignment: Feature = { name: 'assignment', entities: [TerritoryEntity], resolvers: assignmentResolvers };
