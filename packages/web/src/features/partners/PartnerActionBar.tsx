import { Button, TrashButton, TrashConfirmDialog } from '../../ui';
import type { PartnerActions } from './usePartnerActions';

export interface PartnerActionBarProps {
  deleted: boolean;
  /** Admins and managers: delete and restore. */
  managesTrash: boolean;
  actions: PartnerActions;
  onEdit: () => void;
}

/** The partner header's buttons: Edit (and Delete) for an active partner; Restore for one in the trash. */
export function PartnerActionBar({ deleted, managesTrash, actions, onEdit }: PartnerActionBarProps) {
  if (deleted) return managesTrash ? <TrashButton deleted actions={actions} /> : null;
  return (
    <>
      <Button onClick={onEdit}>Edit</Button>
      {managesTrash && <TrashButton deleted={false} actions={actions} />}
    </>
  );
}

/** Asks before the partner moves to the trash. */
export function PartnerDeleteDialog({ name, actions }: { name: string; actions: PartnerActions }) {
  return (
    <TrashConfirmDialog title={`Delete ${name}?`} confirmLabel="Delete partner" actions={actions}>
      <p>
        The partner moves to the trash and disappears from lists and pickers. Its referrals and fees are kept, and an
        admin or manager can restore it at any time.
      </p>
    </TrashConfirmDialog>
  );
}
