import type { CreateReviewInput, ReviewForm_ReviewFragment, ReviewPlatform, UpdateReviewInput } from '../../gql/graphql';
import { fromLocalInput, toLocalInput } from '../../lib/dateInputs';
import type { PickedCustomer } from '../customers/CustomerPicker';

/** What the review form edits, as its inputs hold it (blank: not given). */
export interface ReviewFormValues {
  platform: ReviewPlatform;
  /** `1`…`5`, blank until chosen. */
  rating: string;
  authorName: string;
  text: string;
  /** A `datetime-local` value (the browser's zone). */
  postedAt: string;
  url: string;
  /** Create only: who wrote it and what it is about. */
  customer: PickedCustomer | null;
  projectId: string;
}

export type ReviewFormErrors = Record<string, string | undefined>;

/** The input paths the form shows messages for (`UserError.field`). */
export const REVIEW_FORM_PATHS: readonly string[] = ['platform', 'rating', 'authorName', 'text', 'postedAt', 'url', 'customerId', 'projectId'];

export const MAX_TEXT = 5000;

/** The form's starting values: the review's when editing; a Google review posted now when recording one. */
export function initialReviewValues(review?: ReviewForm_ReviewFragment | null, now = new Date()): ReviewFormValues {
  return {
    platform: review?.platform ?? 'GOOGLE',
    rating: review ? String(review.rating) : '',
    authorName: review?.authorName ?? '',
    text: review?.text ?? '',
    postedAt: toLocalInput(review?.postedAt ?? now),
    url: review?.url ?? '',
    customer: null,
    projectId: '',
  };
}

/** The checks the browser can make first (the server checks again). */
export function validateReview(v: ReviewFormValues, now = Date.now()): ReviewFormErrors {
  const errors: ReviewFormErrors = {};
  if (!v.rating) errors.rating = 'Choose the stars, 1 to 5.';
  const author = v.authorName.trim();
  if (!author || author.length > 200) errors.authorName = 'Author must be 1 to 200 characters.';
  if (v.text.length > MAX_TEXT) errors.text = 'The text must be at most 5,000 characters.';
  const posted = fromLocalInput(v.postedAt);
  if (!posted) errors.postedAt = 'Enter when it was posted.';
  else if (Date.parse(posted) > now + 60_000) errors.postedAt = 'The posting time must not be in the future.';
  const url = v.url.trim();
  if (url && !/^https?:\/\/[^\s/]+\S*$/i.test(url)) errors.url = 'Enter an http or https link, e.g. https://g.page/r/…';
  return errors;
}

const text = (s: string) => s.trim() || null;

export function createReviewInput(v: ReviewFormValues): CreateReviewInput {
  const input: CreateReviewInput = { platform: v.platform, rating: Number(v.rating), authorName: v.authorName.trim() };
  if (text(v.text)) input.text = v.text.trim();
  const posted = fromLocalInput(v.postedAt);
  if (posted) input.postedAt = posted;
  if (text(v.url)) input.url = v.url.trim();
  if (v.customer) input.customerId = v.customer.id;
  if (v.projectId) input.projectId = v.projectId;
  return input;
}

/** Every detail the form shows (text and link null when cleared); the posting time only when it was changed. */
export function updateReviewInput(review: ReviewForm_ReviewFragment, v: ReviewFormValues): UpdateReviewInput {
  const input: UpdateReviewInput = {
    id: review.id,
    platform: v.platform,
    rating: Number(v.rating),
    authorName: v.authorName.trim(),
    text: text(v.text),
    url: text(v.url),
  };
  const posted = fromLocalInput(v.postedAt);
  if (posted && v.postedAt !== toLocalInput(review.postedAt)) input.postedAt = posted;
  return input;
}
