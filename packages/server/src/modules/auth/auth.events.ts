import { defineEvent } from '../realtime/event-definition';

/** Sessions ended (logout, password change, deactivation, refresh reuse): every server closes their sockets. */
export const sessionRevoked = defineEvent<{ userId: string; sessionIds: string[]; reason: string }>({
  type: 'session.revoked',
  graphqlType: null,
  row: ({ userId, sessionIds, reason }) => ({ recipientId: userId, data: { sessionIds, reason } }),
  receive: () => false, // for servers only
});
