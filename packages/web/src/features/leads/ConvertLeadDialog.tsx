import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { ConvertLeadInput } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog, TextField } from '../../ui';
import { normaliseMoney } from './leadForm';
import styles from './leadForms.module.css';

export const ConvertLeadMutation = graphql(`
  mutation ConvertLead($input: ConvertLeadInput!) {
    convertLead(input: $input) {
      lead { id ...LeadDetail_lead }
      project {
        id
        name
      }
      errors { field code message }
    }
  }
`);

const MONEY = /^\d{1,10}(\.\d{1,2})?$/;
const FIELDS = ['projectName', 'budget', 'startDate'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

export interface ConvertLeadDialogProps {
  lead: { id: string; estimatedValue?: string | null };
  name: string;
  onClose: () => void;
  /** The new project's id, once converted. */
  onConverted: (projectId: string) => void;
}

/** Turns a WON lead into a project (`convertLead`); shows the server's refusal (not WON, already converted). */
export function ConvertLeadDialog({ lead, name, onClose, onConverted }: ConvertLeadDialogProps) {
  const client = useApolloClient();
  const [projectName, setProjectName] = useState('');
  const [budget, setBudget] = useState(lead.estimatedValue ? String(Number(lead.estimatedValue)) : '');
  const [startDate, setStartDate] = useState('');
  const form = useFormErrors(FIELDS);
  const errors: Errors = form.errors;
  const [convert, { loading }] = useMutation(ConvertLeadMutation);

  const submit = async () => {
    const money = normaliseMoney(budget);
    if (form.check({ budget: money && !MONEY.test(money) ? 'Enter an amount in dollars, e.g. 15200 or 15200.50.' : undefined })) return;
    const input: ConvertLeadInput = { id: lead.id };
    if (projectName.trim()) input.projectName = projectName.trim();
    if (money) input.budget = money;
    if (startDate) input.startDate = startDate;
    const payload = await form.save(async () => (await convert({ variables: { input } })).data?.convertLead, {
      ok: (p) => p.project,
      nothing: 'The lead was not converted.',
      unreachable: 'The server could not be reached. Try again.',
    });
    if (!payload?.project) return;
    // Project lists (and lead lists showing the conversion) refetch when next shown.
    void client
      .refetchQueries({
        updateCache: (cache) =>
          cache.modify({
            fields: {
              projects: (_v, { INVALIDATE }) => INVALIDATE,
              leads: (_v, { INVALIDATE }) => INVALIDATE,
            },
          }),
      })
      .catch(() => undefined);
    onConverted(payload.project.id);
  };

  return (
    <FormDialog
      title={`Convert ${name} into a project`}
      size="md"
      onClose={onClose}
      busy={loading}
      onSubmit={submit}
      submitLabel="Convert to project"
    >
      <p className={styles.required}>
        Creates the project (and the customer, if the lead has none) in one step. Everything here is optional.
      </p>
      <FormAlert className={styles.formError} messages={form.general} />
      <TextField
        label="Project name"
        maxLength={200}
        placeholder="Customer – project type"
        hint="Left empty, it is named after the customer and the kind of work."
        value={projectName}
        error={errors.projectName}
        disabled={loading}
        onChange={(e) => setProjectName(e.target.value)}
      />
      <div className={styles.grid}>
        <TextField
          label="Budget ($)"
          inputMode="decimal"
          hint="The contract value; the estimate when left empty."
          value={budget}
          error={errors.budget}
          disabled={loading}
          onChange={(e) => setBudget(e.target.value)}
        />
        <TextField
          label="Planned start"
          type="date"
          value={startDate}
          error={errors.startDate}
          disabled={loading}
          onChange={(e) => setStartDate(e.target.value)}
        />
      </div>
    </FormDialog>
  );
}
