import type { ReactNode } from 'react';
import type { TrashActions } from '../lib/trashActions';
import { Button } from './Button';
import { ConfirmButtons, Dialog } from './Dialog';

/** A record header's trash button (admins and managers): Restore when it is in the trash, else Delete (asks first). */
export function TrashButton({ deleted, actions }: { deleted: boolean; actions: TrashActions }) {
  return deleted ? (
    <Button variant="primary" onClick={() => void actions.onRestore()} loading={actions.restoring}>
      Restore
    </Button>
  ) : (
    <Button variant="ghost" onClick={() => actions.setConfirming(true)}>
      Delete
    </Button>
  );
}

export interface TrashConfirmDialogProps {
  /** `Delete Lakes Realty?`. */
  title: string;
  /** `Delete partner`. */
  confirmLabel: string;
  actions: TrashActions;
  /** What moving it to the trash means. */
  children: ReactNode;
}

/** Asks before the record moves to the trash (shown while `actions.confirming`). */
export function TrashConfirmDialog({ title, confirmLabel, actions, children }: TrashConfirmDialogProps) {
  const cancel = () => actions.setConfirming(false);
  return (
    <Dialog
      title={title}
      onClose={cancel}
      busy={actions.deleting}
      actions={<ConfirmButtons confirmLabel={confirmLabel} onConfirm={actions.onDelete} onCancel={cancel} busy={actions.deleting} />}
    >
      {children}
    </Dialog>
  );
}
