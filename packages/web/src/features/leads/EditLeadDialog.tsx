import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { LeadDetail_LeadFragment } from '../../gql/graphql';
import { FormAlert, FormDialog } from '../../ui';
import { leadFormFrom, toUpdateInput, validateLeadForm } from './leadForm';
import { LeadFormFields } from './LeadFormFields';
import { useLeadFormState } from './useLeadFormState';
import styles from './leadForms.module.css';

const UpdateLeadMutation = graphql(`
  mutation UpdateLead($input: UpdateLeadInput!) {
    updateLead(input: $input) {
      lead { id ...LeadDetail_lead }
      errors { field code message }
    }
  }
`);

export interface EditLeadDialogProps {
  lead: LeadDetail_LeadFragment;
  onClose: () => void;
  /** After a successful save. */
  onSaved: () => void;
}

/** Changes the lead's details (`updateLead`); the server rescores it and reports problems per field. */
export function EditLeadDialog({ lead, onClose, onSaved }: EditLeadDialogProps) {
  const [initial] = useState(() => leadFormFrom(lead));
  const { values, onChange, form, errors } = useLeadFormState(() => initial);
  const [update, { loading }] = useMutation(UpdateLeadMutation);

  const submit = async () => {
    if (form.check(validateLeadForm(values))) return;
    const saved = await form.save(async () => (await update({ variables: { input: toUpdateInput(lead.id, values, initial) } })).data?.updateLead, {
      ok: (p) => p.lead,
      nothing: 'Nothing was saved.',
      unreachable: 'The server could not be reached. Check your connection and try again.',
    });
    if (saved) onSaved();
  };

  return (
    <FormDialog title="Edit lead" size="lg" onClose={onClose} busy={loading} onSubmit={submit} submitLabel="Save changes">
      <FormAlert className={styles.formError} messages={form.general} />
      <LeadFormFields
        values={values}
        errors={errors}
        onChange={onChange}
        disabled={loading}
        withFollowUp
        customerLocked={lead.convertedProject ? 'A converted lead stays with its project’s customer.' : undefined}
      />
    </FormDialog>
  );
}
