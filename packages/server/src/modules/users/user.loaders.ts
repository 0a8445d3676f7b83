import type { DataSource } from 'typeorm';
import { byIdLoader, groupLoader } from '../../platform/db/loaders';
import { UserEntity } from './user.entity';

export function createUserLoaders(ds: DataSource) {
  return {
    userById: byIdLoader(ds, UserEntity),
    usersByTeamId: groupLoader(ds, UserEntity, 'team_id', (u) => u.teamId ?? '', (qb) => qb.orderBy('e.name').addOrderBy('e.id')),
  };
}
