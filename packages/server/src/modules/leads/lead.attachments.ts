import type { AttachmentOwnerAccess } from '../attachments/attachment-owners';
import { LeadEntity } from './lead.entity';
import { canWriteLead, leadScope } from './lead.policy';

/** Leads own photos and documents: seen by whoever sees the lead; added by whoever may change it (not field techs). */
export const leadAttachments: AttachmentOwnerAccess<LeadEntity> = {
  kind: 'LEAD',
  typeName: 'Lead',
  entity: LeadEntity,
  table: 'leads',
  scope: leadScope,
  canAttach: canWriteLead,
  load: (loaders, id) => loaders.leadById.load(id),
};
