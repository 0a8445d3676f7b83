import type { Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { attachmentOwners, type AttachmentOwnerAccess, type AttachmentReader, type OwnerRow } from './attachment-owners';
import type { AttachmentEntity } from './attachment.entity';

/**
 * Attachments a staff viewer may see: those of owners they may see (each owner feature's rule: leads, projects,
 * claims…), whoever uploaded them.
 */
export const attachmentScope = (viewer: Viewer, alias: string): Scope => attachmentOwners.scope({ viewer }, alias);

/** Attachments a reader may see: a staff viewer as above; an adjuster partner's key only those shared with the adjuster on owners its rule opens. */
export const readerScope = (reader: AttachmentReader, alias: string): Scope => attachmentOwners.scope(reader, alias);

/**
 * Changing an attachment (caption, kind, sharing, the trash): its uploader while they may still add files to its
 * owner (a field tech their own photos of their projects), and staff other than field techs who may add files to it.
 */
export function canChangeAttachment(viewer: Viewer, attachment: AttachmentEntity, owner: { access: AttachmentOwnerAccess; row: OwnerRow }): boolean {
  if (!owner.access.canAttach(viewer, owner.row)) return false;
  return attachment.uploadedById === viewer.id || viewer.role !== 'FIELD_TECH';
}
