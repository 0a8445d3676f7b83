import { useMutation } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { CustomerForm_CustomerFragment } from '../../gql/graphql';
import { splitUserErrors, type UserErrorLike } from '../../lib/userErrors';
import {
  createInput,
  FIELD_OF_PATH,
  fieldOfGraphQLError,
  initialCustomerValues,
  SHOWN_PATHS,
  updateInput,
  validateCustomer,
  type CustomerFieldName,
  type CustomerFormErrors,
  type CustomerFormValues,
} from './customerForm';
import { CreateCustomerMutation, UpdateCustomerMutation } from './customerFormDocuments';

/**
 * The customer form's state and submit: checks in the browser first, then creates or updates, showing refusals
 * next to their field and moving focus to the first one.
 */
export function useCustomerForm(customer: CustomerForm_CustomerFragment | null | undefined, onSaved: (customer: { id: string }) => void) {
  const initialTeamId = customer?.owningTeam?.id ?? '';
  const [values, setValues] = useState<CustomerFormValues>(() => initialCustomerValues(customer));
  const [errors, setErrors] = useState<CustomerFormErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);

  const [create] = useMutation(CreateCustomerMutation, {
    // A new customer belongs in lists that are already cached: drop them so they load again when shown.
    update: (cache, { data }) => {
      if (data?.createCustomer.customer) cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' });
    },
  });
  const [update] = useMutation(UpdateCustomerMutation);

  const bind = (name: CustomerFieldName) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = e.target.value;
      setValues((v) => ({ ...v, [name]: value }));
      if (errors[name]) setErrors((e) => ({ ...e, [name]: undefined }));
    },
  });

  // After a refused submit, focus moves to the first field with a message (or the alert), so keyboard and
  // screen-reader users land on what needs fixing.
  const [focusRequest, setFocusRequest] = useState(0);
  const focusFirstError = () => setFocusRequest((n) => n + 1);
  useEffect(() => {
    if (!focusRequest) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector('[role="alert"]');
    if (target instanceof HTMLElement) target.focus();
  }, [focusRequest]);

  const showServerErrors = (userErrors: readonly UserErrorLike[]) => {
    const split = splitUserErrors(userErrors, SHOWN_PATHS);
    const byField: CustomerFormErrors = {};
    for (const [path, message] of Object.entries(split.byField)) {
      const field = FIELD_OF_PATH[path];
      if (field) byField[field] = message;
    }
    setErrors(byField);
    setGeneral(split.general);
    focusFirstError();
  };

  const submit = async () => {
    const found = validateCustomer(values);
    setGeneral([]);
    if (Object.keys(found).length) {
      setErrors(found);
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const payload = customer
        ? (await update({ variables: { input: updateInput(customer.id, values, initialTeamId) } })).data?.updateCustomer
        : (await create({ variables: { input: createInput(values) } })).data?.createCustomer;
      if (payload?.customer && !payload.errors.length) {
        onSaved({ id: payload.customer.id });
        return;
      }
      showServerErrors(payload?.errors ?? [{ message: 'The customer was not saved. Try again.' }]);
    } catch (error) {
      if (CombinedGraphQLErrors.is(error)) {
        const byField: CustomerFormErrors = {};
        const rest: string[] = [];
        for (const e of error.errors) {
          const field = fieldOfGraphQLError(e.message);
          if (field) byField[field] = e.message.replace(/^.*; /, '');
          else rest.push(e.message);
        }
        setErrors(byField);
        setGeneral(rest);
        focusFirstError();
      } else {
        setGeneral(['The server could not be reached. Check your connection and try again.']);
      }
    } finally {
      setBusy(false);
    }
  };

  return { bind, general, busy, formRef, submit, initialTeamId };
}

export type CustomerFieldBinder = ReturnType<typeof useCustomerForm>['bind'];
