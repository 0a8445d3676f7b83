import type { Role } from '../../gql/graphql';
import { Button, ButtonLink } from '../../ui';
import type { CustomerActions } from './useCustomerActions';

export interface CustomerActionBarProps {
  customerId: string;
  deleted: boolean;
  role: Role | undefined;
  managesTrash: boolean;
  actions: CustomerActions;
  onLog: () => void;
  onEdit: () => void;
}

/**
 * The customer header's buttons: log, new lead, edit and delete for an active customer; restore and (admins)
 * delete for good for one in the trash (nothing for other roles: render it only when `hasCustomerActions`).
 */
export function CustomerActionBar({ customerId, deleted, role, managesTrash, actions, onLog, onEdit }: CustomerActionBarProps) {
  if (deleted) {
    if (!managesTrash) return null;
    return (
      <>
        <Button variant="primary" onClick={actions.onRestore} loading={actions.restoring}>
          Restore
        </Button>
        {role === 'ADMIN' && (
          <Button variant="danger" onClick={() => actions.setConfirm('hardDelete')}>
            Delete for good
          </Button>
        )}
      </>
    );
  }
  return (
    <>
      <Button variant="primary" onClick={onLog}>
        Log interaction
      </Button>
      <ButtonLink to={`/leads?customerId=${encodeURIComponent(customerId)}`}>New lead</ButtonLink>
      <Button onClick={onEdit}>Edit</Button>
      {managesTrash && (
        <Button variant="ghost" onClick={() => actions.setConfirm('delete')}>
          Delete
        </Button>
      )}
    </>
  );
}

/** Whether the bar has anything to show (the header leaves out its actions area otherwise). */
export const hasCustomerActions = (deleted: boolean, managesTrash: boolean) => !deleted || managesTrash;
