import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo } from 'react';
import { getFragmentData, graphql } from '../../gql';
import type { AppointmentFilter } from '../../gql/graphql';
import { CalendarEventFragment, toCalendarEvent, type CalendarEvent } from './appointment';

/** One page of the appointments overlapping the days shown, soonest first. */
export const AppointmentsCalendarQuery = graphql(`
  query AppointmentsCalendar($filter: AppointmentFilter!, $after: String) {
    appointments(first: 100, after: $after, filter: $filter, orderBy: { field: STARTS_AT }) {
      totalCount
      edges {
        cursor
        node { id ...CalendarEvent_appointment }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** One appointment, for a link to it (a notification's) when it is not among those shown. */
export const AppointmentByIdQuery = graphql(`
  query AppointmentById($id: ID!) {
    appointment(id: $id) {
      id
      ...CalendarEvent_appointment
    }
  }
`);

/**
 * The appointment `id` (null for none): from `events` when it is there, else from the server. `missing` when the
 * server says it does not exist or the viewer may not see it.
 */
export function useOpenAppointment(id: string | null, events: readonly CalendarEvent[]) {
  const listed = id ? events.find((e) => e.id === id) : undefined;
  const { data } = useQuery(AppointmentByIdQuery, { variables: { id: id ?? '' }, skip: !id || Boolean(listed) });
  const fetched = useMemo(
    () => (data?.appointment ? toCalendarEvent(getFragmentData(CalendarEventFragment, data.appointment)) : null),
    [data],
  );
  return { event: listed ?? fetched, fetched, missing: Boolean(id && !listed && data && !data.appointment) };
}

/**
 * Every appointment matching `filter`: the first page, then the next ones one after another (the cache appends
 * them to the same list) until there are no more.
 */
export function useCalendarAppointments(filter: AppointmentFilter) {
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(AppointmentsCalendarQuery, {
    variables: { filter },
    notifyOnNetworkStatusChange: true,
  });
  const list = data?.appointments;
  const cursor = list?.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
  const fetchingMore = networkStatus === NetworkStatus.fetchMore;

  useEffect(() => {
    if (cursor && !fetchingMore) void fetchMore({ variables: { after: cursor } }).catch(() => undefined);
  }, [cursor, fetchingMore, fetchMore]);

  const events = useMemo<CalendarEvent[]>(
    () => (list?.edges ?? []).map(({ node }) => toCalendarEvent(getFragmentData(CalendarEventFragment, node))),
    [list],
  );
  return {
    events,
    /** Counting appointments not loaded yet. */
    totalCount: list?.totalCount ?? null,
    /** True until the first page of this filter has come. */
    loading: !list && !error,
    /** True while further pages are coming. */
    loadingMore: Boolean(cursor),
    error: list ? null : (error ?? null),
    refetch,
  };
}
