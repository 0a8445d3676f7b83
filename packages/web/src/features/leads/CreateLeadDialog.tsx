import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useViewer } from '../../app/auth';
import { getFragmentData, graphql } from '../../gql';
import type { LeadCard_LeadFragment } from '../../gql/graphql';
import { enumLabel, money } from '../../lib/format';
import { useViewerTeams } from '../../lib/viewerTeams';
import { Button, ButtonLink, Dialog, FormAlert, FormDialog } from '../../ui';
import { LeadCardFragment, leadName } from './LeadCard';
import { emptyLeadForm, toCreateInput, validateLeadForm } from './leadForm';
import { LeadFormFields } from './LeadFormFields';
import { DuplicateWarning } from '../duplicates/DuplicateWarning';
import { ScoreBadge } from './ScoreBadge';
import { ScoreFactorList } from './ScoreFactorList';
import { useAssignableUsers } from './useAssignableUsers';
import { useLeadFormState } from './useLeadFormState';
import styles from './leadForms.module.css';

const CreateLeadMutation = graphql(`
  mutation CreateLead($input: CreateLeadInput!) {
    createLead(input: $input) {
      lead { id ...LeadCard_lead }
      errors { field code message }
    }
  }
`);

export const LeadFormCustomerQuery = graphql(`
  query LeadFormCustomer($id: ID!) {
    customer(id: $id) { ...CustomerPicker_customer @unmask }
  }
`);

export interface CreateLeadDialogProps {
  onClose: () => void;
  /** Preselects this customer (the page was opened with `?customerId=`). */
  customerId?: string | null;
}

/**
 * A new lead. The server assigns it (the team's strategy) and scores it in the same transaction; the dialog then
 * shows the score with its reasons and who got it, with a link to the lead. Lists refetch (as the live
 * `leadCreated` event would make them).
 */
export function CreateLeadDialog({ onClose, customerId }: CreateLeadDialogProps) {
  const { viewer } = useViewer();
  const client = useApolloClient();
  const picksTeam = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  const { teams } = useViewerTeams(picksTeam ? viewer : null);
  const { users: assignable } = useAssignableUsers(viewer);
  // Sales may keep a lead they bring in; admins and managers may hand it to anyone they could assign it to.
  const assigneeOptions =
    viewer?.role === 'SALES'
      ? [{ value: viewer.id, label: `Me (${viewer.name})` }]
      : assignable.map((u) => ({ value: u.id, label: u.id === viewer?.id ? `Me (${u.name})` : u.name }));
  const { values, setValues, onChange, form, errors } = useLeadFormState(emptyLeadForm, { focus: true });
  const [created, setCreated] = useState<LeadCard_LeadFragment | null>(null);
  const [create, { loading }] = useMutation(CreateLeadMutation);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const preselect = useQuery(LeadFormCustomerQuery, { variables: { id: customerId ?? '' }, skip: !customerId });
  const preselected = preselect.data?.customer;
  useEffect(() => {
    if (!preselected) return;
    const a = preselected.address;
    setValues((v) => ({
      ...v,
      customer: preselected,
      ...(!v.street && !v.city && !v.state && !v.zip
        ? { street: a.street ?? '', city: a.city ?? '', state: a.state ?? '', zip: a.zip ?? '' }
        : {}),
    }));
  }, [preselected]);
  const preselectMissing =
    customerId && !preselect.loading && preselect.data && !preselect.data.customer
      ? 'That customer was not found (or you may not see it). Choose another or leave it empty.'
      : null;

  useEffect(() => {
    if (created) resultRef.current?.focus();
  }, [created]);

  // Managers of one team need no choice; managers of several and admins choose (empty: the default).
  const teamOptions =
    picksTeam && (viewer?.role === 'ADMIN' || teams.length > 1) ? teams.map((t) => ({ value: t.id, label: t.name })) : undefined;

  const submit = async () => {
    if (form.check(validateLeadForm(values))) return;
    const payload = await form.save(async () => (await create({ variables: { input: toCreateInput(values) } })).data?.createLead, {
      ok: (p) => p.lead,
      nothing: 'The lead was not created.',
      unreachable: 'The server could not be reached. Check your connection and try again.',
    });
    if (!payload?.lead) return;
    setCreated(getFragmentData(LeadCardFragment, payload.lead));
    // Every list of leads (board columns, table pages) refetches in place, with the new lead where it belongs.
    void client
      .refetchQueries({
        updateCache: (cache) => cache.modify({ fields: { leads: (_value, { INVALIDATE }) => INVALIDATE } }),
      })
      .catch(() => undefined);
  };

  if (created) {
    return (
      <Dialog
        title="Lead created"
        size="md"
        onClose={onClose}
        actions={
          <>
            <Button
              onClick={() => {
                setCreated(null);
                setValues(emptyLeadForm());
              }}
            >
              Create another
            </Button>
            <Button onClick={onClose}>Done</Button>
            <ButtonLink variant="primary" to={`/leads/${created.id}`}>
              Open lead
            </ButtonLink>
          </>
        }
      >
        <div className={styles.created} role="status">
          <div className={styles.createdHead}>
            <h3 className={styles.createdName} ref={resultRef} tabIndex={-1}>
              {leadName(created)}
            </h3>
            <ScoreBadge score={created.score} factors={created.scoreFactors} />
          </div>
          <dl className={styles.createdFacts}>
            <dt>Assigned to</dt>
            <dd>
              {created.assignee
                ? `${created.assignee.name}${values.assigneeId ? '' : ' (automatically, by the team’s rule)'}`
                : 'Nobody yet: the team has no active salesperson to assign it to.'}
            </dd>
            <dt>Value</dt>
            <dd>
              {money(created.estimatedValue)} · {enumLabel(created.source)} · {enumLabel(created.priority)} priority
            </dd>
          </dl>
          <div className={styles.createdWhy}>
            <strong>
              Score {created.score} of 100. Why?
            </strong>
            <ScoreFactorList factors={created.scoreFactors} />
          </div>
        </div>
      </Dialog>
    );
  }

  return (
    <FormDialog title="New lead" size="lg" onClose={onClose} busy={loading} onSubmit={submit} submitLabel="Create lead">
      <p className={styles.required}>* Required. Give a contact (name and phone or e-mail) or choose an existing customer.</p>
      <FormAlert className={styles.formError} messages={form.general} />
      <LeadFormFields
        values={values}
        errors={{ ...(preselectMissing && !values.customer ? { customerId: preselectMissing } : {}), ...errors }}
        onChange={onChange}
        disabled={loading}
        teamOptions={teamOptions}
        teamPlaceholder={viewer?.team ? `Your team (${viewer.team.name})` : 'No team'}
        assigneeOptions={assigneeOptions}
      />
      {!values.customer && (
        <DuplicateWarning
          probe={{
            name: values.contactName,
            email: values.contactEmail,
            phone: values.contactPhone,
            address: { street: values.street, city: values.city, state: values.state, zip: values.zip },
          }}
        />
      )}
    </FormDialog>
  );
}
