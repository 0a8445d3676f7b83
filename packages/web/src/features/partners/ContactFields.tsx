import { TextField } from '../../ui';
import type { ContactValues } from './partnerForm';
import styles from './PartnerForm.module.css';

export interface ContactFieldsProps {
  contact: Omit<ContactValues, 'key'>;
  /** Messages by the contact's field (`name`, `email`, `phone`, `role`). */
  errors: Record<string, string | undefined>;
  onChange: (patch: Partial<ContactValues>) => void;
  /** Added to each label (`Contact 2 name`) where several contacts share a form. */
  labelPrefix?: string;
}

/** A contact person's name, role, e-mail and phone (the add-contact dialog and the create form's rows). */
export function ContactFields({ contact, errors, onChange, labelPrefix = '' }: ContactFieldsProps) {
  const label = (text: string) => (labelPrefix ? `${labelPrefix} ${text.toLowerCase()}` : text);
  return (
    <div className={styles.grid}>
      <TextField
        label={`${label('Name')} *`}
        value={contact.name}
        maxLength={200}
        autoComplete="off"
        error={errors.name}
        onChange={(e) => onChange({ name: e.target.value })}
      />
      <TextField
        label={label('Role')}
        value={contact.role}
        maxLength={100}
        placeholder="e.g. Broker"
        autoComplete="off"
        error={errors.role}
        onChange={(e) => onChange({ role: e.target.value })}
      />
      <TextField
        label={label('E-mail')}
        type="email"
        value={contact.email}
        autoComplete="off"
        error={errors.email}
        onChange={(e) => onChange({ email: e.target.value })}
      />
      <TextField
        label={label('Phone')}
        type="tel"
        value={contact.phone}
        autoComplete="off"
        error={errors.phone}
        onChange={(e) => onChange({ phone: e.target.value })}
      />
    </div>
  );
}
