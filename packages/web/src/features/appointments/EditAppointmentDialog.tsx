import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { UpdateAppointmentInput } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog } from '../../ui';
import { failedBecause, UpdateAppointmentMutation, useRefreshAppointmentLists, withLocalTimes, type CalendarEvent } from './appointment';
import {
  AppointmentFields,
  FORM_FIELDS,
  SLOT_REQUIRED,
  slotInputs,
  slotOf,
  type AppointmentFormValues,
} from './AppointmentFields';
import type { StaffMember } from './staff';

export interface EditAppointmentDialogProps {
  event: CalendarEvent;
  /** Who may attend. */
  people: readonly StaffMember[];
  onClose: () => void;
}

const valuesOf = (event: CalendarEvent): AppointmentFormValues => ({
  kind: event.data.kind,
  title: event.data.title,
  ...slotInputs(event.start),
  duration: String(Math.round((event.end.getTime() - event.start.getTime()) / 60_000)),
  assigneeId: event.data.assignee?.id ?? '',
  location: event.data.location ?? '',
  notes: event.data.notes ?? '',
});

/**
 * Changes an appointment (`updateAppointment`), the keyboard way to move it too: only the fields changed are sent,
 * and the server's refusals (a double booking under the start time or the attendee) show next to their field.
 */
export function EditAppointmentDialog({ event, people, onClose }: EditAppointmentDialogProps) {
  const [update, { loading: busy }] = useMutation(UpdateAppointmentMutation);
  const refreshLists = useRefreshAppointmentLists();
  const [initial] = useState(() => valuesOf(event));
  const [values, setValues] = useState(initial);
  const form = useFormErrors(FORM_FIELDS);
  const current = event.data.assignee;
  const attendees = current && !people.some((p) => p.id === current.id) ? [...people, current] : people;

  const submit = async () => {
    const slot = slotOf(values);
    if (form.check({ startsAt: slot ? undefined : SLOT_REQUIRED }) || !slot) return;
    const input: UpdateAppointmentInput = { id: event.id };
    const changed = (k: keyof AppointmentFormValues) => values[k] !== initial[k];
    if (changed('kind')) input.kind = values.kind;
    if (changed('title')) input.title = values.title.trim();
    const moved = changed('date') || changed('time') || changed('duration');
    if (moved) {
      input.startsAt = slot.start.toISOString();
      input.endsAt = slot.end.toISOString();
    }
    if (changed('assigneeId')) input.assigneeId = values.assigneeId || null;
    if (changed('location')) input.location = values.location.trim() || null;
    if (changed('notes')) input.notes = values.notes.trim() || null;
    if (Object.keys(input).length === 1) {
      onClose();
      return;
    }
    const saved = await form.save(async () => withLocalTimes((await update({ variables: { input } })).data?.updateAppointment), {
      nothing: 'The changes could not be saved. Try again.',
      unreachable: failedBecause('The changes could not be saved. Try again.'),
    });
    if (!saved) return;
    // Moved to another week or to someone else, it may leave (or join) the lists on screen.
    if (moved || changed('assigneeId')) void refreshLists();
    onClose();
  };

  return (
    <FormDialog title={`Edit ${event.data.title}`} size="md" onClose={onClose} busy={busy} onSubmit={submit} submitLabel="Save">
      <FormAlert messages={form.general} />
      <AppointmentFields values={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} errors={form.errors} people={attendees} disabled={busy} />
    </FormDialog>
  );
}
