import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchManyWith } from '../../platform/db/hydrate';
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
    /** The crew of each project, by name (at most `CREW_MAX`): one query, the memberships joined to the users. */
    crewByProjectId: new DataLoader<string, UserEntity[]>(async (projectIds) => {
      const rows = await fetchManyWith(
        ds
          .getRepository(UserEntity)
          .createQueryBuilder('u')
          .innerJoin('project_members', 'pm', 'pm.user_id = u.id')
          .addSelect('pm.project_id', 'crew_project_id')
          .where('pm.project_id = ANY(:projectIds)', { projectIds })
          .orderBy('u.name')
          .addOrderBy('u.id'),
        (raw) => raw.crew_project_id as string,
      );
      const crews = new Map<string, UserEntity[]>(projectIds.map((id) => [id, []]));
      for (const [user, projectId] of rows) {
        const crew = crews.get(projectId);
        if (crew && crew.length < CREW_MAX) crew.push(user);
      }
      return projectIds.map((id) => crews.get(id)!);
    }),
  };
}
