import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import type { ReviewForm_ReviewFragment } from '../../gql/graphql';
import { useFormErrors } from '../../lib/useFormErrors';
import { CreateReviewMutation, UpdateReviewMutation } from './reviewDocuments';
import {
  createReviewInput,
  initialReviewValues,
  REVIEW_FORM_PATHS,
  updateReviewInput,
  validateReview,
  type ReviewFormValues,
} from './reviewForm';

/** The path a form value's messages come back under. */
const PATH: Partial<Record<keyof ReviewFormValues, string>> = { customer: 'customerId' };

/** The review form's values, messages and submit (record a review, or update the given one). */
export function useReviewForm(review: ReviewForm_ReviewFragment | null | undefined, onSaved: (saved: { id: string }) => void) {
  const [values, setValues] = useState<ReviewFormValues>(() => initialReviewValues(review));
  const form = useFormErrors(REVIEW_FORM_PATHS, { focus: true });
  const [create, creating] = useMutation(CreateReviewMutation, {
    // A new review belongs in cached lists, and in its customer's and project's: they load again when shown.
    update: (cache, { data }, { variables }) => {
      if (!data?.createReview.review) return;
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'reviews' });
      const { customerId, projectId } = variables?.input ?? {};
      if (customerId) cache.evict({ id: cache.identify({ __typename: 'Customer', id: customerId }), fieldName: 'reviews' });
      if (projectId) cache.evict({ id: cache.identify({ __typename: 'Project', id: projectId }), fieldName: 'reviews' });
    },
  });
  const [update, updating] = useMutation(UpdateReviewMutation);

  const change = (patch: Partial<ReviewFormValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    form.clear(...Object.keys(patch).map((k) => PATH[k as keyof ReviewFormValues] ?? k));
  };

  const submit = async () => {
    if (form.check(validateReview(values))) return;
    const saved = await form.save(
      async () =>
        review
          ? (await update({ variables: { input: updateReviewInput(review, values) } })).data?.updateReview
          : (await create({ variables: { input: createReviewInput(values) } })).data?.createReview,
      {
        ok: (p) => p.review,
        nothing: 'The review was not saved. Try again.',
        unreachable: 'The server could not be reached. Check your connection and try again.',
      },
    );
    if (saved?.review) onSaved({ id: saved.review.id });
  };

  return { values, change, errors: form.errors, general: form.general, busy: creating.loading || updating.loading, submit };
}
