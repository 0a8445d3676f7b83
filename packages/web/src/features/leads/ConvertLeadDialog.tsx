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
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

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
  const [values, setValues] = useState<Record<Field, string>>({
    projectName: '',
    budget: lead.estimatedValue ? String(Number(lead.estimatedValue)) : '',
    startDate: '',
  });
  const { projectName, budget, startDate } = values;
  const form = useFormErrors(FIELDS);
  const errors: Errors = form.errors;
  const [convert, { loading }] = useMutation(ConvertLeadMutation);
  /** A field's value, error and change handler (disabled while converting). */
  const bind = (field: Field) => ({
    value: values[field],
    error: errors[field],
    disabled: loading,
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value })),
  });

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
        {...bind('projectName')}
      />
      <div className={styles.grid}>
        <TextField
          label="Budget ($)"
          inputMode="decimal"
          hint="The contract value; the estimate when left empty."
          {...bind('budget')}
        />
        <TextField label="Planned start" type="date" {...bind('startDate')} />
      </div>
    </FormDialog>
  );
}
