import { useQuery } from '@apollo/client/react';
import { graphql, getFragmentData, type FragmentType } from '../../gql';
import type { ReviewPlatform } from '../../gql/graphql';
import { FormAlert, FormDialog, Select, TextArea, TextField } from '../../ui';
import { CustomerPicker } from '../customers/CustomerPicker';
import { ReviewFormFragment } from './reviewDocuments';
import { MAX_TEXT } from './reviewForm';
import { PLATFORM_OPTIONS, RATINGS } from './reviewFormat';
import { useReviewForm } from './useReviewForm';
import styles from './ReviewForm.module.css';

const ReviewFormCustomerProjectsQuery = graphql(`
  query ReviewFormCustomerProjects($id: ID!) {
    customer(id: $id) {
      id
      projects {
        id
        name
      }
    }
  }
`);

const RATING_OPTIONS = RATINGS.map((n) => ({ value: String(n), label: `${n} star${n === 1 ? '' : 's'}` })).reverse();

export interface ReviewFormDialogProps {
  /** The review to edit; omitted to record one (with its customer and project). */
  review?: FragmentType<typeof ReviewFormFragment>;
  onClose: () => void;
  /** After a successful save (the dialog does not close itself). */
  onSaved: (review: { id: string }) => void;
}

/** Records a review from a platform (or edits one): platform, stars, author, text, when, link, customer and project. */
export function ReviewFormDialog({ review: ref, onClose, onSaved }: ReviewFormDialogProps) {
  const review = getFragmentData(ReviewFormFragment, ref);
  const { values, change, errors, general, busy, submit } = useReviewForm(review, onSaved);
  const customerId = values.customer?.id;
  const { data } = useQuery(ReviewFormCustomerProjectsQuery, { variables: { id: customerId ?? '' }, skip: !customerId });
  const projects = (customerId && data?.customer?.id === customerId ? data.customer.projects : []) ?? [];

  return (
    <FormDialog
      title={review ? `Edit the review by ${review.authorName}` : 'Record a review'}
      size="lg"
      onClose={onClose}
      busy={busy}
      onSubmit={submit}
      submitLabel={review ? 'Save changes' : 'Record review'}
    >
      <div className={styles.form}>
        <FormAlert className={styles.formAlert} messages={general} />
        <div className={styles.grid}>
          <Select
            label="Platform"
            options={PLATFORM_OPTIONS}
            value={values.platform}
            error={errors.platform}
            onChange={(e) => change({ platform: e.target.value as ReviewPlatform })}
          />
          <Select
            label="Rating *"
            placeholder="Choose the stars…"
            options={RATING_OPTIONS}
            value={values.rating}
            error={errors.rating}
            required
            onChange={(e) => change({ rating: e.target.value })}
          />
          <TextField
            label="Author *"
            value={values.authorName}
            maxLength={200}
            autoComplete="off"
            autoFocus
            required
            hint="The name shown on the platform"
            error={errors.authorName}
            onChange={(e) => change({ authorName: e.target.value })}
          />
          <TextField
            label="Posted at *"
            type="datetime-local"
            value={values.postedAt}
            required
            error={errors.postedAt}
            onChange={(e) => change({ postedAt: e.target.value })}
          />
          <TextField
            label="Link to the review"
            type="url"
            inputMode="url"
            value={values.url}
            maxLength={2000}
            autoComplete="off"
            placeholder="https://"
            error={errors.url}
            className={styles.span2}
            onChange={(e) => change({ url: e.target.value })}
          />
        </div>
        <TextArea
          label="Review text"
          rows={5}
          maxLength={MAX_TEXT}
          value={values.text}
          error={errors.text}
          onChange={(e) => change({ text: e.target.value })}
        />
        {!review && (
          <div className={styles.grid}>
            <CustomerPicker
              optional
              value={values.customer}
              error={errors.customerId}
              hint="Who wrote it, if they are a customer"
              onChange={(customer) => change({ customer, projectId: '' })}
            />
            {values.customer && (
              <Select
                label="Project"
                placeholder={projects.length ? 'No project' : 'The customer has no projects'}
                options={projects.map((p) => ({ value: p.id, label: p.name }))}
                value={values.projectId}
                disabled={!projects.length}
                error={errors.projectId}
                hint="The job the review is about (optional)"
                onChange={(e) => change({ projectId: e.target.value })}
              />
            )}
          </div>
        )}
      </div>
    </FormDialog>
  );
}
