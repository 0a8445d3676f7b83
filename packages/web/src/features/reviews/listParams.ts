import type { ReviewFilter, ReviewOrder, ReviewOrderField, ReviewPlatform, ReviewStatus, SortDirection } from '../../gql/graphql';
import { REVIEW_PLATFORMS, REVIEW_STATUSES } from './reviewFormat';

/**
 * What the reviews list shows, kept in the URL like the other lists:
 * `?q=leak&platform=GOOGLE&min=1&max=3&status=FLAGGED&deleted=1&sort=rating&dir=asc`.
 */
export interface ReviewListState {
  search: string;
  platform: ReviewPlatform | null;
  /** Stars, 1 to 5. */
  minRating: number | null;
  maxRating: number | null;
  status: ReviewStatus | null;
  deleted: boolean;
  order: { field: ReviewOrderField; direction: SortDirection };
}

const SORT_PARAM: Record<ReviewOrderField, string> = { POSTED_AT: 'posted', RATING: 'rating' };

/** Newest posted first, as the server orders when no order is given. */
export const DEFAULT_ORDER: ReviewListState['order'] = { field: 'POSTED_AT', direction: 'DESC' };

/** Both start from the top: newest first, most stars first. */
const NATURAL_DIRECTION: SortDirection = 'DESC';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | null =>
  values.find((v) => v === value) ?? null;

/** A star count from the URL (1 to 5), or null. */
function stars(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

export function readReviewList(params: URLSearchParams): ReviewListState {
  const field = (Object.keys(SORT_PARAM) as ReviewOrderField[]).find((f) => SORT_PARAM[f] === params.get('sort'));
  const dir = params.get('dir');
  const direction: SortDirection | null = dir === 'asc' ? 'ASC' : dir === 'desc' ? 'DESC' : null;
  return {
    search: params.get('q')?.trim() ?? '',
    platform: oneOf(REVIEW_PLATFORMS, params.get('platform')),
    minRating: stars(params.get('min')),
    maxRating: stars(params.get('max')),
    status: oneOf(REVIEW_STATUSES, params.get('status')),
    deleted: params.get('deleted') === '1',
    order: field ? { field, direction: direction ?? NATURAL_DIRECTION } : DEFAULT_ORDER,
  };
}

export function writeReviewList(state: ReviewListState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.search) p.set('q', state.search);
  if (state.platform) p.set('platform', state.platform);
  if (state.minRating) p.set('min', String(state.minRating));
  if (state.maxRating) p.set('max', String(state.maxRating));
  if (state.status) p.set('status', state.status);
  if (state.deleted) p.set('deleted', '1');
  const { field, direction } = state.order;
  if (field !== DEFAULT_ORDER.field || direction !== DEFAULT_ORDER.direction) {
    p.set('sort', SORT_PARAM[field]);
    if (direction !== NATURAL_DIRECTION) p.set('dir', direction.toLowerCase());
  }
  return p;
}

/** The `filter` argument: only the conditions that are set, so equal lists share a cache entry. */
export function reviewFilterOf(state: ReviewListState): ReviewFilter {
  const filter: ReviewFilter = {};
  if (state.search) filter.search = state.search;
  if (state.platform) filter.platforms = [state.platform];
  if (state.status) filter.statuses = [state.status];
  if (state.minRating) filter.minRating = state.minRating;
  if (state.maxRating) filter.maxRating = state.maxRating;
  if (state.deleted) filter.deleted = true;
  return filter;
}

export const reviewOrderOf = (state: ReviewListState): ReviewOrder => ({ ...state.order });

/** The same column flips direction; another starts from the top (newest, most stars). */
export function toggledReviewOrder(current: ReviewListState['order'], field: ReviewOrderField): ReviewListState['order'] {
  if (current.field === field) return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
  return { field, direction: NATURAL_DIRECTION };
}

/** Whether search or a filter narrows the list. */
export const isReviewListFiltered = (s: ReviewListState) =>
  Boolean(s.search || s.platform || s.minRating || s.maxRating || s.status || s.deleted);
