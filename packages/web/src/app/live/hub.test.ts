import { ApolloClient, InMemoryCache } from '@apollo/client';
import { MockLink } from '@apollo/client/testing';
import { waitFor } from '@testing-library/react';
import { LatestEventIdDocument, MissedEventsDocument } from '../../gql/graphql';
import { createLiveHub } from './hub';

const missed = (since: string, events: Array<[string, string]>, lastEventId: string, hasMore: boolean) => ({
  request: { query: MissedEventsDocument, variables: { since } },
  result: {
    data: {
      missedEvents: {
        __typename: 'MissedEvents',
        lastEventId,
        hasMore,
        events: events.map(([__typename, eventId]) => ({ __typename, eventId })),
      },
    },
  },
});

function setup(mocks: ReadonlyArray<MockLink.MockedResponse>) {
  const client = new ApolloClient({ cache: new InMemoryCache(), link: new MockLink(mocks) });
  const staleFields: string[][] = [];
  jest.spyOn(client, 'refetchQueries').mockImplementation((options) => {
    const modify = jest.fn();
    options.updateCache?.({ modify } as never);
    staleFields.push(Object.keys(modify.mock.calls[0]?.[0]?.fields ?? {}).sort());
    return Object.assign(Promise.resolve([]), { queries: [], results: [] });
  });
  let connected = () => {};
  const socket = { onConnected: (listener: () => void) => ((connected = listener), () => undefined) };
  const hub = createLiveHub(client, socket, 0);
  return { hub, staleFields, connect: () => connected() };
}

describe('live hub', () => {
  it('starts from the latest event id, then catches up page by page after a reconnection, once per event', async () => {
    const { hub, staleFields, connect } = setup([
      { request: { query: LatestEventIdDocument }, result: { data: { latestEventId: '100' } } },
      missed(
        '101',
        [
          ['NotificationEvent', '102'],
          ['LeadEvent', '101'],
        ],
        '102',
        true,
      ),
      missed('102', [['DashboardEvent', '103']], '103', false),
    ]);

    connect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    hub.receive({ __typename: 'LeadEvent', eventId: '101' });
    await waitFor(() => expect(staleFields).toEqual([['leads']]));

    connect();
    const caughtUp = () => staleFields.slice(1).flat().sort();
    // 101 came live already: only the notification (page 1) and the dashboard hint (page 2) count.
    await waitFor(() => expect(caughtUp()).toEqual(['dashboard', 'notifications']));
    const flushes = staleFields.length;
    hub.receive({ __typename: 'DashboardEvent', eventId: '103' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(staleFields).toHaveLength(flushes);
  });

  it('refetches the calendar on appointment changes, live or caught up after a reconnection', async () => {
    const { hub, staleFields, connect } = setup([
      { request: { query: LatestEventIdDocument }, result: { data: { latestEventId: '10' } } },
      missed('11', [['AppointmentEvent', '12']], '12', false),
    ]);

    connect();
    await new Promise((resolve) => setTimeout(resolve, 20));
    hub.receive({ __typename: 'AppointmentEvent', eventId: '11' });
    await waitFor(() => expect(staleFields).toEqual([['appointments']]));

    connect();
    await waitFor(() => expect(staleFields).toEqual([['appointments'], ['appointments']]));
  });
});
