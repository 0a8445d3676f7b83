import type { Feature } from '../feature';
import { leadTable } from './lead.table';
import { leadAttachments } from './lead.attachments';
import { leadExport } from './lead.export';
import { LeadEntity } from './lead.entity';
import { createLeadLoaders } from './lead.loaders';
import { leadResolvers } from './lead.resolvers';
import { leadEvents } from './lead.events';

export const leads: Feature = {
  name: 'leads',
  exports: [leadExport],
  tables: [leadTable],
  entities: [LeadEntity],
  attachmentOwners: [leadAttachments],
  resolvers: leadResolvers,
  loaders: createLeadLoaders,
  events: leadEvents,
  nodeTypes: [{ typeName: 'Lead', entity: LeadEntity, load: (id, _g, { loaders }) => loaders.leadById.load(id) }],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createLeadLoaders> {}
}
