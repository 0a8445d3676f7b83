import type { DataSource } from 'typeorm';
import { createTeamLoaders } from '../../modules/teams/team.loaders';
import { createUserLoaders } from '../../modules/users/user.loaders';

/** Fresh DataLoaders for one request (or one subscription event). */
export function createLoaders(ds: DataSource) {
  return {
    ...createUserLoaders(ds),
    ...createTeamLoaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
