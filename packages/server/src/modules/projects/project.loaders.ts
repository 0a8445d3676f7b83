import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { byIdLoader, groupLoader } from '../../platform/db/loaders';
import { UserEntity } from '../users/user.entity';
import { ProjectEntity } from './project.entity';
import { projectScope } from './project.policy';

export function createProjectLoaders(ds: DataSource, viewer: Viewer | null) {
  const scope = scoped<ProjectEntity>(viewer, projectScope);
  return {
    projectById: byIdLoader(ds, ProjectEntity, scope),
    /** A customer's projects the viewer may see, newest first. */
    projectsByCustomerId: groupLoader(ds, ProjectEntity, 'customer_id', (p) => p.customerId, (qb) =>
      scope(qb).orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC'),
    ),
    /** The crew of each project, by name (one query joining the membership table). */
    crewByProjectId: new DataLoader<string, UserEntity[]>(async (projectIds) => {
      const rows = await ds
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .innerJoin('project_members', 'pm', 'pm.user_id = u.id')
        .addSelect('pm.project_id', 'pm_project_id')
        .where('pm.project_id = ANY(:projectIds)', { projectIds })
        .orderBy('u.name')
        .addOrderBy('u.id')
        .getRawAndEntities();
      const groups = new Map<string, UserEntity[]>(projectIds.map((id) => [id, []]));
      rows.entities.forEach((u, i) => groups.get(rows.raw[i].pm_project_id)?.push(u));
      return projectIds.map((id) => groups.get(id)!);
    }),
  };
}
