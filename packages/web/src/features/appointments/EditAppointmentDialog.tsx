import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { UpdateAppointmentInput } from '../../gql/graphql';
import { splitUserErrors } from '../../lib/userErrors';
import { Button, Dialog } from '../../ui';
import { UpdateAppointmentMutation, useRefreshAppointmentLists, type CalendarEvent } from './appointment';
import {
  AppointmentFields,
  FORM_FIELDS,
  SLOT_REQUIRED,
  slotInputs,
  slotOf,
  type AppointmentFormValues,
  type FieldErrors,
} from './AppointmentFields';
import type { StaffMember } from './staff';
import { localizeTimes } from './time';
import styles from './appointments.module.css';

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
  const [update] = useMutation(UpdateAppointmentMutation);
  const refreshLists = useRefreshAppointmentLists();
  const [initial] = useState(() => valuesOf(event));
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const current = event.data.assignee;
  const attendees = current && !people.some((p) => p.id === current.id) ? [...people, current] : people;

  const submit = async () => {
    const slot = slotOf(values);
    setGeneral([]);
    setErrors(slot ? {} : { startsAt: SLOT_REQUIRED });
    if (!slot) return;
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
    setBusy(true);
    try {
      const { data } = await update({ variables: { input } });
      const refused = data?.updateAppointment.errors ?? [];
      if (refused.length) {
        const split = splitUserErrors(refused.map((e) => ({ ...e, message: localizeTimes(e.message) })), FORM_FIELDS);
        setErrors(split.byField);
        setGeneral(split.general);
        setBusy(false);
        return;
      }
      // Moved to another week or to someone else, it may leave (or join) the lists on screen.
      if (moved || changed('assigneeId')) void refreshLists();
      onClose();
    } catch (err) {
      setGeneral([err instanceof Error ? err.message : 'The changes could not be saved. Try again.']);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={`Edit ${event.data.title}`}
      size="md"
      onClose={onClose}
      busy={busy}
      onSubmit={() => void submit()}
      actions={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={busy}>
            Save
          </Button>
        </>
      }
    >
      {general.length > 0 && (
        <div className={styles.formAlert} role="alert">
          {general.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      <AppointmentFields values={values} onChange={(patch) => setValues((v) => ({ ...v, ...patch }))} errors={errors} people={attendees} disabled={busy} />
    </Dialog>
  );
}
