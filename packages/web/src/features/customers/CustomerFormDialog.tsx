import { useQuery } from '@apollo/client/react';
import { useViewer } from '../../app/auth';
import { getFragmentData, type FragmentType } from '../../gql';
import { FormAlert, FormDialog } from '../../ui';
import { CustomerFormFragment, CustomerFormTeamsQuery } from './customerFormDocuments';
import { CustomerFormFields } from './CustomerFormFields';
import { useCustomerForm } from './useCustomerForm';
import { DuplicateWarning } from '../duplicates/DuplicateWarning';
import styles from './CustomerFormDialog.module.css';

export { CustomerFormFragment, SavedCustomerFragment } from './customerFormDocuments';
export { createInput, updateInput, validateCustomer } from './customerForm';

export type SavedCustomer = { id: string };

export interface CustomerFormDialogProps {
  /** The customer to edit; omitted to create one. */
  customer?: FragmentType<typeof CustomerFormFragment>;
  onClose: () => void;
  /** After a successful save, with the saved customer (the dialog does not close itself). */
  onSaved: (customer: SavedCustomer) => void;
}

/**
 * Creates or edits a customer: contact data and consent, property address, account type, segment and (admins,
 * managers) team.
 */
export function CustomerFormDialog({ customer: ref, onClose, onSaved }: CustomerFormDialogProps) {
  const customer = getFragmentData(CustomerFormFragment, ref);
  const editing = Boolean(customer);
  const { viewer } = useViewer();
  const canPickTeam = viewer?.role === 'ADMIN' || viewer?.role === 'MANAGER';
  const { data: teamsData } = useQuery(CustomerFormTeamsQuery, { skip: !canPickTeam });
  const { values, bind, bindCheck, general, busy, submit, initialTeamId } = useCustomerForm(customer, onSaved);

  const teams = (teamsData?.teams ?? []).filter(
    (t) =>
      viewer?.role === 'ADMIN' ||
      t.manager?.id === viewer?.id ||
      t.id === viewer?.team?.id ||
      t.id === initialTeamId,
  );

  return (
    <FormDialog
      title={editing ? `Edit ${customer?.name}` : 'New customer'}
      size="lg"
      onClose={onClose}
      busy={busy}
      onSubmit={submit}
      submitLabel={editing ? 'Save changes' : 'Create customer'}
    >
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={general} />
        <CustomerFormFields
          bind={bind}
          bindCheck={bindCheck}
          teams={teams}
          canPickTeam={canPickTeam}
          editing={editing}
          viewerTeam={viewer?.team}
        />
        <DuplicateWarning
          probe={{
            name: values.name,
            email: values.email,
            phone: values.phone,
            address: { street: values.street, city: values.city, state: values.state, zip: values.zip },
            ...(customer ? { excludeCustomerId: customer.id } : {}),
          }}
        />
      </div>
    </FormDialog>
  );
}
