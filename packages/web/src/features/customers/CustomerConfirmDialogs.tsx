import { ConfirmButtons, Dialog } from '../../ui';
import type { CustomerActions } from './useCustomerActions';

/** Asks before a customer moves to the trash or is deleted for good, whichever `actions.confirm` names. */
export function CustomerConfirmDialogs({ name, actions }: { name: string; actions: CustomerActions }) {
  const { confirm, setConfirm, deleting, hardDeleting } = actions;
  const cancel = () => setConfirm(null);
  if (confirm === 'delete') {
    return (
      <Dialog
        title={`Delete ${name}?`}
        onClose={cancel}
        busy={deleting}
        actions={<ConfirmButtons confirmLabel="Delete customer" onConfirm={actions.onDelete} onCancel={cancel} busy={deleting} />}
      >
        <p>
          The customer moves to the trash and disappears from lists. Their projects, leads and history are kept,
          and an admin or manager can restore them at any time.
        </p>
      </Dialog>
    );
  }
  if (confirm === 'hardDelete') {
    return (
      <Dialog
        title={`Delete ${name} for good?`}
        onClose={cancel}
        busy={hardDeleting}
        actions={
          <ConfirmButtons confirmLabel="Delete for good" onConfirm={actions.onHardDelete} onCancel={cancel} busy={hardDeleting} />
        }
      >
        <p>
          This removes the customer <strong>and all their projects, appointments and interactions</strong>. It
          cannot be undone.
        </p>
      </Dialog>
    );
  }
  return null;
}
