import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { LeadDetail_LeadFragment } from '../../gql/graphql';
import { splitUserErrors } from '../../lib/userErrors';
import { Button, Dialog } from '../../ui';
import {
  LEAD_FORM_FIELDS,
  leadFormFrom,
  toUpdateInput,
  validateLeadForm,
  type LeadFormErrors,
  type LeadFormValues,
} from './leadForm';
import { LeadFormFields } from './LeadFormFields';
import styles from './leadForms.module.css';

const UpdateLeadMutation = graphql(`
  mutation UpdateLead($input: UpdateLeadInput!) {
    updateLead(input: $input) {
      lead {
        id
        ...LeadDetail_lead
      }
      errors {
        field
        code
        message
      }
    }
  }
`);

const ADDRESS_KEYS = ['street', 'city', 'state', 'zip'];

export interface EditLeadDialogProps {
  lead: LeadDetail_LeadFragment;
  onClose: () => void;
  /** After a successful save. */
  onSaved: () => void;
}

/** Changes the lead's details (`updateLead`); the server rescores it and reports problems per field. */
export function EditLeadDialog({ lead, onClose, onSaved }: EditLeadDialogProps) {
  const [values, setValues] = useState<LeadFormValues>(() => leadFormFrom(lead));
  const [errors, setErrors] = useState<LeadFormErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [update, { loading }] = useMutation(UpdateLeadMutation);

  const onChange = (patch: Partial<LeadFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const key of Object.keys(patch)) {
        const field = key === 'customer' ? 'customerId' : ADDRESS_KEYS.includes(key) ? `propertyAddress.${key}` : key;
        delete next[field as keyof LeadFormErrors];
      }
      return next;
    });
  };

  const submit = async () => {
    setGeneral([]);
    const invalid = validateLeadForm(values);
    if (Object.keys(invalid).length) {
      setErrors(invalid);
      return;
    }
    try {
      const { data } = await update({ variables: { input: toUpdateInput(lead.id, values) } });
      const payload = data?.updateLead;
      if (!payload) return;
      if (payload.errors.length || !payload.lead) {
        const split = splitUserErrors(payload.errors, LEAD_FORM_FIELDS);
        setErrors(split.byField);
        setGeneral(split.general.length || Object.keys(split.byField).length ? split.general : ['Nothing was saved.']);
        return;
      }
      onSaved();
    } catch {
      setGeneral(['The server could not be reached. Check your connection and try again.']);
    }
  };

  return (
    <Dialog
      title="Edit lead"
      size="lg"
      onClose={onClose}
      busy={loading}
      onSubmit={() => void submit()}
      actions={
        <>
          <Button onClick={onClose} disabled={loading}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" loading={loading}>
            Save changes
          </Button>
        </>
      }
    >
      {general.length > 0 && (
        <p className={styles.formError} role="alert">
          {general.join(' ')}
        </p>
      )}
      <LeadFormFields
        values={values}
        errors={errors}
        onChange={onChange}
        disabled={loading}
        withFollowUp
        customerLocked={lead.convertedProject ? 'A converted lead stays with its project’s customer.' : undefined}
      />
    </Dialog>
  );
}
