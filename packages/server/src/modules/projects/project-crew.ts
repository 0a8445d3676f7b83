import type { DataSource, EntityManager } from 'typeorm';
import type { WriteHook } from '../../platform/db/entity-writer';
import type { Viewer } from '../../platform/auth/viewer';
import type { Validator } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { ProjectMemberEntity } from './project-member.entity';
import type { ProjectEntity } from './project.entity';
import { CREW_MAX } from './project.loaders';

/**
 * `memberIds` (keys; null where the given ID named no user) without duplicates. Reports each that is not an active
 * user as NOT_FOUND on `[field, index]`.
 */
export async function resolveCrew(ds: DataSource, v: Validator, field: string, memberIds: readonly (string | null)[]): Promise<string[]> {
  if (memberIds.length > CREW_MAX) {
    v.add(field, 'TOO_LONG', `A crew has at most ${CREW_MAX} members.`);
    return [];
  }
  const ids = memberIds;
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const active = wanted.length
    ? new Set(
        (await ds.getRepository(UserEntity).createQueryBuilder('u').select('u.id').where('u.id = ANY(:wanted)', { wanted }).andWhere('u.active').getMany()).map(
          (u) => u.id,
        ),
      )
    : new Set<string>();
  ids.forEach((id, i) => {
    if (!id || !active.has(id)) v.add(`${field}.${i}`, 'NOT_FOUND', 'No such active user.');
  });
  return wanted;
}

/**
 * Makes `userIds` the crew of `project` inside the caller's transaction (removes the others, adds the missing),
 * records the change in the audit log and runs the project's declared write effects (`written`). The project row is
 * locked so concurrent crew changes apply one after another.
 */
export async function replaceCrew(
  m: EntityManager,
  audit: AuditService,
  written: WriteHook<ProjectEntity>,
  viewer: Viewer,
  project: ProjectEntity,
  userIds: string[],
): Promise<void> {
  await m.query('SELECT 1 FROM projects WHERE id = $1 FOR UPDATE', [project.id]);
  const members = m.getRepository(ProjectMemberEntity);
  const before = (await members.findBy({ projectId: project.id })).map((r) => r.userId).sort();
  const removed = before.filter((id) => !userIds.includes(id));
  const added = userIds.filter((id) => !before.includes(id));
  if (removed.length) {
    await members.createQueryBuilder().delete().where('project_id = :projectId AND user_id = ANY(:removed)', { projectId: project.id, removed }).execute();
  }
  if (added.length) await members.insert(added.map((userId) => ({ projectId: project.id, userId })));
  const crew = { before: { crew: before }, after: { crew: [...userIds].sort() } };
  if (await audit.record(m, viewer, { entityType: 'Project', entityId: project.id, action: 'UPDATE', ...crew, teamId: project.teamId })) {
    await written(m, { action: 'UPDATE', before: project, after: project });
  }
}
