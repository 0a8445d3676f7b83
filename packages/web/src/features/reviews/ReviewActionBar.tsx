import { Button, TrashButton, TrashConfirmDialog } from '../../ui';
import type { ReviewActions } from './useReviewActions';

export interface ReviewActionBarProps {
  deleted: boolean;
  /** Admins, managers and sales: edit and flag (field techs only read). */
  canWrite: boolean;
  /** Admins and managers: delete and restore. */
  managesTrash: boolean;
  actions: ReviewActions;
  onEdit: () => void;
  onFlag: () => void;
}

/** The review header's buttons: Edit, Flag (and Delete) for an active review; Restore for one in the trash. */
export function ReviewActionBar({ deleted, canWrite, managesTrash, actions, onEdit, onFlag }: ReviewActionBarProps) {
  if (deleted) return managesTrash ? <TrashButton deleted actions={actions} /> : null;
  if (!canWrite) return null;
  return (
    <>
      <Button onClick={onEdit}>Edit</Button>
      <Button onClick={onFlag}>Flag</Button>
      {managesTrash && <TrashButton deleted={false} actions={actions} />}
    </>
  );
}

/** Asks before the review moves to the trash. */
export function ReviewDeleteDialog({ author, actions }: { author: string; actions: ReviewActions }) {
  return (
    <TrashConfirmDialog title={`Delete the review by ${author}?`} confirmLabel="Delete review" actions={actions}>
      <p>
        The review moves to the trash and leaves the lists and the reputation numbers. An admin or manager can restore it
        at any time.
      </p>
    </TrashConfirmDialog>
  );
}
