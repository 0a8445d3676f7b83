import { useId } from 'react';
import type { ReviewPlatform, ReviewStatus } from '../../gql/graphql';
import { NARROW_QUERY, useMediaQuery } from '../../lib/useMediaQuery';
import { Button, CollapsibleFilters, OrderSelect, SearchBox, Select, StatusTrashSelect } from '../../ui';
import type { ReviewListState } from './listParams';
import { PLATFORM_OPTIONS, RATINGS, STATUS_OPTIONS } from './reviewFormat';
import styles from './ReviewsToolbar.module.css';

const SORT_OPTIONS = [
  { value: 'POSTED_AT:DESC', label: 'Newest first' },
  { value: 'POSTED_AT:ASC', label: 'Oldest first' },
  { value: 'RATING:DESC', label: 'Most stars first' },
  { value: 'RATING:ASC', label: 'Fewest stars first' },
];

/** Star choices for a bound: the ones that would leave the range empty are disabled. */
const ratingOptions = (allowed: (n: number) => boolean) =>
  RATINGS.map((n) => ({ value: String(n), label: `${n} star${n === 1 ? '' : 's'}`, disabled: !allowed(n) }));

export interface ReviewsToolbarProps {
  state: ReviewListState;
  search: { text: string; setText: (text: string) => void; flush: () => void };
  onChange: (patch: Partial<ReviewListState>) => void;
  /** Admins and managers may look in the trash. */
  seesTrash: boolean;
  filtered: boolean;
  onClear: () => void;
}

/** The reviews list's search, platform, star range, status (and trash) and, on phones, order. */
export function ReviewsToolbar({ state, search, onChange, seesTrash, filtered, onClear }: ReviewsToolbarProps) {
  const phone = useMediaQuery(NARROW_QUERY);
  const filtersId = useId();
  const count = [state.platform, state.minRating, state.maxRating, state.status, state.deleted].filter(Boolean).length;
  const stars = (value: string) => (value ? Number(value) : null);
  return (
    <div className={styles.toolbar} role="search" aria-label="Reviews">
      <SearchBox search={search} className={styles.search} placeholder="Author or words in the review" />
      <CollapsibleFilters id={filtersId} count={count} collapsed={phone} className={styles.filters}>
        <Select
          label="Platform"
          className={styles.filter}
          value={state.platform ?? ''}
          placeholder="All platforms"
          options={PLATFORM_OPTIONS}
          onChange={(e) => onChange({ platform: (e.target.value || null) as ReviewPlatform | null })}
        />
        <Select
          label="At least"
          className={styles.filter}
          value={state.minRating ? String(state.minRating) : ''}
          placeholder="Any rating"
          options={ratingOptions((n) => !state.maxRating || n <= state.maxRating)}
          onChange={(e) => onChange({ minRating: stars(e.target.value) })}
        />
        <Select
          label="At most"
          className={styles.filter}
          value={state.maxRating ? String(state.maxRating) : ''}
          placeholder="Any rating"
          options={ratingOptions((n) => !state.minRating || n >= state.minRating)}
          onChange={(e) => onChange({ maxRating: stars(e.target.value) })}
        />
        <StatusTrashSelect<ReviewStatus>
          className={styles.filter}
          options={STATUS_OPTIONS}
          status={state.status}
          deleted={state.deleted}
          seesTrash={seesTrash}
          onChange={onChange}
        />
        <OrderSelect className={styles.sortSelect} options={SORT_OPTIONS} order={state.order} onChange={(order) => onChange({ order })} />
        {(filtered || search.text) && (
          <Button variant="ghost" onClick={onClear}>
            Clear filters
          </Button>
        )}
      </CollapsibleFilters>
    </div>
  );
}
