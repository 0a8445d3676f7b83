import type { DataSource } from 'typeorm';
import { byIdLoader } from '../../platform/db/loaders';
import { TeamEntity } from './team.entity';

export function createTeamLoaders(ds: DataSource) {
  return {
    teamById: byIdLoader(ds, TeamEntity),
  };
}
