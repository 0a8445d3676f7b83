import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { getFragmentData } from '../../gql';
import type { ProjectDetail_ProjectFragment, ProjectStatus, UpdateProjectInput } from '../../gql/graphql';
import { money } from '../../lib/format';
import { failureMessage, splitUserErrors, type SplitErrors } from '../../lib/formErrors';
import { Button, Card, Fieldset, RadioTile, TextArea, TextField } from '../../ui';
import { refreshInteractionLists } from '../interactions/refreshInteractionLists';
import { nextStatuses, statusLabel } from './projectFormat';
import { LogProgressNoteMutation, ProjectDetailFragment, UpdateProjectMutation } from './projectDetailQuery';
import { MONEY_HINT, parseMoney } from './money';
import { refreshHistory } from './refreshHistory';
import shared from './projects.module.css';
import styles from './ProgressForm.module.css';

/** The fields a field tech may report (the server refuses the others: `FIELD_TECH_PROJECT_FIELDS`). */
const SHOWN_FIELDS = ['status', 'completionPercentage', 'actualCost', 'notes'] as const;
const NO_ERRORS: SplitErrors = { byField: {}, general: [] };
const QUICK = [0, 25, 50, 75, 100];

interface Draft {
  status?: ProjectStatus;
  completionPercentage?: number;
  actualCost?: string;
}

const moneyInput = (text: string) => text.trim().replace(/[$,\s]/g, '');

/**
 * "Update progress" for the crew: status (the next allowed stages; cancelling is left to the office), completion and
 * cost so far, plus an optional note that goes to the project's log. Values follow live changes by others until the
 * user edits them; only changed fields are sent.
 */
