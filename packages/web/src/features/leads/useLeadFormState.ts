import { useState } from 'react';
import { useFormErrors } from '../../lib/useFormErrors';
import { LEAD_FORM_FIELDS, type LeadFormErrors, type LeadFormValues } from './leadForm';

const ADDRESS_KEYS = ['street', 'city', 'state', 'zip'];

/** The input path a form value is sent as (its messages come back under it). */
const PATHS: Record<string, string> = {
  customer: 'customerId',
  partner: 'referredBy.partnerId',
  partnerContactId: 'referredBy.contactId',
};
const pathOf = (key: string) => PATHS[key] ?? (ADDRESS_KEYS.includes(key) ? `propertyAddress.${key}` : key);

/** The lead form's values and messages (create and edit): a changed value's message no longer applies. */
export function useLeadFormState(initial: () => LeadFormValues, { focus = false } = {}) {
  const [values, setValues] = useState<LeadFormValues>(initial);
  const form = useFormErrors(LEAD_FORM_FIELDS, { focus });
  const onChange = (patch: Partial<LeadFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clear(...Object.keys(patch).map(pathOf));
  };
  return { values, setValues, onChange, form, errors: form.errors as LeadFormErrors };
}
