import { useMutation } from '@apollo/client/react';
import { useState, type ChangeEvent } from 'react';
import type { CustomerForm_CustomerFragment } from '../../gql/graphql';
import { userErrorsOf } from '../../lib/formErrors';
import { useFormErrors } from '../../lib/useFormErrors';
import {
  createInput,
  initialCustomerValues,
  PATH_OF_FIELD,
  SHOWN_PATHS,
  updateInput,
  validateCustomer,
  type CustomerConsentName,
  type CustomerFormValues,
  type CustomerTextFieldName,
} from './customerForm';
import { CreateCustomerMutation, UpdateCustomerMutation } from './customerFormDocuments';

/**
 * The customer form's state and submit: checks in the browser first, then creates or updates, showing refusals
 * next to their field and moving focus to the first one.
 */
export function useCustomerForm(customer: CustomerForm_CustomerFragment | null | undefined, onSaved: (customer: { id: string }) => void) {
  const initialTeamId = customer?.owningTeam?.id ?? '';
  const [values, setValues] = useState<CustomerFormValues>(() => initialCustomerValues(customer));
  // Messages by input path (`address.zip`), from the browser's checks, the payload's UserErrors or BAD_USER_INPUT.
  const form = useFormErrors(SHOWN_PATHS, { focus: true });

  const [create, creating] = useMutation(CreateCustomerMutation, {
    // A new customer belongs in lists that are already cached: drop them so they load again when shown.
    update: (cache, { data }) => {
      if (data?.createCustomer.customer) cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' });
    },
  });
  const [update, updating] = useMutation(UpdateCustomerMutation);

  const bind = (name: CustomerTextFieldName) => ({
    name,
    value: values[name],
    error: form.errors[PATH_OF_FIELD[name]],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [name]: value }));
      form.clear(PATH_OF_FIELD[name]);
    },
  });

  /** A consent check box (a refusal about one shows above the form). */
  const bindCheck = (name: CustomerConsentName) => ({
    name,
    checked: values[name],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const checked = e.target.checked;
      setValues((v) => ({ ...v, [name]: checked }));
    },
  });

  const submit = async () => {
    const found = validateCustomer(values);
    if (form.check(Object.fromEntries(Object.entries(found).map(([field, message]) => [PATH_OF_FIELD[field as CustomerTextFieldName], message])))) {
      return;
    }
    const saved = await form.save(
      async () =>
        customer
          ? (await update({ variables: { input: updateInput(customer.id, values, initialTeamId) } })).data?.updateCustomer
          : (await create({ variables: { input: createInput(values) } })).data?.createCustomer,
      {
        ok: (p) => p.customer,
        nothing: 'The customer was not saved. Try again.',
        unreachable: (error) =>
          userErrorsOf(error)
            ?.filter((e) => !e.field)
            .map((e) => e.message)
            .join(' ') ||
          'The server could not be reached. Check your connection and try again.',
      },
    );
    if (saved?.customer) onSaved({ id: saved.customer.id });
  };

  return { values, bind, bindCheck, general: form.general, busy: creating.loading || updating.loading, submit, initialTeamId };
}

export type CustomerFieldBinder = ReturnType<typeof useCustomerForm>['bind'];
export type CustomerCheckBinder = ReturnType<typeof useCustomerForm>['bindCheck'];
