import { useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { makeFragmentData } from '../../gql';
import type { UserErrorLike } from '../../lib/formErrors';
import { CalendarEventFragment, UpdateAppointmentMutation, type CalendarEvent } from './appointment';

/**
 * Moves an appointment to a new start, keeping its length. The calendar draws it there at once (optimistic response);
 * when the server refuses (a double booking: `CONFLICT`) the optimistic layer is dropped, so it goes back, and the
 * refusal is returned.
 */
export function useMoveAppointment() {
  const [mutate] = useMutation(UpdateAppointmentMutation);
  return useCallback(
    async (event: CalendarEvent, start: Date): Promise<readonly UserErrorLike[]> => {
      const startsAt = start.toISOString();
      const endsAt = new Date(start.getTime() + (event.end.getTime() - event.start.getTime())).toISOString();
      const { data } = await mutate({
        variables: { input: { id: event.id, startsAt, endsAt } },
        optimisticResponse: {
          updateAppointment: {
            __typename: 'AppointmentPayload',
            appointment: {
              __typename: 'Appointment',
              id: event.id,
              updatedAt: new Date().toISOString(),
              ...makeFragmentData({ ...event.data, startsAt, endsAt }, CalendarEventFragment),
            },
            errors: [],
          },
        },
      });
      return data?.updateAppointment.errors ?? [];
    },
    [mutate],
  );
}
