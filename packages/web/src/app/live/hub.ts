import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';
import type { LiveSocket } from '../socket';
import { EventCursor } from './eventCursor';
import { STALE_FIELDS } from './staleFields.generated';

const MissedEventsQuery = graphql(`
  query MissedEvents($since: String!) {
    missedEvents(since: $since, first: 200) {
      lastEventId
      hasMore
      events {
        __typename
        ... on LeadEvent {
          eventId
        }
        ... on ProjectEvent {
          eventId
        }
        ... on AppointmentEvent {
          eventId
        }
        ... on NotificationEvent {
          eventId
        }
        ... on AppointmentReminderEvent {
          eventId
        }
        ... on DashboardEvent {
          eventId
        }
        ... on ViewerEvent {
          eventId
        }
        ... on PartnerEvent {
          eventId
        }
        ... on ReferralFeeEvent {
          eventId
        }
        ... on ReviewEvent {
          eventId
        }
        ... on ReviewRequestEvent {
          eventId
        }
        ... on AttachmentEvent {
          eventId
        }
        ... on ClaimEvent {
          eventId
        }
      }
    }
  }
`);

const LatestEventIdQuery = graphql(`
  query LatestEventId {
    latestEventId
  }
`);

export interface LiveEvent {
  __typename?: string;
  eventId: string;
}

export interface LiveHub {
  /** Applies an event from a subscription or a catch-up, once per event id. */
  receive(event: LiveEvent): void;
  /** Forgets the position in the stream (sign-out). */
  reset(): void;
}


/**
 * Feeds live events into the Apollo cache. Entities carried by subscription payloads are normalised by Apollo
 * itself; lists, counts and dashboard numbers are marked stale, and the queries showing them refetch (in place,
 * batched). After every reconnection it asks `missedEvents` for what happened while the socket was down.
 */
export function createLiveHub(client: ApolloClient, socket: Pick<LiveSocket, 'onConnected'>, batchMs = 250): LiveHub {
  const cursor = new EventCursor();
  const stale = new Set<string>();
  let flushTimer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    flushTimer = undefined;
    const fields = [...stale];
    stale.clear();
    client
      .refetchQueries({
        updateCache: (cache) =>
          cache.modify({
            fields: Object.fromEntries(fields.map((f) => [f, (_v: unknown, { INVALIDATE }) => INVALIDATE])),
          }),
      })
      // A failed refetch shows as that query's error; the next event or reconnection tries again.
      .catch(() => undefined);
  };

  const receive = (event: LiveEvent) => {
    if (!cursor.accept(event.eventId)) return;
    (STALE_FIELDS[event.__typename ?? ''] ?? []).forEach((f) => stale.add(f));
    if (stale.size) flushTimer ??= setTimeout(flush, batchMs);
  };

  const missedAfter = async (since: string) =>
    (await client.query({ query: MissedEventsQuery, variables: { since }, fetchPolicy: 'no-cache' })).data
      ?.missedEvents;

  const catchUp = async (since: string) => {
    let from: string | null | undefined = since;
    while (from) {
      const page = await missedAfter(from);
      page?.events.forEach(receive);
      if (page?.lastEventId) cursor.advance(page.lastEventId);
      from = page?.hasMore ? page.lastEventId : null;
    }
  };

  const baseline = async () => {
    const { data } = await client.query({ query: LatestEventIdQuery, fetchPolicy: 'no-cache' });
    if (data) cursor.advance(data.latestEventId);
  };

  socket.onConnected(() => {
    const since = cursor.since;
    // A failed catch-up is retried on the next reconnection; the live stream goes on meanwhile.
    void (since === null ? baseline() : catchUp(since)).catch(() => undefined);
  });

  return { receive, reset: () => cursor.reset() };
}
