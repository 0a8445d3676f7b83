import type { Feature } from '../feature';
import { AttachmentEntity } from './attachment.entity';
import { attachmentEvents } from './attachment.events';
import { attachmentJobs } from './attachment.jobs';
import { createAttachmentLoaders } from './attachment.loaders';
import { attachmentAdjusterResolvers } from './attachment-adjuster.resolvers';
import { attachmentResolvers } from './attachment.resolvers';

/**
 * Photos and documents on leads, projects, claims and supplements (README, "Photos and documents"). The records that
 * own attachments come from their features (`Feature.attachmentOwners`, attachment-owners.ts); the files from the
 * platform's object storage.
 */
export const attachments: Feature = {
  name: 'attachments',
  entities: [AttachmentEntity],
  resolvers: [attachmentResolvers, attachmentAdjusterResolvers],
  loaders: createAttachmentLoaders,
  events: attachmentEvents,
  nodeTypes: [{ typeName: 'Attachment', entity: AttachmentEntity, load: (id, _g, { loaders }) => loaders.attachmentById.load(id) }],
  jobs: (services) => attachmentJobs(services.attachments),
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createAttachmentLoaders> {}
}
