import { useId } from 'react';
import { toLocalInput } from '../../lib/dateInputs';
import { TextArea, TextField } from '../../ui';
import type { TextFieldProps } from '../../ui/TextField';
import { OUTCOME_SUGGESTIONS } from './interactionTypes';
import type { InteractionValues, ShownField } from './logInteractionForm';
import styles from './InteractionTextFields.module.css';

const CHANNEL_SUGGESTIONS = ['mobile', 'office phone', 'gmail', 'portal', 'in person'];

type TextValue = 'subject' | 'outcome' | 'notes' | 'channel' | 'when';

export interface InteractionTextFieldsProps {
  values: InteractionValues;
  onChange: (field: TextValue, value: string) => void;
  fieldError: (field: ShownField) => string | null;
}

/** A text field offering suggestions (a datalist) while still taking anything typed. */
function SuggestingField({ suggestions, ...field }: TextFieldProps & { suggestions: readonly string[] }) {
  const id = useId();
  return (
    <>
      <TextField {...field} list={id} />
      <datalist id={id}>
        {suggestions.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
    </>
  );
}

/** Summary, outcome, notes, when and channel (outcome and channel not for notes). */
export function InteractionTextFields({ values, onChange, fieldError }: InteractionTextFieldsProps) {
  const note = values.type === 'NOTE';
  /** A field's name (the API's, for its error), value and change handler. */
  const bind = (field: TextValue, name: ShownField & string = field === 'when' ? 'occurredAt' : field) => ({
    name,
    value: values[field],
    onChange: (e: { target: { value: string } }) => onChange(field, e.target.value),
    error: fieldError(name),
  });
  return (
    <>
      <TextField
        label="Summary"
        maxLength={200}
        placeholder={note ? 'e.g. Gate code changed' : 'e.g. Discussed shingle colours'}
        {...bind('subject')}
      />
      {!note && (
        <SuggestingField
          label="Outcome"
          maxLength={100}
          suggestions={OUTCOME_SUGGESTIONS}
          placeholder="e.g. Booked inspection"
          {...bind('outcome')}
        />
      )}
      <TextArea label="Notes" rows={4} maxLength={10_000} hint="A summary or notes is required." {...bind('notes')} />
      <div className={styles.row2}>
        <TextField label="When" type="datetime-local" max={toLocalInput(new Date(Date.now() + 60_000))} {...bind('when')} />
        {!note && (
          <SuggestingField
            label="Channel (optional)"
            maxLength={50}
            suggestions={CHANNEL_SUGGESTIONS}
            placeholder="e.g. mobile"
            {...bind('channel')}
          />
        )}
      </div>
    </>
  );
}
