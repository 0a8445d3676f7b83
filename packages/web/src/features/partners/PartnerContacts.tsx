import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { PartnerContact_ContactFragment } from '../../gql/graphql';
import { phoneLabel } from '../../lib/format';
import { Button, Card, ConfirmButtons, Dialog, FormAlert } from '../../ui';
import { RemovePartnerContactMutation } from './contactDocuments';
import { ContactDialog } from './ContactDialog';
import { refusalOf } from '../../lib/trashActions';
import styles from './PartnerDetail.module.css';

export interface PartnerContactsProps {
  partnerId: string;
  contacts: readonly PartnerContact_ContactFragment[];
  /** Changes allowed (not in the trash). */
  editable: boolean;
}

type Open = { kind: 'add' } | { kind: 'edit' | 'remove'; contact: PartnerContact_ContactFragment } | null;

/** The people at the partner, each with their role, e-mail and phone; add, edit and remove them. */
export function PartnerContacts({ partnerId, contacts, editable }: PartnerContactsProps) {
  const [open, setOpen] = useState<Open>(null);
  return (
    <Card
      title={
        <>
          Contacts <span className={styles.count}>{contacts.length}</span>
        </>
      }
      actions={
        editable && (
          <Button size="sm" onClick={() => setOpen({ kind: 'add' })}>
            Add contact
          </Button>
        )
      }
    >
      {contacts.length === 0 ? (
        <p className={styles.emptyText}>No contacts yet.</p>
      ) : (
        <ul className={styles.list} aria-label="Contacts">
          {contacts.map((c) => (
            <li key={c.id} className={styles.item}>
              <div className={styles.itemMain}>
                <strong>{c.name}</strong>
                <span className={styles.itemMeta}>
                  {[c.role, c.email, c.phone && phoneLabel(c.phone)].filter(Boolean).join(' · ') || 'No details'}
                </span>
              </div>
              {editable && (
                <div className={styles.itemActions}>
                  <Button size="sm" variant="ghost" aria-label={`Edit ${c.name}`} onClick={() => setOpen({ kind: 'edit', contact: c })}>
                    Edit
                  </Button>
                  <Button size="sm" variant="ghost" aria-label={`Remove ${c.name}`} onClick={() => setOpen({ kind: 'remove', contact: c })}>
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {open?.kind === 'add' && <ContactDialog partnerId={partnerId} onClose={() => setOpen(null)} />}
      {open?.kind === 'edit' && <ContactDialog partnerId={partnerId} contact={open.contact} onClose={() => setOpen(null)} />}
      {open?.kind === 'remove' && <RemoveContactDialog contact={open.contact} onClose={() => setOpen(null)} />}
    </Card>
  );
}

function RemoveContactDialog({ contact, onClose }: { contact: PartnerContact_ContactFragment; onClose: () => void }) {
  const [remove, { loading }] = useMutation(RemovePartnerContactMutation);
  const [refused, setRefused] = useState<string | null>(null);
  const confirm = async () => {
    const why = await refusalOf(async () => (await remove({ variables: { id: contact.id } })).data?.removePartnerContact.errors);
    if (why) setRefused(`The contact was not removed: ${why}`);
    else onClose();
  };
  return (
    <Dialog
      title={`Remove ${contact.name}?`}
      onClose={onClose}
      busy={loading}
      actions={<ConfirmButtons confirmLabel="Remove contact" onConfirm={confirm} onCancel={onClose} busy={loading} />}
    >
      <p>{contact.name} is taken off this partner’s contacts.</p>
      <FormAlert messages={refused ? [refused] : []} />
    </Dialog>
  );
}
