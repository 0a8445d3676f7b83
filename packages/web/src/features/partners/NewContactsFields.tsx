import { Button } from '../../ui';
import { ContactFields } from './ContactFields';
import { blankContact, MAX_CONTACTS, type ContactValues } from './partnerForm';
import styles from './PartnerForm.module.css';

export interface NewContactsFieldsProps {
  contacts: ContactValues[];
  errors: Record<string, string | undefined>;
  onChange: (contacts: ContactValues[]) => void;
}

/** The create form's contact people: added and removed as rows (at most 20). */
export function NewContactsFields({ contacts, errors, onChange }: NewContactsFieldsProps) {
  const set = (key: number, patch: Partial<ContactValues>) =>
    onChange(contacts.map((c) => (c.key === key ? { ...c, ...patch } : c)));
  return (
    <fieldset className={styles.fieldset}>
      <legend>Contacts</legend>
      {contacts.length === 0 && <p className={styles.note}>People at the partner; you can also add them later.</p>}
      {contacts.map((c, i) => {
        const prefix = `contacts.${i}.`;
        const own = Object.fromEntries(
          Object.entries(errors)
            .filter(([path]) => path.startsWith(prefix))
            .map(([path, message]) => [path.slice(prefix.length), message]),
        );
        return (
          <div key={c.key} className={styles.contactRow}>
            <ContactFields contact={c} errors={own} onChange={(patch) => set(c.key, patch)} labelPrefix={`Contact ${i + 1}`} />
            <Button size="sm" variant="ghost" onClick={() => onChange(contacts.filter((x) => x.key !== c.key))}>
              Remove contact {i + 1}
            </Button>
          </div>
        );
      })}
      {contacts.length < MAX_CONTACTS && (
        <Button size="sm" onClick={() => onChange([...contacts, blankContact()])}>
          Add a contact
        </Button>
      )}
    </fieldset>
  );
}
