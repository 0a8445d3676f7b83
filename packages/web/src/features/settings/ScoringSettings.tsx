import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useViewer } from '../../app/auth';
import { getFragmentData, graphql } from '../../gql';
import type { LeadScoringWeightsInput } from '../../gql/graphql';
import { dateTimeLabel } from '../../lib/format';
import { splitUserErrors } from '../../lib/formErrors';
import { Button, Card, ErrorState, Spinner } from '../../ui';
import { UNREACHABLE } from './options';
import { FormMessages, Section } from './Section';
import shared from './settings.module.css';
import styles from './ScoringSettings.module.css';

const ScoringWeightsFragment = graphql(`
  fragment ScoringSettings_weights on LeadScoringWeights {
    sourceQuality
    projectValue
    urgency
    responsiveness
    completeness
    agingPenalty
    updatedAt
    updatedBy {
      id
      name
    }
  }
`);

const ScoringWeightsQuery = graphql(`
  query SettingsScoringWeights {
    leadScoringWeights { ...ScoringSettings_weights }
  }
`);

const UpdateScoringWeightsMutation = graphql(`
  mutation UpdateLeadScoringWeights($input: LeadScoringWeightsInput!) {
    updateLeadScoringWeights(input: $input) {
      weights { ...ScoringSettings_weights }
      rescoreJobId
      errors { field code message }
    }
  }
`);

type Factor = keyof LeadScoringWeightsInput;

/** The factors in the API's order, with what each weighs (from the SDL). */
export const FACTORS: ReadonlyArray<{ key: Factor; label: string; description: string; penalty?: boolean }> = [
  {
    key: 'sourceQuality',
    label: 'Source quality',
    description: 'Maximum points for the lead source: referral and partner leads score highest.',
  },
  {
    key: 'projectValue',
    label: 'Project value',
    description: 'Maximum points for the kind of work and the estimated value.',
  },
  {
    key: 'urgency',
    label: 'Urgency',
    description: 'Maximum points for urgency signals: urgent priority, storm damage, an active leak.',
  },
  {
    key: 'responsiveness',
    label: 'Responsiveness',
    description: 'Maximum points for recent two-way contact (interactions in the last 14 days).',
  },
  {
    key: 'completeness',
    label: 'Complete contact data',
    description: 'Maximum points for complete contact data: name, phone, e-mail and address.',
  },
  {
    key: 'agingPenalty',
    label: 'Aging penalty',
    description: 'Maximum points taken away from a lead left without contact; grows with the days since the last contact.',
    penalty: true,
  },
];
const KEYS = FACTORS.map((f) => f.key);

type Values = Record<Factor, string>;
const toValues = (w: Record<Factor, number>): Values =>
  Object.fromEntries(KEYS.map((k) => [k, String(w[k])])) as Values;
const problem = (value: string): string | null =>
  /^\d{1,3}$/.test(value.trim()) && Number(value) <= 100 ? null : 'Enter a whole number from 0 to 100.';

/**
 * The lead scoring weights: admins change them (each factor 0–100; saving rescores every open lead in a background
 * job), managers see them.
 */
