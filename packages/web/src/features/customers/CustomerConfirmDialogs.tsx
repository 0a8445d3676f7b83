import { Button, Dialog } from '../../ui';
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
        actions={
          <>
            <Button onClick={cancel} disabled={deleting} autoFocus>
              Cancel
            </Button>
            <Button variant="danger" loading={deleting} onClick={() => void actions.onDelete()}>
              Delete customer
            </Button>
          </>
        }
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
          <>
            <Button onClick={cancel} disabled={hardDeleting} autoFocus>
              Cancel
            </Button>
            <Button variant="danger" loading={hardDeleting} onClick={() => void actions.onHardDelete()}>
              Delete for good
            </Button>
          </>
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
