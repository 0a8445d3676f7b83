import { defineEvent } from '../realtime/event-definition';

/** A user's own account changed (role, team, name, active): for that user only (`viewerUpdated`, `missedEvents`). */
export const viewerUpdated = defineEvent<{ userId: string }>({
  type: 'viewer.updated',
  graphqlType: 'ViewerEvent',
  staleFields: ['me'],
  row: ({ userId }) => ({ entityId: userId, recipientId: userId }),
  receive: (viewer, event) => event.recipientId === viewer.id,
});
