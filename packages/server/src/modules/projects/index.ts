import type { Feature } from '../feature';
import { projectTable } from './project.table';
import { projectAttachments } from './project.attachments';
import { projectExport } from './project.export';
import { projectReads } from './project.sql';
import { ProjectMemberEntity } from './project-member.entity';
import { ProjectEntity } from './project.entity';
import { createProjectLoaders } from './project.loaders';
import { projectResolvers } from './project.resolvers';
import { projectUpdated } from './project.events';

export const projects: Feature = {
  name: 'projects',
  exports: [projectExport],
  tables: [projectTable],
  entities: [ProjectEntity, ProjectMemberEntity],
  attachmentOwners: [projectAttachments],
  resolvers: projectResolvers,
  loaders: createProjectLoaders,
  sqlReads: projectReads,
  events: [projectUpdated],
  nodeTypes: [{ typeName: 'Project', entity: ProjectEntity, load: (id, _g, { loaders }) => loaders.projectById.load(id) }],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createProjectLoaders> {}
}
