import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useId, useState } from 'react';
import { useViewer } from '../../app/auth';
import { isOffice } from '../../app/nav';
import { graphql } from '../../gql';
import type { InteractionDirection, InteractionType, LogInteractionInput } from '../../gql/graphql';
import { fromLocalInput, toLocalInput } from '../../lib/dateInputs';
import { enumLabel } from '../../lib/format';
import { splitUserErrors, type SplitErrors } from '../../lib/userErrors';
import { Button, Dialog, Select, Spinner, TextArea, TextField } from '../../ui';
import { CustomerPicker, type PickedCustomer } from '../customers/CustomerPicker';
import { refreshInteractionLists } from './refreshInteractionLists';
import { failureMessage } from '../projects/failure';
import {
  CHOSEN_DIRECTIONS,
  directionHint,
  directionLabel,
  INTERACTION_TYPES,
  OUTCOME_SUGGESTIONS,
  typeAction,
  typeLabel,
  typeTitle,
} from './interactionTypes';
import { TypeIcon } from './TypeIcon';
import styles from './interactions.module.css';

const LogInteractionProjectQuery = graphql(`
  query LogInteractionProject($id: ID!) {
    project(id: $id) {
      id
      name
      customer {
        id
        name
      }
    }
  }
`);

const LogInteractionLeadQuery = graphql(`
  query LogInteractionLead($id: ID!) {
    lead(id: $id) {
      id
      contactName
      status
      customer {
        id
        name
      }
    }
  }
`);

const LogInteractionCustomerQuery = graphql(`
  query LogInteractionCustomer($id: ID!) {
    customer(id: $id) {
      id
      name
      projects {
        id
        name
        status
      }
      leads {
        id
        contactName
        status
        projectType
      }
    }
  }
`);

/** Field techs log on one of their projects: the ones they are on (the server returns only those). */
const LogInteractionMyProjectsQuery = graphql(`
  query LogInteractionMyProjects {
    projects(first: 100, orderBy: { field: UPDATED_AT, direction: DESC }) {
      edges {
        node {
          id
          name
          status
          customer {
            id
            name
          }
        }
      }
    }
  }
`);

