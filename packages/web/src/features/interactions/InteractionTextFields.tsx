import { useId } from 'react';
import { toLocalInput } from '../../lib/dateInputs';
import { TextArea, TextField } from '../../ui';
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

/** Summary, outcome, notes, when and channel (outcome and channel not for notes). */
export function InteractionTextFields({ values, onChange, fieldError }: InteractionTextFieldsProps) {
  const ids = { outcomes: useId(), channels: useId() };
  const note = values.type === 'NOTE';
  return (
    <>
      <TextField
        label="Summary"
        name="subject"
        maxLength={200}
        value={values.subject}
        onChange={(e) => onChange('subject', e.target.value)}
        placeholder={note ? 'e.g. Gate code changed' : 'e.g. Discussed shingle colours'}
        error={fieldError('subject')}
      />
      {!note && (
        <>
          <TextField
            label="Outcome"
            name="outcome"
            maxLength={100}
            list={ids.outcomes}
            value={values.outcome}
            onChange={(e) => onChange('outcome', e.target.value)}
            placeholder="e.g. Booked inspection"
            error={fieldError('outcome')}
          />
          <datalist id={ids.outcomes}>
            {OUTCOME_SUGGESTIONS.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        </>
      )}
      <TextArea
        label="Notes"
        name="notes"
        rows={4}
        maxLength={10_000}
        value={values.notes}
        onChange={(e) => onChange('notes', e.target.value)}
        hint="A summary or notes is required."
        error={fieldError('notes')}
      />
      <div className={styles.row2}>
        <TextField
          label="When"
          name="occurredAt"
          type="datetime-local"
          value={values.when}
          max={toLocalInput(new Date(Date.now() + 60_000))}
          onChange={(e) => onChange('when', e.target.value)}
          error={fieldError('occurredAt')}
        />
        {!note && (
          <>
            <TextField
              label="Channel (optional)"
              name="channel"
              maxLength={50}
              list={ids.channels}
              value={values.channel}
              onChange={(e) => onChange('channel', e.target.value)}
              placeholder="e.g. mobile"
              error={fieldError('channel')}
            />
            <datalist id={ids.channels}>
              {CHANNEL_SUGGESTIONS.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </>
        )}
      </div>
    </>
  );
}
