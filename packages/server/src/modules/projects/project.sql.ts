import type { SqlReads } from '../../platform/graphql/compiled/sql-reads';
import { MAX_PAGE_SIZE } from '../../platform/db/pagination';
import { CREW_MAX } from './project.loaders';
import { ProjectEntity } from './project.entity';
import { projectScope } from './project.policy';

/** Project fields read in SQL by compiled queries: the same rows, order and bounds as `project.resolvers.ts`'s loaders. */
export const projectReads: SqlReads = {
  roots: ['projects'],
  types: [
    {
      typeName: 'Project',
      entity: ProjectEntity,
      scope: projectScope,
      reads: {
        customer: { kind: 'parent', type: 'Customer', column: 'customer_id' },
        team: { kind: 'linked', type: 'User', table: 'project_members', from: 'project_id', to: 'user_id', order: { column: 'name', direction: 'ASC' }, max: CREW_MAX },
        interactions: { kind: 'children', type: 'Interaction', column: 'project_id', order: { column: 'occurred_at', direction: 'DESC' }, max: MAX_PAGE_SIZE, first: true },
        createdBy: { kind: 'parent', type: 'User', column: 'created_by' },
        owningTeam: { kind: 'parent', type: 'Team', column: 'team_id' },
      },
    },
  ],
};
