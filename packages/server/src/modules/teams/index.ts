import type { Feature } from '../feature';
import { teamReads } from './team.sql';
import { TeamEntity } from './team.entity';
import { createTeamLoaders } from './team.loaders';
import { teamResolvers } from './team.resolvers';

export const teams: Feature = {
  name: 'teams',
  entities: [TeamEntity],
  resolvers: teamResolvers,
  loaders: createTeamLoaders,
  sqlReads: teamReads,
  nodeTypes: [{ typeName: 'Team', entity: TeamEntity, load: (id, _g, { loaders }) => loaders.teamById.load(id) }],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createTeamLoaders> {}
}
