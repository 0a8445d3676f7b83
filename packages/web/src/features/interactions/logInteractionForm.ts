import type { InteractionDirection, InteractionType, LogInteractionInput } from '../../gql/graphql';
import { fromLocalInput } from '../../lib/dateInputs';
import type { SplitErrors } from '../../lib/formErrors';

/** Input paths a `UserError` may point at that this form shows next to a field. */
export const SHOWN_FIELDS = [
  'customerId',
  'projectId',
  'leadId',
  'type',
  'direction',
  'channel',
  'subject',
  'notes',
  'outcome',
  'occurredAt',
] as const;

export type ShownField = (typeof SHOWN_FIELDS)[number];

export const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

/** Copies `input` without blank strings: the server treats omitted fields as "not given". */
export const given = (value: string) => (value.trim() ? value.trim() : undefined);

/** What the user typed and chose in the form (the links are resolved separately). */
export interface InteractionValues {
  type: InteractionType;
  direction: InteractionDirection;
  subject: string;
  outcome: string;
  notes: string;
  channel: string;
  /** `datetime-local` value. */
  when: string;
}

export function initialInteractionValues(type: InteractionType, openedAt: string): InteractionValues {
  return { type, direction: 'OUTBOUND', subject: '', outcome: '', notes: '', channel: '', when: openedAt };
}

/** What the interaction is linked to, and who logs it. */
export interface InteractionTargets {
  customerId: string | null;
  projectId: string | null;
  leadId: string | null;
  fieldTech: boolean;
  /** The "When" value the form opened with: left as is, the server stamps the time. */
  openedAt: string;
}

export type BuiltInput = { input: LogInteractionInput; errors?: undefined } | { input?: undefined; errors: SplitErrors };

const fieldError = (field: ShownField, message: string): BuiltInput => ({
  errors: { byField: { [field]: message }, general: [] },
});

/** The mutation input, or the errors that stop the form before the server is asked. */
export function buildLogInput(v: InteractionValues, t: InteractionTargets): BuiltInput {
  if (!t.customerId) {
    return t.fieldTech
      ? fieldError('projectId', 'Choose the project it was about.')
      : fieldError('customerId', 'Choose the customer.');
  }
  if (t.fieldTech && !t.projectId) return fieldError('projectId', 'Choose the project it was about.');
  const input: LogInteractionInput = { customerId: t.customerId, type: v.type };
  if (t.projectId) input.projectId = t.projectId;
  if (t.leadId) input.leadId = t.leadId;
  if (v.type !== 'NOTE') input.direction = v.direction;
  const text = { subject: given(v.subject), notes: given(v.notes) };
  if (text.subject) input.subject = text.subject;
  if (text.notes) input.notes = text.notes;
  if (v.type !== 'NOTE') {
    const o = given(v.outcome);
    const c = given(v.channel);
    if (o) input.outcome = o;
    if (c) input.channel = c;
  }
  // Untouched "When" means now: let the server stamp it (its clock, not the phone's).
  if (v.when !== t.openedAt) {
    const occurredAt = fromLocalInput(v.when);
    if (!occurredAt) return fieldError('occurredAt', 'Enter a date and time.');
    input.occurredAt = occurredAt;
  }
  return { input };
}