export function ScoringSettings() {
  const { viewer } = useViewer();
  const canEdit = viewer?.role === 'ADMIN';
  const { data, error, refetch } = useQuery(ScoringWeightsQuery);
  const weights = getFragmentData(ScoringWeightsFragment, data?.leadScoringWeights);
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Factor, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [save, { loading }] = useMutation(UpdateScoringWeightsMutation, {
    update(cache, { data: result }) {
      const w = result?.updateLeadScoringWeights.weights;
      if (w) cache.writeQuery({ query: ScoringWeightsQuery, data: { leadScoringWeights: w } });
    },
  });

  useEffect(() => {
    if (weights && !values) setValues(toValues(weights));
  }, [weights, values]);

  if (error && !data) return <ErrorState title="The scoring weights could not be loaded" error={error} onRetry={() => void refetch()} />;
  if (!weights || !values) return <Spinner label="Loading the scoring weights…" />;

  const dirty = KEYS.some((k) => values[k].trim() !== String(weights[k]));
  const maxPoints = FACTORS.filter((f) => !f.penalty).reduce((sum, f) => sum + (Number(values[f.key]) || 0), 0);

  const set = (key: Factor, value: string) => {
    setValues((v) => ({ ...v!, [key]: value }));
    setErrors(({ [key]: _gone, ...rest }) => rest);
    setSaved(null);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral([]);
    setSaved(null);
    const invalid: Partial<Record<Factor, string>> = {};
    for (const k of KEYS) {
      const p = problem(values[k]);
      if (p) invalid[k] = p;
    }
    setErrors(invalid);
    if (Object.keys(invalid).length) return;
    const input = Object.fromEntries(KEYS.map((k) => [k, Number(values[k])])) as LeadScoringWeightsInput;
    try {
      const { data: result } = await save({ variables: { input } });
      const payload = result?.updateLeadScoringWeights;
      if (!payload) return;
      if (payload.errors.length || !payload.weights) {
        const split = splitUserErrors(payload.errors, KEYS);
        setErrors(split.byField);
        setGeneral(split.general.length || Object.keys(split.byField).length ? split.general : ['The weights were not saved.']);
        return;
      }
      setValues(toValues(getFragmentData(ScoringWeightsFragment, payload.weights)));
      setSaved(
        payload.rescoreJobId
          ? 'Saved. Every open lead is being rescored in the background; scores update in a minute or so.'
          : 'Saved.',
      );
    } catch {
      setGeneral([UNREACHABLE]);
    }
  };

  return (
    <Section
      title="Lead scoring"
      description="How much each factor can weigh, in points. A lead’s score is the sum of its factors, kept between 0 and 100."
    >
      <Card>
        <form className={shared.form} onSubmit={(e) => void submit(e)} noValidate>
          {!canEdit && <p className={shared.note}>Only admins can change the weights.</p>}
          <fieldset className={shared.weights} disabled={!canEdit}>
            <legend className="visually-hidden">Scoring weights</legend>
            {FACTORS.map((f) => {
              const id = `weight-${f.key}`;
              const err = errors[f.key];
              return (
                <div key={f.key} className={styles.weight}>
                  <div className={styles.weightText}>
                    <label htmlFor={id} className={styles.weightLabel}>
                      {f.label}
                    </label>
                    <span id={`${id}-desc`} className={shared.muted}>
                      {f.description}
                    </span>
                  </div>
                  <div className={styles.weightControls}>
                    <input
                      type="range"
                      min={0}
                      max={100}
                      step={1}
                      value={Number(values[f.key]) || 0}
                      aria-label={`${f.label} (slider)`}
                      aria-describedby={`${id}-desc`}
                      onChange={(e) => set(f.key, e.target.value)}
                      className={shared.slider}
                    />
                    <div className={styles.weightNumber}>
                      <span aria-hidden="true" className={f.penalty ? undefined : styles.invisible}>
                        −
                      </span>
                      <input
                        id={id}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={100}
                        step={1}
                        value={values[f.key]}
                        aria-invalid={Boolean(err)}
                        aria-describedby={[`${id}-desc`, err && `${id}-error`].filter(Boolean).join(' ')}
                        onChange={(e) => set(f.key, e.target.value)}
                        className={shared.number}
                      />
                      <span className={shared.muted}>pts</span>
                    </div>
                  </div>
                  {err && (
                    <span id={`${id}-error`} className={styles.fieldError}>
                      {err}
                    </span>
                  )}
                </div>
              );
            })}
          </fieldset>
          <p className={shared.note}>
            With these weights a lead can reach {maxPoints} points before the 0–100 limit.
            {weights.updatedAt && (
              <>
                {' '}
                Last changed {dateTimeLabel(weights.updatedAt)}
                {weights.updatedBy && ` by ${weights.updatedBy.name}`}.
              </>
            )}
          </p>
          {canEdit && (
            <>
              <p className={shared.note}>
                Saving rescores every open lead in a background job (its runs are under{' '}
                <Link to="/settings/jobs">Jobs</Link>).
              </p>
              <FormMessages errors={general} success={saved} />
              <div className={shared.formActions}>
                <Button onClick={() => (setValues(toValues(weights)), setErrors({}))} disabled={!dirty || loading}>
                  Reset
                </Button>
                <Button type="submit" variant="primary" loading={loading} disabled={!dirty}>
                  Save weights
                </Button>
              </div>
            </>
          )}
        </form>
      </Card>
    </Section>
  );
}
