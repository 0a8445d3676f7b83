import type { DataSource } from 'typeorm';
import { byIdLoader, cappedGroupLoader } from '../../platform/db/loaders';
import { UserEntity } from './user.entity';

/** The documented bound of `Team.members`. */
export const TEAM_MEMBERS_MAX = 100;

export function createUserLoaders(ds: DataSource) {
  return {
    userById: byIdLoader(ds, UserEntity),
    /** A team's members by name, at most `TEAM_MEMBERS_MAX` (`Team.members`). */
    usersByTeamId: cappedGroupLoader(ds, UserEntity, 'team_id', (u) => u.teamId ?? '', { sql: 'e.name', direction: 'ASC' }, TEAM_MEMBERS_MAX),
  };
}
