import type { AppointmentKind } from '../../gql/graphql';
import { toDateInput, toTimeInput } from '../../lib/dateInputs';
import { Select, TextArea, TextField } from '../../ui';
import { KINDS, kindLabel } from './appointment';
import type { StaffMember } from './staff';
import { addMinutes, durationLabel, fromInputs } from './time';
import styles from './appointments.module.css';

/** The booking and edit forms' values, as the inputs hold them. */
export interface AppointmentFormValues {
  kind: AppointmentKind;
  title: string;
  /** `YYYY-MM-DD`, local. */
  date: string;
  /** `HH:MM`, local. */
  time: string;
  /** Minutes, as a string (the select's value). */
  duration: string;
  /** Empty for unassigned. */
  assigneeId: string;
  location: string;
  notes: string;
}

/** Input paths of the server's `UserError`s that the form shows next to a field. */
export const FORM_FIELDS = ['kind', 'title', 'startsAt', 'endsAt', 'assigneeId', 'location', 'notes'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FieldErrors = Partial<Record<FormField | 'customerId', string>>;

const DURATIONS = [15, 30, 45, 60, 90, 120, 180, 240, 360, 480, 600, 720];

/** The date and time inputs of a start. */
export const slotInputs = (start: Date) => ({ date: toDateInput(start), time: toTimeInput(start) });

/** The start and end the values describe, or null when the date or time is not filled in. */
export function slotOf(values: Pick<AppointmentFormValues, 'date' | 'time' | 'duration'>): { start: Date; end: Date } | null {
  const start = fromInputs(values.date, values.time);
  const minutes = Number(values.duration);
  return start && minutes > 0 ? { start, end: addMinutes(start, minutes) } : null;
}

export const SLOT_REQUIRED = 'Enter a date and a start time.';

export interface AppointmentFieldsProps {
  values: AppointmentFormValues;
  onChange: (patch: Partial<AppointmentFormValues>) => void;
  errors: FieldErrors;
  /** Who may attend (include the current attendee when editing). */
  people: ReadonlyArray<Pick<StaffMember, 'id' | 'name'>>;
  /** What the server puts in when the title / location is left empty. */
  titleHint?: string;
  locationHint?: string;
  disabled?: boolean;
}

/** Kind, title, when, who, where and notes: the fields booking and editing share. */
export function AppointmentFields({ values, onChange, errors, people, titleHint, locationHint, disabled }: AppointmentFieldsProps) {
  const durations = DURATIONS.includes(Number(values.duration)) ? DURATIONS : [...DURATIONS, Number(values.duration)].sort((a, b) => a - b);
  return (
    <fieldset className={styles.fields} disabled={disabled}>
      <div className={styles.row}>
        <Select
          label="Type"
          value={values.kind}
          options={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
          onChange={(e) => onChange({ kind: e.target.value as AppointmentKind })}
          error={errors.kind}
        />
        <Select
          label="Attendee"
          value={values.assigneeId}
          options={[{ value: '', label: 'Unassigned' }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
          onChange={(e) => onChange({ assigneeId: e.target.value })}
          error={errors.assigneeId}
        />
      </div>
      <TextField
        label="Title"
        value={values.title}
        maxLength={200}
        placeholder={titleHint}
        hint={titleHint ? 'Left empty, the type and the customer’s name.' : undefined}
        onChange={(e) => onChange({ title: e.target.value })}
        error={errors.title}
      />
      <div className={styles.slotRow}>
        <TextField
          label="Date"
          type="date"
          required
          value={values.date}
          onChange={(e) => onChange({ date: e.target.value })}
        />
        <TextField
          label="Start time"
          type="time"
          step={300}
          required
          value={values.time}
          onChange={(e) => onChange({ time: e.target.value })}
          error={errors.startsAt}
        />
        <Select
          label="Duration"
          value={values.duration}
          options={durations.map((m) => ({ value: String(m), label: durationLabel(m) }))}
          onChange={(e) => onChange({ duration: e.target.value })}
          error={errors.endsAt}
        />
      </div>
      <TextField
        label="Location"
        value={values.location}
        maxLength={300}
        placeholder={locationHint}
        onChange={(e) => onChange({ location: e.target.value })}
        error={errors.location}
      />
      <TextArea
        label="Notes"
        value={values.notes}
        maxLength={5000}
        onChange={(e) => onChange({ notes: e.target.value })}
        error={errors.notes}
      />
    </fieldset>
  );
}
