import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';

// What deleting or restoring changes on the customer; spread by both mutations below, read only by the cache.
graphql(`
  fragment CustomerTrashState_customer on Customer {
    id
    deletedAt
    updatedAt
  }
`);

const DeleteCustomerMutation = graphql(`
  mutation DeleteCustomer($id: ID!) {
    deleteCustomer(id: $id) {
      customer { ...CustomerTrashState_customer }
      errors { field code message }
    }
  }
`);

const RestoreCustomerMutation = graphql(`
  mutation RestoreCustomer($id: ID!) {
    restoreCustomer(id: $id) {
      customer { ...CustomerTrashState_customer }
      errors { field code message }
    }
  }
`);

const HardDeleteCustomerMutation = graphql(`
  mutation HardDeleteCustomer($id: ID!) {
    hardDeleteCustomer(id: $id) {
      deletedId
      errors { field code message }
    }
  }
`);

export type CustomerConfirm = 'delete' | 'hardDelete' | null;

/**
 * Deleting (to the trash), restoring and deleting a customer for good, with the confirm step and the notice shown
 * when the server refuses. Leaves the page when the customer is gone from where the viewer can see it.
 */
export function useCustomerActions(customerId: string, managesTrash: boolean) {
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState<CustomerConfirm>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Deleting or restoring moves the customer between the active list and the trash: cached lists load again.
  const [softDelete, { loading: deleting }] = useMutation(DeleteCustomerMutation, {
    update: (cache) => void cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' }),
  });
  const [restore, { loading: restoring }] = useMutation(RestoreCustomerMutation, {
    update: (cache) => void cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' }),
  });
  const [hardDelete, { loading: hardDeleting }] = useMutation(HardDeleteCustomerMutation);

  const run = async (action: () => Promise<readonly { message: string }[] | undefined>, failure: string) => {
    setNotice(null);
    try {
      const errors = (await action()) ?? [];
      if (errors.length) setNotice(`${failure}: ${errors.map((e) => e.message).join(' ')}`);
      return errors.length === 0;
    } catch (e) {
      setNotice(`${failure}: ${e instanceof Error ? e.message : 'the server could not be reached.'}`);
      return false;
    }
  };

  const onDelete = async () => {
    const ok = await run(
      async () => (await softDelete({ variables: { id: customerId } })).data?.deleteCustomer.errors,
      'The customer was not deleted',
    );
    setConfirm(null);
    if (ok && !managesTrash) navigate('/customers');
  };
  const onRestore = () =>
    void run(
      async () => (await restore({ variables: { id: customerId } })).data?.restoreCustomer.errors,
      'The customer was not restored',
    );
  const onHardDelete = async () => {
    const ok = await run(
      async () =>
        (
          await hardDelete({
            variables: { id: customerId },
            update: (cache, { data: result }) => {
              if (!result?.hardDeleteCustomer.deletedId) return;
              cache.evict({ id: cache.identify({ __typename: 'Customer', id: customerId }) });
              cache.evict({ id: 'ROOT_QUERY', fieldName: 'customers' });
              cache.gc();
            },
          })
        ).data?.hardDeleteCustomer.errors,
      'The customer was not removed',
    );
    setConfirm(null);
    if (ok) navigate('/customers', { replace: true });
  };

  return {
    confirm,
    setConfirm,
    notice,
    dismissNotice: () => setNotice(null),
    onDelete,
    onRestore,
    onHardDelete,
    deleting,
    restoring,
    hardDeleting,
  };
}

export type CustomerActions = ReturnType<typeof useCustomerActions>;
