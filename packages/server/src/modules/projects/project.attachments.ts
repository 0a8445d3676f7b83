import type { AttachmentOwnerAccess } from '../attachments/attachment-owners';
import { ProjectEntity } from './project.entity';
import { canWriteProject, projectScope } from './project.policy';

/**
 * Projects own photos and documents: seen by whoever sees the project; added by whoever may change it, and by the
 * field techs of its crew (the only projects they see) — the photos from the roof.
 */
export const projectAttachments: AttachmentOwnerAccess<ProjectEntity> = {
  kind: 'PROJECT',
  typeName: 'Project',
  entity: ProjectEntity,
  table: 'projects',
  scope: projectScope,
  canAttach: (viewer, project) => viewer.role === 'FIELD_TECH' || canWriteProject(viewer, project),
  load: (loaders, id) => loaders.projectById.load(id),
};
