import type { SqlReads } from '../../platform/graphql/compiled/sql-reads';
import { UserEntity } from './user.entity';

/** User fields read in SQL by compiled queries (every staff member sees every user, as `userById` does). */
export const userReads: SqlReads = {
  roots: ['users'],
  types: [{ typeName: 'User', entity: UserEntity, reads: { team: { kind: 'parent', type: 'Team', column: 'team_id' } } }],
};
