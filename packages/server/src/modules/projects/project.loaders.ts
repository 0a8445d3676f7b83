import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, cappedGroupLoader, NESTED_LIST_MAX } from '../../platform/db/loaders';
import { UserEntity } from '../users/user.entity';
import { ProjectEntity } from './project.entity';
import { projectScope } from './project.policy';

const NEWEST = { sql: 'e.created_at', direction: 'DESC' } as const;
/** The documented bound of `Project.team`. */
export const CREW_MAX = 20;

export function createProjectLoaders(ds: DataSource, viewer: Viewer | null) {
  const scope = scoped<ProjectEntity>(viewer, projectScope);
  return {
    projectById: byIdLoader(ds, ProjectEntity, scope),
    /** A customer's projects the viewer may see, newest first, at most `NESTED_LIST_MAX` (`Customer.projects`). */
    projectsByCustomerId: cappedGroupLoader(ds, ProjectEntity, 'customer_id', (p) => p.customerId, NEWEST, NESTED_LIST_MAX, scope),
    /** The crew of each project, by name (at most `CREW_MAX`): one query for the memberships, one for the users. */
    crewByProjectId: new DataLoader<string, UserEntity[]>(async (projectIds) => {
      const members: Array<{ project_id: string; user_id: string }> = await ds.query(
        'SELECT project_id, user_id FROM project_members WHERE project_id = ANY($1)',
        [projectIds],
      );
      const users = members.length
        ? await ds
            .getRepository(UserEntity)
            .createQueryBuilder('u')
            .where('u.id = ANY(:ids)', { ids: [...new Set(members.map((m) => m.user_id))] })
            .orderBy('u.name')
            .addOrderBy('u.id')
            .getMany()
        : [];
      return projectIds.map((id) => {
        const crew = new Set(members.filter((m) => m.project_id === id).map((m) => m.user_id));
        return users.filter((u) => crew.has(u.id)).slice(0, CREW_MAX);
      });
    }),
  };
}
