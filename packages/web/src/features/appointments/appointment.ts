import { useApolloClient } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../../gql';
import type { AppointmentKind, AppointmentStatus, CalendarEvent_AppointmentFragment } from '../../gql/graphql';
import type { UserErrorLike } from '../../lib/formErrors';
import type { BadgeTone } from '../../ui';
import { localizeTimes } from './time';

/** What a customer's or a project's list of appointments shows of each (the calendar's event adds to it). */
export const AppointmentSummaryFragment = graphql(`
  fragment AppointmentSummary_appointment on Appointment {
    id
    title
    kind
    status
    startsAt
    endsAt
    location
    assignee {
      id
      name
    }
  }
`);

/** What the calendar, its detail dialog and the optimistic move need of an appointment. */
export const CalendarEventFragment = graphql(`
  fragment CalendarEvent_appointment on Appointment {
    id
    ...AppointmentSummary_appointment @unmask
    notes
    customer {
      id
      name
    }
    lead {
      id
      contactName
    }
    project {
      id
      name
    }
  }
`);

export const CreateAppointmentMutation = graphql(`
  mutation CreateAppointment($input: CreateAppointmentInput!) {
    createAppointment(input: $input) {
      appointment { id ...CalendarEvent_appointment }
      errors { field code message }
    }
  }
`);

export const UpdateAppointmentMutation = graphql(`
  mutation UpdateAppointment($input: UpdateAppointmentInput!) {
    updateAppointment(input: $input) {
      appointment {
        id
        ...CalendarEvent_appointment
        updatedAt
      }
      errors { field code message }
    }
  }
`);

export type AppointmentData = CalendarEvent_AppointmentFragment;

/** An appointment as the calendar lays it out: its data plus its times as dates. */
export interface CalendarEvent {
  id: string;
  start: Date;
  end: Date;
  data: AppointmentData;
}

export const toCalendarEvent = (data: AppointmentData): CalendarEvent => ({
  id: data.id,
  start: new Date(data.startsAt),
  end: new Date(data.endsAt),
  data,
});

export const KINDS: readonly AppointmentKind[] = ['INSPECTION', 'ESTIMATE', 'INSTALL', 'FOLLOW_UP'];

const KIND_LABELS: Record<AppointmentKind, string> = {
  INSPECTION: 'Inspection',
  ESTIMATE: 'Estimate',
  INSTALL: 'Installation',
  FOLLOW_UP: 'Follow-up',
};

/** The kind in words, as the server starts generated titles (`Installation – Jane Doe`). */
export const kindLabel = (kind: AppointmentKind): string => KIND_LABELS[kind];

/** How long each kind usually takes, in minutes (the booking form's default). */
export const USUAL_MINUTES: Record<AppointmentKind, number> = {
  INSPECTION: 60,
  ESTIMATE: 60,
  INSTALL: 480,
  FOLLOW_UP: 30,
};

export const STATUS_TONE: Record<AppointmentStatus, BadgeTone> = {
  SCHEDULED: 'info',
  CONFIRMED: 'success',
  COMPLETED: 'neutral',
  CANCELLED: 'danger',
  NO_SHOW: 'warning',
};

/** Who the appointment is with, for labels. */
export const withWhom = (a: Pick<AppointmentData, 'customer' | 'lead'>): string | null =>
  a.customer?.name ?? a.lead?.contactName ?? null;

/**
 * Refetches every list of appointments on screen (the calendar, and a customer's or project's appointments) after a
 * booking or a change that may move an appointment in or out of them.
 */
export function useRefreshAppointmentLists() {
  const client = useApolloClient();
  return useCallback(
    (owners: ReadonlyArray<{ __typename: 'Customer' | 'Project' | 'Lead'; id: string } | null | undefined> = []) =>
      client
        .refetchQueries({
          updateCache: (cache) => {
            cache.modify({ fields: { appointments: (_v, { INVALIDATE }) => INVALIDATE } });
            for (const owner of owners) {
              const id = owner && cache.identify(owner);
              if (id) cache.modify({ id, fields: { appointments: (_v, { INVALIDATE }) => INVALIDATE } });
            }
          },
        })
        // A failed refetch shows as that query's error.
        .catch(() => undefined),
    [client],
  );
}

/** A payload with the instants in its messages in the browser's words (`2026-11-24T15:00:00.000Z` → `Tue, Nov 24, 9:00 AM`). */
export function withLocalTimes<P extends { errors: readonly UserErrorLike[] }>(payload: P | undefined): P | undefined {
  return payload && { ...payload, errors: payload.errors.map((e) => ({ ...e, message: localizeTimes(e.message) })) };
}

/** A failed request in the appointment forms: the error's own words. */
export const failedBecause = (fallback: string) => (err: unknown) => (err instanceof Error ? err.message : fallback);
