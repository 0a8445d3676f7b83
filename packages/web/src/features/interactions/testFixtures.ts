/** Shared mock data for the interactions and projects component tests. */
import type { MockLink } from '@apollo/client/testing';
import { MeDocument, type Role } from '../../gql/graphql';

export const VIEWER_ID = 'VXNlcjox';

export const meMock = (role: Role): MockLink.MockedResponse => ({
  request: { query: MeDocument },
  result: {
    data: {
      me: {
        __typename: 'User',
        id: VIEWER_ID,
        name: role === 'FIELD_TECH' ? 'Taylor Kim' : 'Sam Carter',
        email: 'someone@iswitchroofs.test',
        role,
        team: { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' },
      },
    },
  },
  maxUsageCount: Number.POSITIVE_INFINITY,
});

export const userError = (field: string[] | null, code: string, message: string) => ({
  __typename: 'UserError',
  field,
  code,
  message,
});

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
