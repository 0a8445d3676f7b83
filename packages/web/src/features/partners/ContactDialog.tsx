import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { PartnerContact_ContactFragment } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { FormAlert, FormDialog } from '../../ui';
import { AddPartnerContactMutation, UpdatePartnerContactMutation } from './contactDocuments';
import { ContactFields } from './ContactFields';
import { contactInput } from './partnerForm';
import styles from './PartnerForm.module.css';

const FIELDS = ['name', 'email', 'phone', 'role'] as const;
type ContactField = (typeof FIELDS)[number];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export interface ContactDialogProps {
  partnerId: string;
  /** The contact to change; omitted to add one. */
  contact?: PartnerContact_ContactFragment;
  onClose: () => void;
}

/** Adds a contact person to a partner or changes one (name, role, e-mail, phone). */
export function ContactDialog({ partnerId, contact, onClose }: ContactDialogProps) {
  const [values, setValues] = useState<Record<ContactField, string>>({
    name: contact?.name ?? '',
    email: contact?.email ?? '',
    phone: contact?.phone ?? '',
    role: contact?.role ?? '',
  });
  const form = useFormErrors(FIELDS, { focus: true });
  const [add, adding] = useMutation(AddPartnerContactMutation);
  const [update, updating] = useMutation(UpdatePartnerContactMutation);

  const submit = async () => {
    const name = values.name.trim();
    const invalid = {
      name: name.length < 2 || name.length > 200 ? 'Name must be 2 to 200 characters.' : undefined,
      email: values.email.trim() && !EMAIL.test(values.email.trim()) ? 'Enter an e-mail like pat@example.com.' : undefined,
    };
    if (form.check(invalid)) return;
    const text = (s: string) => s.trim() || null;
    const saved = await form.save(
      async () =>
        contact
          ? (
              await update({
                variables: { input: { id: contact.id, name, email: text(values.email), phone: text(values.phone), role: text(values.role) } },
              })
            ).data?.updatePartnerContact
          : (await add({ variables: { partnerId, input: contactInput(values) } })).data?.addPartnerContact,
      {
        ok: (p) => p.partner,
        nothing: 'The contact was not saved.',
        unreachable: 'The server could not be reached. Check your connection and try again.',
      },
    );
    if (saved) onClose();
  };

  return (
    <FormDialog
      title={contact ? `Edit ${contact.name}` : 'Add a contact'}
      size="md"
      onClose={onClose}
      busy={adding.loading || updating.loading}
      onSubmit={submit}
      submitLabel={contact ? 'Save contact' : 'Add contact'}
    >
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={form.general} />
        <ContactFields
          contact={values}
          errors={form.errors}
          onChange={(patch) => {
            setValues((v) => ({ ...v, ...patch }));
            form.clear(...Object.keys(patch));
          }}
        />
      </div>
    </FormDialog>
  );
}
