import type { MockLink } from '@apollo/client/testing';
import { ViewerTeamsDocument, type Role } from '../../gql/graphql';
import * as fixtures from '../../test/fixtures';

export const team = { __typename: 'Team', id: 'VGVhbTox', name: 'North Metro' } as const;
export const sam = { __typename: 'User', id: 'VXNlcjoy', name: 'Sam Carter', role: 'SALES', active: true } as const;
export const riley = { __typename: 'User', id: 'VXNlcjoz', name: 'Riley Brooks', role: 'SALES', active: true } as const;
export const morgan = { __typename: 'User', id: 'VXNlcjox', name: 'Morgan Reyes', role: 'MANAGER', active: true } as const;

/** The signed-in user (`me`) with `role`: Morgan the manager, else Sam the salesperson. */
export function meMock(role: Role): MockLink.MockedResponse {
  const user = role === 'MANAGER' ? morgan : sam;
  return fixtures.meMock(role, { id: user.id, name: user.name, email: 'x@iswitchroofs.test' });
}

export const staffMock: MockLink.MockedResponse = {
  request: { query: ViewerTeamsDocument },
  result: {
    data: {
      teams: [{ ...team, manager: { __typename: 'User', id: morgan.id }, members: [morgan, riley, sam] }],
    },
  },
};

/** An appointment as the calendar fragment selects it. */
export function appointment(id: string, title: string, start: Date, end: Date, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Appointment',
    id,
    kind: 'INSPECTION',
    title,
    status: 'SCHEDULED',
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    location: '6139 Bryant Ave S, Minneapolis, MN 55412',
    notes: null,
    customer: { __typename: 'Customer', id: `customer-${id}`, name: title.replace(/^.* – /, '') },
    lead: null,
    project: null,
    assignee: { __typename: 'User', id: sam.id, name: sam.name },
    ...extra,
  };
}

export const conflictError = (field: string, start: Date, end: Date) => ({
  __typename: 'UserError',
  field: [field],
  code: 'CONFLICT',
  message: `The assignee is already booked then (${start.toISOString()} to ${end.toISOString()}).`,
});