export function ProgressForm({ project }: { project: ProjectDetail_ProjectFragment }) {
  const client = useApolloClient();
  const [draft, setDraft] = useState<Draft>({});
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [update] = useMutation(UpdateProjectMutation);
  const [logNote] = useMutation(LogProgressNoteMutation);

  const status = draft.status ?? project.status;
  const completion = draft.completionPercentage ?? project.completionPercentage;
  const cost = draft.actualCost ?? project.actualCost;
  const final = project.status === 'COMPLETED' || project.status === 'CANCELLED';
  const statusChoices = [project.status, ...nextStatuses(project.status).filter((s) => s !== 'CANCELLED')];

  const edit = (patch: Draft) => {
    setDraft((d) => ({ ...d, ...patch }));
    setResult(null);
  };

  const submit = async () => {
    const input: UpdateProjectInput = { id: project.id };
    if (status !== project.status) input.status = status;
    if (completion !== project.completionPercentage) input.completionPercentage = completion;
    if (draft.actualCost !== undefined && moneyInput(draft.actualCost) !== moneyInput(project.actualCost)) {
      const amount = parseMoney(draft.actualCost);
      if (amount === null) {
        setErrors({ byField: { actualCost: MONEY_HINT }, general: [] });
        setResult(null);
        return;
      }
      input.actualCost = amount;
    }
    const noteText = note.trim();
    const changes = Object.keys(input).length > 1;
    if (!changes && !noteText) {
      setErrors(NO_ERRORS);
      setResult('Nothing changed.');
      return;
    }
    setBusy(true);
    setErrors(NO_ERRORS);
    setResult(null);
    try {
      let saved = project;
      if (changes) {
        const { data } = await update({ variables: { input } });
        const payload = data?.updateProject;
        if (!payload) throw new Error('No answer');
        if (payload.errors.length || !payload.project) {
          setErrors(splitUserErrors(payload.errors, SHOWN_FIELDS));
          return;
        }
        setDraft({});
        saved = getFragmentData(ProjectDetailFragment, payload.project);
        refreshHistory(client);
      }
      let noteSaved = false;
      if (noteText) {
        if (!project.customer) {
          setErrors({ byField: { notes: 'This project has no customer, so the note cannot be logged.' }, general: [] });
          return;
        }
        const { data } = await logNote({
          variables: {
            input: {
              customerId: project.customer.id,
              projectId: project.id,
              type: 'NOTE',
              subject: `Progress update: ${saved.completionPercentage}% complete`,
              notes: noteText,
            },
          },
        });
        const payload = data?.logInteraction;
        if (!payload) throw new Error('No answer');
        if (payload.errors.length) {
          const split = splitUserErrors(
            payload.errors.map((e) => ({ ...e, field: e.field?.[0] === 'subject' ? ['notes'] : e.field })),
            ['notes'],
          );
          setErrors(split);
          if (changes) setResult('Progress saved, but the note was not logged.');
          return;
        }
        noteSaved = true;
        setNote('');
        refreshInteractionLists(client, { customerId: project.customer.id, projectId: project.id });
      }
      const parts = changes
        ? [`${statusLabel(saved.status)}`, `${saved.completionPercentage}% complete`, `cost so far ${money(saved.actualCost)}`]
        : [];
      if (noteSaved) parts.push('note added to the log');
      setResult(`Saved: ${parts.join(', ')}.`);
    } catch (e) {
      setErrors({ byField: {}, general: [failureMessage(e, 'Nothing more was saved.')] });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (f: (typeof SHOWN_FIELDS)[number]) => errors.byField[f] ?? null;

  return (
    <Card title="Update progress" className={styles.progressCard}>
      <form
        className={shared.progressForm}
        noValidate
        aria-label="Update progress"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {errors.general.length > 0 && (
          <div className={shared.inlineError} role="alert">
            {errors.general.join(' ')}
          </div>
        )}
        {final ? (
          <p className={shared.muted}>
            This project is {statusLabel(project.status).toLowerCase()}; its status no longer changes.
          </p>
        ) : (
          <Fieldset legend="Status" error={fieldError('status')}>
            <div className={styles.statusTiles}>
              {statusChoices.map((s) => (
                <RadioTile key={s} name="status" value={s} checked={status === s} onChoose={() => edit({ status: s })} className={styles.statusTile}>
                  {s === project.status ? `${statusLabel(s)} (now)` : statusLabel(s)}
                </RadioTile>
              ))}
            </div>
            {status === 'COMPLETED' && status !== project.status && (
              <span className={shared.muted}>Completing sets progress to 100%.</span>
            )}
          </Fieldset>
        )}

        <Fieldset legend="Completion" error={fieldError('completionPercentage')}>
          <div className={styles.percentRow}>
            {/* Whole percents (the API's): a step of 5 made the browser snap 66% to 65%; the quick buttons give 25% steps. */}
            <input
              type="range"
              min={0}
              max={100}
              step={1}
              value={completion}
              className={styles.range}
              aria-label="Completion percentage"
              aria-invalid={Boolean(fieldError('completionPercentage'))}
              onChange={(e) => edit({ completionPercentage: Number(e.target.value) })}
            />
            <span className={styles.percentValue} aria-hidden="true">
              {completion}%
            </span>
          </div>
          <div className={styles.quick}>
            {QUICK.map((q) => (
              <Button
                key={q}
                size="sm"
                variant={q === completion ? 'primary' : 'secondary'}
                aria-pressed={q === completion}
                onClick={() => edit({ completionPercentage: q })}
              >
                {q}%
              </Button>
            ))}
          </div>
        </Fieldset>

        <TextField
          label="Cost so far (USD)"
          name="actualCost"
          inputMode="decimal"
          autoComplete="off"
          value={cost}
          onChange={(e) => edit({ actualCost: e.target.value })}
          hint={project.budget ? `Budget ${money(project.budget)}` : 'No budget set'}
          error={fieldError('actualCost')}
        />
        <TextArea
          label="Note for the log (optional)"
          name="notes"
          rows={3}
          maxLength={10_000}
          value={note}
          placeholder="e.g. Tear-off done, decking replaced on the north side"
          onChange={(e) => {
            setNote(e.target.value);
            setResult(null);
          }}
          error={fieldError('notes')}
        />
        <div className={styles.formActions}>
          <Button type="submit" variant="primary" loading={busy}>
            Save progress
          </Button>
          {(Object.keys(draft).length > 0 || note) && (
            <Button
              disabled={busy}
              onClick={() => {
                setDraft({});
                setNote('');
                setErrors(NO_ERRORS);
              }}
            >
              Reset
            </Button>
          )}
        </div>
        <p className={result ? styles.notice : 'visually-hidden'} role="status">
          {result}
        </p>
      </form>
    </Card>
  );
}
