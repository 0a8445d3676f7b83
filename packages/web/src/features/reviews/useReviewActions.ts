import type { ApolloCache } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useTrashActions } from '../../lib/trashActions';

// What deleting or restoring changes on the review; spread by both mutations, read only by the cache.
graphql(`
  fragment ReviewTrashState_review on Review {
    id
    deletedAt
    updatedAt
  }
`);

const DeleteReviewMutation = graphql(`
  mutation DeleteReview($id: ID!) {
    deleteReview(id: $id) {
      review { ...ReviewTrashState_review }
      errors { field code message }
    }
  }
`);

const RestoreReviewMutation = graphql(`
  mutation RestoreReview($id: ID!) {
    restoreReview(id: $id) {
      review { ...ReviewTrashState_review }
      errors { field code message }
    }
  }
`);

/** The records a review is listed under besides the reviews list. */
export interface ReviewLinks {
  customerId?: string | null;
  projectId?: string | null;
}

/** Moving a review to the trash and back (admins and managers), with the confirm step and a notice on refusal. */
export function useReviewActions(reviewId: string, links: ReviewLinks) {
  // Either moves the review between the active lists and the trash: cached lists (its customer's and project's too)
  // load again.
  const evictLists = {
    update: (cache: ApolloCache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'reviews' });
      if (links.customerId) cache.evict({ id: cache.identify({ __typename: 'Customer', id: links.customerId }), fieldName: 'reviews' });
      if (links.projectId) cache.evict({ id: cache.identify({ __typename: 'Project', id: links.projectId }), fieldName: 'reviews' });
    },
  };
  const [softDelete, { loading: deleting }] = useMutation(DeleteReviewMutation, evictLists);
  const [restore, { loading: restoring }] = useMutation(RestoreReviewMutation, evictLists);
  return useTrashActions('review', {
    remove: async () => (await softDelete({ variables: { id: reviewId } })).data?.deleteReview.errors,
    restore: async () => (await restore({ variables: { id: reviewId } })).data?.restoreReview.errors,
    deleting,
    restoring,
  });
}

export type ReviewActions = ReturnType<typeof useReviewActions>;
