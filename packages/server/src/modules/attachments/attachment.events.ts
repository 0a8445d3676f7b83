import type { AttachmentChange } from '../../generated/graphql';
import { defineEvent, type RecordWrite, type WriteEffects } from '../realtime/event-definition';
import type { AttachmentEntity } from './attachment.entity';

type Write = RecordWrite<Pick<AttachmentEntity, 'id' | 'teamId' | 'ownerKind' | 'ownerId'>>;

const CHANGES = { CREATE: 'ADDED', UPDATE: 'UPDATED', DELETE: 'DELETED', HARD_DELETE: 'DELETED', RESTORE: 'RESTORED' } as const satisfies Record<Write['action'], AttachmentChange>;

const row = ({ action, before, after }: Write) => {
  const a = (after ?? before)!;
  return { entityId: a.id, teamId: a.teamId, data: { change: CHANGES[action], ownerKind: a.ownerKind, ownerId: a.ownerId } };
};

/**
 * To whoever may see the attachment's owner now (the attachments' row rule, with deleted attachments: a deletion
 * reaches those who saw it).
 */
const receive = async (_viewer: unknown, event: { entityId: string | null }, loaders: { attachmentSeenById: { load(id: string): Promise<unknown> } }) =>
  event.entityId !== null && (await loaders.attachmentSeenById.load(event.entityId)) !== null;

/** A photo or document uploaded. */
export const attachmentAdded = defineEvent<Write>({
  type: 'attachment.added',
  graphqlType: 'AttachmentEvent',
  staleFields: ['attachments'],
  row,
  receive,
});

/** An attachment's details changed, its thumbnail got ready, or it was deleted or restored. */
export const attachmentUpdated = defineEvent<Write>({
  type: 'attachment.updated',
  graphqlType: 'AttachmentEvent',
  staleFields: ['attachments'],
  row,
  receive,
});

export const attachmentEvents = [attachmentAdded, attachmentUpdated];

/** Attachment writes are live. */
export const attachmentWrites: WriteEffects<AttachmentEntity> = {
  events: { CREATE: attachmentAdded, UPDATE: attachmentUpdated, DELETE: attachmentUpdated, HARD_DELETE: attachmentUpdated, RESTORE: attachmentUpdated },
};
