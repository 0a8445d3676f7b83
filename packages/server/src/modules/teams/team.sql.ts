import type { SqlReads } from '../../platform/graphql/compiled/sql-reads';
import { TEAM_MEMBERS_MAX } from '../users/user.loaders';
import { TeamEntity } from './team.entity';

/** Team fields read in SQL by compiled queries (every staff member sees every team, as `teamById` does). */
export const teamReads: SqlReads = {
  types: [
    {
      typeName: 'Team',
      entity: TeamEntity,
      reads: {
        members: { kind: 'children', type: 'User', column: 'team_id', order: { column: 'name', direction: 'ASC' }, max: TEAM_MEMBERS_MAX },
        manager: { kind: 'parent', type: 'User', column: 'manager_id' },
      },
    },
  ],
};