const LogInteractionMutation = graphql(`
  mutation LogInteraction($input: LogInteractionInput!) {
    logInteraction(input: $input) {
      interaction {
        id
        ...InteractionEntry_interaction
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

export interface LogInteractionDialogProps {
  /** The customer it was with; when omitted it comes from the project or lead, or the user picks it. */
  customerId?: string;
  /** The project it was about (field techs must log on one of their projects). */
  projectId?: string;
  /** The lead it was about (the lead must have a customer). */
  leadId?: string;
  /** The kind preselected (e.g. from a "Log a visit" button); a call when omitted. */
  defaultType?: InteractionType;
  onClose: () => void;
  /** Called once the server has logged it, before the dialog closes. */
  onLogged?: () => void;
}

/** Input paths a `UserError` may point at that this form shows next to a field. */
const SHOWN_FIELDS = [
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

const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

/** Copies `input` without blank strings: the server treats omitted fields as "not given". */
const given = (value: string) => (value.trim() ? value.trim() : undefined);

/**
 * Logs a call, visit, e-mail, text or note with a customer, optionally about a project or lead. Links passed in are
 * fixed; missing ones are chosen in the form (office roles search customers, field techs pick one of their projects).
 * Server refusals appear next to their field.
 */
export function LogInteractionDialog({
  customerId,
  projectId,
  leadId,
  defaultType = 'CALL',
  onClose,
  onLogged,
}: LogInteractionDialogProps) {
  const client = useApolloClient();
  const { viewer } = useViewer();
  // Unknown role (still loading): behave as the office; the server has the last word either way.
  const fieldTech = viewer?.role !== undefined && !isOffice(viewer.role);
  const ids = { outcomes: useId(), channels: useId() };

  const [type, setType] = useState<InteractionType>(defaultType);
  const [direction, setDirection] = useState<InteractionDirection>('OUTBOUND');
  const [subject, setSubject] = useState('');
  const [outcome, setOutcome] = useState('');
  const [notes, setNotes] = useState('');
  const [channel, setChannel] = useState('');
  const [openedAt] = useState(() => toLocalInput(new Date()));
  const [when, setWhen] = useState(openedAt);
  const [picked, setPicked] = useState<PickedCustomer | null>(null);
  const [chosenProjectId, setChosenProjectId] = useState('');
  const [chosenLeadId, setChosenLeadId] = useState('');
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);

  const projectQ = useQuery(LogInteractionProjectQuery, { variables: { id: projectId ?? '' }, skip: !projectId });
  const leadQ = useQuery(LogInteractionLeadQuery, { variables: { id: leadId ?? '' }, skip: !leadId });
  const myProjectsQ = useQuery(LogInteractionMyProjectsQuery, { skip: !fieldTech || Boolean(customerId || projectId || leadId) });
  const myProjects = myProjectsQ.data?.projects.edges.map((e) => e.node) ?? [];
  const chosenMine = myProjects.find((p) => p.id === chosenProjectId);

  const fixedProject = projectId ? projectQ.data?.project : undefined;
  const fixedLead = leadId ? leadQ.data?.lead : undefined;
  const customerFromLinks = fixedProject?.customer ?? fixedLead?.customer ?? chosenMine?.customer ?? null;
  const effectiveCustomerId = customerId ?? customerFromLinks?.id ?? picked?.id ?? null;
  const customerQ = useQuery(LogInteractionCustomerQuery, {
    variables: { id: effectiveCustomerId ?? '' },
    skip: !effectiveCustomerId,
  });
  const customer = customerQ.data?.customer ?? null;
  const customerName = customer?.name ?? customerFromLinks?.name ?? picked?.name ?? null;

  const effectiveProjectId = projectId ?? (chosenProjectId || null);
  const effectiveLeadId = leadId ?? (chosenLeadId || null);

  // What stops the form before the server is asked.
  const linksLoading =
    (projectId !== undefined && projectQ.loading) ||
    (leadId !== undefined && leadQ.loading) ||
    (customerId !== undefined && customerQ.loading);
  let blocker: string | null = null;
  const loadError = projectQ.error ?? leadQ.error ?? (customerId ? customerQ.error : undefined);
  if (loadError) blocker = `What this is about could not be loaded: ${loadError.message}`;
  else if (projectId && !projectQ.loading && !fixedProject) blocker = 'This project could not be found.';
  else if (projectId && fixedProject && !fixedProject.customer && !customerId) {
    blocker = 'This project has no customer on record, so nothing can be logged on it.';
  }
  else if (leadId && !leadQ.loading && fixedLead === null) blocker = 'This lead could not be found.';
  else if (leadId && fixedLead && !fixedLead.customer && !customerId) {
    blocker = 'This lead has no customer yet, so the log cannot hold it: convert the lead or add its customer first.';
  } else if (customerId && !customerQ.loading && !customer) {
    blocker = 'This customer could not be found.';
  }

  const projectOptions =
    fieldTech && !customerId && !projectId && !leadId
      ? myProjects.map((p) => ({ value: p.id, label: `${p.name} · ${p.customer?.name ?? '—'}` }))
      : (customer?.projects ?? []).map((p) => ({ value: p.id, label: `${p.name} (${enumLabel(p.status)})` }));
  const leadOptions = (customer?.leads ?? []).map((l) => ({
    value: l.id,
    label: [l.projectType && enumLabel(l.projectType), enumLabel(l.status), l.contactName].filter(Boolean).join(' · '),
  }));

  const [log, { loading: busy }] = useMutation(LogInteractionMutation);

  const submit = async () => {
    if (!effectiveCustomerId) {
      setErrors({
        byField: fieldTech ? { projectId: 'Choose the project it was about.' } : { customerId: 'Choose the customer.' },
        general: [],
      });
      return;
    }
    if (fieldTech && !effectiveProjectId) {
      setErrors({ byField: { projectId: 'Choose the project it was about.' }, general: [] });
      return;
    }
    const input: LogInteractionInput = { customerId: effectiveCustomerId, type };
    if (effectiveProjectId) input.projectId = effectiveProjectId;
    if (effectiveLeadId) input.leadId = effectiveLeadId;
    if (type !== 'NOTE') input.direction = direction;
    const text = { subject: given(subject), notes: given(notes) };
    if (text.subject) input.subject = text.subject;
    if (text.notes) input.notes = text.notes;
    if (type !== 'NOTE') {
      const o = given(outcome);
      const c = given(channel);
      if (o) input.outcome = o;
      if (c) input.channel = c;
    }
    // Untouched "When" means now: let the server stamp it (its clock, not the phone's).
    if (when !== openedAt) {
      const occurredAt = fromLocalInput(when);
      if (!occurredAt) {
        setErrors({ byField: { occurredAt: 'Enter a date and time.' }, general: [] });
        return;
      }
      input.occurredAt = occurredAt;
    }
    setErrors(NO_ERRORS);
    try {
      const { data } = await log({ variables: { input } });
      const result = data?.logInteraction;
      if (!result) throw new Error('No answer');
      if (result.errors.length || !result.interaction) {
        setErrors(splitUserErrors(result.errors, SHOWN_FIELDS));
        return;
      }
      refreshInteractionLists(client, { customerId: effectiveCustomerId, projectId: effectiveProjectId });
      onLogged?.();
      onClose();
    } catch (e) {
      setErrors({ byField: {}, general: [failureMessage(e, 'Nothing was logged.')] });
    }
  };

  const fieldError = (f: (typeof SHOWN_FIELDS)[number]) => errors.byField[f] ?? null;
  const chooseProject = fieldTech || projectOptions.length > 0;

  return (
    <Dialog
      title={typeTitle(type)}
      size="md"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void submit()}
      actions={
        <>
          <Button onClick={onClose} disabled={busy} className={styles.touch}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={busy} disabled={Boolean(blocker) || linksLoading} className={styles.touch}>
            {typeAction(type)}
          </Button>
        </>
      }
    >
      <div className={styles.form}>
        {errors.general.length > 0 && (
          <div className={styles.formAlert} role="alert">
            {errors.general.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}

        <section className={styles.about} aria-label="What it was about">
          {linksLoading && <Spinner inline />}
          {blocker && (
            <p className={styles.fieldError} role="alert">
              {blocker}
            </p>
          )}
          {customerId || customerFromLinks ? (
            <p className={styles.aboutLine}>
              <span className={styles.pickedLabel}>Customer</span> <strong>{customerName ?? '…'}</strong>
              {fieldError('customerId') && <span className={styles.fieldError}>{fieldError('customerId')}</span>}
            </p>
          ) : fieldTech ? null : (
            <CustomerPicker
              label="Customer"
              required
              placeholder="Name, phone, e-mail or street"
              value={picked}
              onChange={(c) => {
                setPicked(c);
                setChosenProjectId('');
                setChosenLeadId('');
              }}
              error={fieldError('customerId')}
            />
          )}
          {projectId ? (
            <p className={styles.aboutLine}>
              <span className={styles.pickedLabel}>Project</span> <strong>{fixedProject?.name ?? '…'}</strong>
              {fieldError('projectId') && <span className={styles.fieldError}>{fieldError('projectId')}</span>}
            </p>
          ) : (
            chooseProject && (
              <Select
                label={fieldTech ? 'Project' : 'Project (optional)'}
                placeholder={fieldTech ? 'Choose one of your projects…' : 'Not about a project'}
                options={projectOptions}
                value={chosenProjectId}
                onChange={(e) => setChosenProjectId(e.target.value)}
                error={fieldError('projectId')}
                hint={fieldTech && projectOptions.length === 0 && !myProjectsQ.loading ? 'You are on no projects yet.' : undefined}
              />
            )
          )}
          {leadId ? (
            <p className={styles.aboutLine}>
              <span className={styles.pickedLabel}>Lead</span>{' '}
              <strong>
                {fixedLead ? [fixedLead.contactName, enumLabel(fixedLead.status)].filter(Boolean).join(' · ') : '…'}
              </strong>
              {fieldError('leadId') && <span className={styles.fieldError}>{fieldError('leadId')}</span>}
            </p>
          ) : (
            !fieldTech &&
            leadOptions.length > 0 && (
              <Select
                label="Lead (optional)"
                placeholder="Not about a lead"
                options={leadOptions}
                value={chosenLeadId}
                onChange={(e) => setChosenLeadId(e.target.value)}
                error={fieldError('leadId')}
              />
            )
          )}
        </section>

        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Kind</legend>
          <div className={styles.typeGrid}>
            {INTERACTION_TYPES.map((t) => (
              <label key={t} className={styles.typeTile}>
                <input
                  type="radio"
                  name="type"
                  value={t}
                  checked={type === t}
                  onChange={() => setType(t)}
                  className="visually-hidden"
                />
                <TypeIcon type={t} size={22} />
                <span>{typeLabel(t)}</span>
              </label>
            ))}
          </div>
          {fieldError('type') && <span className={styles.fieldError}>{fieldError('type')}</span>}
        </fieldset>

        {type !== 'NOTE' && (
          <fieldset className={styles.fieldset}>
            <legend className={styles.legend}>Direction</legend>
            <div className={styles.directionGrid}>
              {CHOSEN_DIRECTIONS.map((d) => (
                <label key={d} className={styles.typeTile}>
                  <input
                    type="radio"
                    name="direction"
                    value={d}
                    checked={direction === d}
                    onChange={() => setDirection(d)}
                    className="visually-hidden"
                  />
                  <span>
                    <strong>{directionLabel(d)}</strong>
                    <span className={styles.tileHint}>{directionHint(d)}</span>
                  </span>
                </label>
              ))}
            </div>
            {fieldError('direction') && <span className={styles.fieldError}>{fieldError('direction')}</span>}
          </fieldset>
        )}


        <TextField
          label="Summary"
          name="subject"
          maxLength={200}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          placeholder={type === 'NOTE' ? 'e.g. Gate code changed' : 'e.g. Discussed shingle colours'}
          error={fieldError('subject')}
        />
        {type !== 'NOTE' && (
          <>
            <TextField
              label="Outcome"
              name="outcome"
              maxLength={100}
              list={ids.outcomes}
              value={outcome}
              onChange={(e) => setOutcome(e.target.value)}
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
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
          hint="A summary or notes is required."
          error={fieldError('notes')}
        />
        <div className={styles.row2}>
          <TextField
            label="When"
            name="occurredAt"
            type="datetime-local"
            value={when}
            max={toLocalInput(new Date(Date.now() + 60_000))}
            onChange={(e) => setWhen(e.target.value)}
            error={fieldError('occurredAt')}
          />
          {type !== 'NOTE' && (
            <>
              <TextField
                label="Channel (optional)"
                name="channel"
                maxLength={50}
                list={ids.channels}
                value={channel}
                onChange={(e) => setChannel(e.target.value)}
                placeholder="e.g. mobile"
                error={fieldError('channel')}
              />
              <datalist id={ids.channels}>
                {['mobile', 'office phone', 'gmail', 'portal', 'in person'].map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>
          )}
        </div>
      </div>
    </Dialog>
  );
}
