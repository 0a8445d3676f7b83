import type { MessageChannel, ReviewPlatform, ReviewRequestCancelReason, ReviewRequestStatus, ReviewStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import type { BadgeTone, SelectOption } from '../../ui';

/** The platforms, in menu order (as the SDL lists them). */
export const REVIEW_PLATFORMS: readonly ReviewPlatform[] = ['GOOGLE', 'FACEBOOK', 'YELP', 'BBB', 'ANGI', 'NEXTDOOR', 'INTERNAL'];

export const REVIEW_STATUSES: readonly ReviewStatus[] = ['NEW', 'RESPONDED', 'FLAGGED'];

const PLATFORM_LABEL: Record<ReviewPlatform, string> = {
  GOOGLE: 'Google',
  FACEBOOK: 'Facebook',
  YELP: 'Yelp',
  BBB: 'BBB',
  ANGI: 'Angi',
  NEXTDOOR: 'Nextdoor',
  INTERNAL: 'Internal',
};

/** `BBB` → `BBB`, `GOOGLE` → `Google`. */
export const platformLabel = (platform: ReviewPlatform) => PLATFORM_LABEL[platform];

export const PLATFORM_OPTIONS: readonly SelectOption[] = REVIEW_PLATFORMS.map((p) => ({ value: p, label: platformLabel(p) }));
export const STATUS_OPTIONS: readonly SelectOption[] = REVIEW_STATUSES.map((s) => ({ value: s, label: enumLabel(s) }));

/** 1 to 5 stars, as a menu. */
export const RATINGS = [1, 2, 3, 4, 5] as const;

export const STATUS_TONE: Record<ReviewStatus, BadgeTone> = { NEW: 'info', RESPONDED: 'success', FLAGGED: 'warning' };

/** A review request's badge colour: waiting (neutral, info), answered, expired unanswered, never sent, withdrawn. */
export const REQUEST_STATUS_TONE: Record<ReviewRequestStatus, BadgeTone> = {
  SCHEDULED: 'neutral',
  SENT: 'info',
  ANSWERED: 'success',
  EXPIRED: 'warning',
  NOT_SENT: 'danger',
  CANCELLED: 'neutral',
};

const CANCELLED_BECAUSE: Record<Exclude<ReviewRequestCancelReason, 'CONSENT_WITHDRAWN'>, string> = {
  PROJECT_CANCELLED: 'The project was cancelled',
  PROJECT_REOPENED: 'The project was moved back out of Completed',
  PROJECT_DELETED: 'The project was moved to the trash',
  CUSTOMER_DELETED: 'The customer was deleted',
};

/** Why a review request was cancelled, as a sentence: `The project was moved to the trash before it went out.` */
export function cancelReasonText(reason: ReviewRequestCancelReason | null | undefined, channel: MessageChannel | null | undefined): string {
  if (!reason) return 'It was withdrawn before it went out.';
  const why = reason === 'CONSENT_WITHDRAWN' ? `The customer opted out of ${channel === 'SMS' ? 'SMS' : 'e-mail'}` : CANCELLED_BECAUSE[reason];
  return `${why} before it went out.`;
}

/** `4 of 5 stars` (what screen readers hear for the stars). */
export const starsLabel = (rating: number) => `${rating} of 5 stars`;

/** The start of a review's text, cut at a word near `max` characters with an ellipsis. */
export function excerpt(text: string | null | undefined, max = 120): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

/** The share of 4–5 star reviews as a whole percentage (`87%`). */
export const shareLabel = (share: number) => `${Math.round(share * 100)}%`;

/** An average of stars with one decimal (`4.6`), or a dash without reviews. */
export const averageLabel = (average: number | null | undefined) => (average == null ? '—' : average.toFixed(1));
