import type { ApolloCache } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useTrashActions } from '../../lib/trashActions';

// What deleting or restoring changes on the partner; spread by both mutations, read only by the cache.
graphql(`
  fragment PartnerTrashState_partner on Partner {
    id
    deletedAt
    updatedAt
  }
`);

const DeletePartnerMutation = graphql(`
  mutation DeletePartner($id: ID!) {
    deletePartner(id: $id) {
      partner { ...PartnerTrashState_partner }
      errors { field code message }
    }
  }
`);

const RestorePartnerMutation = graphql(`
  mutation RestorePartner($id: ID!) {
    restorePartner(id: $id) {
      partner { ...PartnerTrashState_partner }
      errors { field code message }
    }
  }
`);

/** Moving a partner to the trash and back (admins and managers), with the confirm step and a notice on refusal. */
export function usePartnerActions(partnerId: string) {
  // Either moves the partner between the active list and the trash: cached lists load again.
  const evictLists = { update: (cache: ApolloCache) => void cache.evict({ id: 'ROOT_QUERY', fieldName: 'partners' }) };
  const [softDelete, { loading: deleting }] = useMutation(DeletePartnerMutation, evictLists);
  const [restore, { loading: restoring }] = useMutation(RestorePartnerMutation, evictLists);
  return useTrashActions('partner', {
    remove: async () => (await softDelete({ variables: { id: partnerId } })).data?.deletePartner.errors,
    restore: async () => (await restore({ variables: { id: partnerId } })).data?.restorePartner.errors,
    deleting,
    restoring,
  });
}

export type PartnerActions = ReturnType<typeof usePartnerActions>;
