import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import type { MergeCandidatesQuery, MergeCustomerFieldsInput, MergeSide } from '../../gql/graphql';
import { addressLines, phoneLabel } from '../../lib/format';
import { ErrorState, FormDialog, Spinner } from '../../ui';
import { typeLabel } from '../customers/customerFormat';
import { MergeCandidatesQuery as CandidatesQuery, MergeCustomersMutation } from './duplicateDocuments';
import { movesLabel } from './duplicateFormat';
import styles from './duplicates.module.css';

type Candidate = NonNullable<MergeCandidatesQuery['a']>;
type Field = keyof MergeCustomerFieldsInput;

/** The fields a merge chooses, how each shows, and whether a customer has no value there. */
const FIELDS: Array<{ field: Field; label: string; show: (c: Candidate) => string; blank: (c: Candidate) => boolean }> = [
  { field: 'name', label: 'Name', show: (c) => c.name, blank: () => false },
  { field: 'email', label: 'E-mail', show: (c) => c.email ?? '—', blank: (c) => !c.email },
  { field: 'phone', label: 'Phone', show: (c) => (c.phone ? phoneLabel(c.phone) : '—'), blank: (c) => !c.phone },
  { field: 'address', label: 'Address', show: (c) => addressLines(c.address).join(', ') || '—', blank: (c) => !addressLines(c.address).length },
  { field: 'customerType', label: 'Type', show: (c) => typeLabel(c.customerType), blank: () => false },
  { field: 'segment', label: 'Segment', show: (c) => c.segment ?? '—', blank: (c) => !c.segment },
  { field: 'emailOptIn', label: 'E-mail opt-in', show: (c) => (c.emailOptIn ? 'Yes' : 'No'), blank: () => false },
  { field: 'smsOptIn', label: 'SMS opt-in', show: (c) => (c.smsOptIn ? 'Yes' : 'No'), blank: () => false },
];

/** The server's default for each field: the survivor's value, or the merged customer's where the survivor has none. */
const defaults = (survivor: Candidate, merged: Candidate): Record<Field, MergeSide> =>
  Object.fromEntries(FIELDS.map((f) => [f.field, f.blank(survivor) && !f.blank(merged) ? 'MERGED' : 'SURVIVOR'])) as Record<Field, MergeSide>;

export interface MergeCustomersDialogProps {
  /** The two customers, the suggested survivor first. */
  customerIds: readonly [string, string];
  onClose: () => void;
  /** After the merge, with the surviving customer's ID. */
  onMerged: (survivorId: string) => void;
}

/**
 * Merges two customers: which one stays, the surviving value of each field, what would move (a dry run, asked again
 * whenever a choice changes), then the merge itself.
 */
export function MergeCustomersDialog({ customerIds, onClose, onMerged }: MergeCustomersDialogProps) {
  const { data, error, refetch } = useQuery(CandidatesQuery, { variables: { a: customerIds[0], b: customerIds[1] }, fetchPolicy: 'network-only' });
  const [keep, setKeep] = useState<0 | 1>(0);
  const [choices, setChoices] = useState<Record<Field, MergeSide> | null>(null);
  const [preview, previewing] = useMutation(MergeCustomersMutation);
  const [merge, merging] = useMutation(MergeCustomersMutation);
  const [problems, setProblems] = useState<string[]>([]);
  const candidates = useMemo(() => (data?.a && data.b ? ([data.a, data.b] as const) : null), [data]);
  const survivor = candidates?.[keep] ?? null;
  const merged = candidates?.[keep === 0 ? 1 : 0] ?? null;

  useEffect(() => {
    if (survivor && merged) setChoices(defaults(survivor, merged));
  }, [survivor, merged]);

  const input = survivor && merged && choices ? { survivorId: survivor.id, mergedId: merged.id, fields: choices } : null;
  const inputKey = JSON.stringify(input);
  useEffect(() => {
    if (!input) return;
    void preview({ variables: { input: { ...input, dryRun: true } } }).catch(() => undefined);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [inputKey, preview]);
  const dry = previewing.data?.mergeCustomers;

  const submit = async () => {
    if (!input) return;
    setProblems([]);
    const r = await merge({ variables: { input: { ...input, dryRun: false } }, refetchQueries: 'active' }).catch(() => null);
    const payload = r?.data?.mergeCustomers;
    if (payload?.survivor && !payload.errors.length) onMerged(payload.survivor.id);
    else setProblems(payload?.errors.map((e) => e.message) ?? ['The customers were not merged. Try again.']);
  };

  const refused = dry?.errors.map((e) => e.message) ?? [];
  return (
    <FormDialog
      title="Merge customers"
      size="lg"
      onClose={onClose}
      busy={merging.loading}
      onSubmit={submit}
      submitVariant="danger"
      submitDisabled={!dry || refused.length > 0 || previewing.loading}
      submitLabel={survivor ? `Merge into ${survivor.name}` : 'Merge'}
    >
      {!candidates && (error ? <ErrorState title="The customers could not be loaded" error={error} onRetry={() => void refetch()} /> : data ? <p className={styles.error}>One of the customers no longer exists or you may not see it.</p> : <Spinner label="Loading the customers…" />)}
      {candidates && survivor && merged && choices && (
        <div className={styles.merge}>
          <fieldset className={styles.survivor}>
            <legend>Which customer stays</legend>
            {candidates.map((c, i) => (
              <label key={c.id} className={styles.choice}>
                <input type="radio" name="survivor" checked={keep === i} onChange={() => setKeep(i as 0 | 1)} />
                <span>
                  <strong>{c.name}</strong>
                  <br />
                  <span className={styles.muted}>
                    {c.owningTeam ? `Team ${c.owningTeam.name} · ` : ''}since {new Date(c.createdAt).toLocaleDateString()}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          <table className={styles.fieldTable}>
            <caption className="visually-hidden">The value each field keeps</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">{survivor.name} (stays)</th>
                <th scope="col">{merged.name} (merged)</th>
              </tr>
            </thead>
            <tbody>
              {FIELDS.map((f) => (
                <tr key={f.field}>
                  <th scope="row">{f.label}</th>
                  {(['SURVIVOR', 'MERGED'] as const).map((side) => {
                    const from = side === 'SURVIVOR' ? survivor : merged;
                    return (
                      <td key={side}>
                        <label className={styles.choice}>
                          <input
                            type="radio"
                            name={`field-${f.field}`}
                            aria-label={`${f.label}: ${f.show(from)} (${side === 'SURVIVOR' ? 'stays' : 'merged'})`}
                            checked={choices[f.field] === side}
                            onChange={() => setChoices((c) => (c ? { ...c, [f.field]: side } : c))}
                          />
                          <span>{f.show(from)}</span>
                        </label>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          <div className={styles.summary} role="status" aria-live="polite">
            {!dry && <p>Checking what would move…</p>}
            {dry && refused.length > 0 && refused.map((m) => <p key={m} className={styles.error}>{m}</p>)}
            {dry?.moves && !refused.length && (
              <>
                <p>
                  <strong>Moves to {survivor.name}:</strong> {movesLabel(dry.moves)}.
                  {dry.moves.partnerReferrals > 0 && ` ${dry.moves.partnerReferrals} of the leads came from a partner; the partner stays linked.`}
                </p>
                <p>
                  {merged.name} is then deleted and points to {survivor.name}; the timeline of {survivor.name} shows both histories.
                </p>
              </>
            )}
          </div>
          {problems.map((m) => (
            <p key={m} role="alert" className={styles.error}>
              {m}
            </p>
          ))}
        </div>
      )}
    </FormDialog>
  );
}
