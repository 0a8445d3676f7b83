import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { useViewer } from '../../../app/auth';
import { getFragmentData } from '../../../gql';
import type { ReviewSettings_FieldsFragment } from '../../../gql/graphql';
import { dateTimeLabel } from '../../../lib/format';
import { useFormErrors } from '../../../lib/useFormErrors';
import { Button, Card, Fieldset, TextArea, TextField } from '../../../ui';
import { UNREACHABLE } from '../options';
import { FormMessages, Loaded, Section } from '../Section';
import shared from '../settings.module.css';
import { ProfileLinksFields } from './ProfileLinksFields';
import { ReviewSettingsFieldsFragment, SettingsReviewSettingsQuery, UpdateReviewSettingsMutation } from './reviewSettingsDocuments';
import { changes, fillPlaceholders, problems, SAMPLE_VALUES, shownFields, toValues, type Values } from './reviewSettingsForm';
import styles from './ReviewsSettings.module.css';

/** The request's text as a customer would read it, with sample values in the placeholders. */
function MessagePreview({ text }: { text: string }) {
  const id = useId();
  return (
    <figure className={styles.preview} aria-labelledby={id}>
      <figcaption id={id} className={styles.previewTitle}>
        Preview
      </figcaption>
      <p className={styles.previewText}>{fillPlaceholders(text)}</p>
      <p className={shared.note}>
        With sample values:{' '}
        {Object.entries(SAMPLE_VALUES)
          .map(([placeholder, sample]) => `{${placeholder}} → ${sample}`)
          .join(', ')}
        .
      </p>
    </figure>
  );
}

/** The settings typed as whole numbers, with what the SDL allows. */
const NUMBERS: ReadonlyArray<{ key: 'delayHours' | 'expiryDays'; label: string; hint: string }> = [
  { key: 'delayHours', label: 'Delay (hours)', hint: 'From the project’s completion to the first message: 0 to 720.' },
  { key: 'expiryDays', label: 'Link expires after (days)', hint: 'Days after the first message, 7 to 90, and after the last reminder.' },
];

interface FormProps {
  settings: ReviewSettings_FieldsFragment;
  canEdit: boolean;
}

function ReviewSettingsFields({ settings, canEdit }: FormProps) {
  const [values, setValues] = useState<Values>(() => toValues(settings));
  const form = useFormErrors(shownFields(values));
  const [saved, setSaved] = useState<string | null>(null);
  const [save, { loading }] = useMutation(UpdateReviewSettingsMutation, {
    update(cache, { data: result }) {
      const s = result?.updateReviewSettings.settings;
      if (s) cache.writeQuery({ query: SettingsReviewSettingsQuery, data: { reviewSettings: s } });
    },
  });
  const input = changes(values, settings);
  const dirty = Object.keys(input).length > 0;

  const set = (patch: Partial<Values>, ...paths: string[]) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clear(...paths);
    setSaved(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    if (form.check(problems(values))) return;
    const payload = await form.save(async () => (await save({ variables: { input } })).data?.updateReviewSettings, {
      ok: (p) => p.settings,
      nothing: 'The review settings were not saved.',
      unreachable: UNREACHABLE,
    });
    if (!payload?.settings) return;
    const next = getFragmentData(ReviewSettingsFieldsFragment, payload.settings);
    setValues(toValues(next));
    setSaved('Saved. Requests already made keep their schedule; new ones follow these settings.');
  };

  const linkPaths = values.links.flatMap((_, i) => [`profileLinks.${i}.platform`, `profileLinks.${i}.url`]);

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label="Review settings">
      {!canEdit && <p className={shared.note}>Only admins can change the review settings.</p>}
      <fieldset className={styles.fields} disabled={!canEdit}>
        <legend className="visually-hidden">Review settings</legend>
        <label className={shared.checkbox}>
          <input type="checkbox" checked={values.enabled} onChange={(e) => set({ enabled: e.target.checked }, 'enabled')} />
          <span>
            Ask for a review when a project is completed
            <span className={shared.note}> (otherwise only when someone asks on the project)</span>
          </span>
        </label>
        <div className={styles.grid}>
          {NUMBERS.map((f) => (
            <TextField
              key={f.key}
              label={f.label}
              inputMode="numeric"
              value={values[f.key]}
              hint={f.hint}
              error={form.errors[f.key]}
              onChange={(e) => set({ [f.key]: e.target.value }, f.key)}
            />
          ))}
        </div>
        <Fieldset legend="Reminders (days after the first message)" error={form.errors.reminderDays}>
          <div className={styles.grid}>
            {(['First reminder', 'Second reminder'] as const).map((label, i) => (
              <TextField
                key={label}
                label={label}
                inputMode="numeric"
                value={values.reminders[i]}
                hint="1 to 30; empty: none."
                onChange={(e) => {
                  const reminders: Values['reminders'] = [...values.reminders];
                  reminders[i] = e.target.value;
                  set({ reminders }, 'reminderDays', 'expiryDays');
                }}
              />
            ))}
          </div>
        </Fieldset>
        <TextArea
          label="Message"
          rows={4}
          maxLength={1000}
          value={values.messageText}
          hint="10 to 1,000 characters. {customer}, {company} and {project} are replaced by the customer’s name, the company’s name and the project’s name."
          error={form.errors.messageText}
          onChange={(e) => set({ messageText: e.target.value }, 'messageText')}
        />
        <MessagePreview text={values.messageText} />
        <ProfileLinksFields
          links={values.links}
          errors={form.errors}
          canEdit={canEdit}
          onChange={(links) => set({ links }, 'profileLinks', ...linkPaths)}
        />
        <label className={shared.checkbox}>
          <input type="checkbox" checked={values.referralAsk} onChange={(e) => set({ referralAsk: e.target.checked }, 'referralAsk')} />
          <span>Offer 5-star customers the “refer a neighbour” form</span>
        </label>
      </fieldset>
      {settings.updatedAt && (
        <p className={shared.note}>
          Last changed {dateTimeLabel(settings.updatedAt)}
          {settings.updatedBy && ` by ${settings.updatedBy.name}`}.
        </p>
      )}
      {canEdit && (
        <>
          <FormMessages errors={form.general} success={saved} />
          <div className={shared.formActions}>
            <Button onClick={() => (setValues(toValues(settings)), form.reset(), setSaved(null))} disabled={!dirty || loading}>
              Reset
            </Button>
            <Button type="submit" variant="primary" loading={loading} disabled={!dirty}>
              Save review settings
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

/**
 * How customers are asked to rate a completed project: admins change it, managers see it. Saving sends only the
 * fields that changed.
 */
export function ReviewSettingsForm() {
  const { viewer } = useViewer();
  const { data, error, refetch } = useQuery(SettingsReviewSettingsQuery);
  return (
    <Section
      title="Reviews"
      description="When a completed project’s customer is asked for a review, what the request says, its reminders, and where happy customers are sent to post a review."
    >
      <Loaded
        data={data}
        error={error}
        onRetry={() => void refetch()}
        errorTitle="The review settings could not be loaded"
        loadingLabel="Loading the review settings…"
      >
        {(d) => (
          <Card>
            <ReviewSettingsFields
              settings={getFragmentData(ReviewSettingsFieldsFragment, d.reviewSettings)}
              canEdit={viewer?.role === 'ADMIN'}
            />
          </Card>
        )}
      </Loaded>
    </Section>
  );
}
