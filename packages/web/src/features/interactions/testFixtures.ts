/** Shared mock data for the interactions and projects component tests. */
import type { Role } from '../../gql/graphql';
import * as fixtures from '../../test/fixtures';

export const VIEWER_ID = 'VXNlcjox';

/** The signed-in viewer: Sam Carter, or Taylor Kim in the field. */
export const meMock = (role: Role) =>
  fixtures.meMock(role, { id: VIEWER_ID, name: role === 'FIELD_TECH' ? 'Taylor Kim' : 'Sam Carter' });

export { userError } from '../../test/fixtures';

export const interactionNode = (overrides: Record<string, unknown> = {}) => ({
  __typename: 'Interaction',
  id: 'SW50ZXJhY3Rpb246MQ',
  type: 'CALL',
  direction: 'OUTBOUND',
  channel: 'phone',
  subject: 'Discussed shingle colours',
  notes: null,
  outcome: 'Booked inspection',
  occurredAt: '2026-11-20T15:00:00.000Z',
  user: { __typename: 'User', id: VIEWER_ID, name: 'Sam Carter' },
  customer: { __typename: 'Customer', id: 'Q3VzdG9tZXI6MQ', name: 'Dana Hansen' },
  project: { __typename: 'Project', id: 'UHJvamVjdDox', name: 'Hansen – full replacement' },
  lead: null,
  ...overrides,
});
