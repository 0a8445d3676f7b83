import type { ReactNode } from 'react';
import { Button } from './Button';
import { Spinner } from './Spinner';
import { EmptyState, ErrorState } from './States';

export interface ListBodyProps<L extends { totalCount: number }> {
  /** The page of the list shown (undefined until the first answer). */
  list: L | null | undefined;
  /** Why the list could not be loaded (shown when there is no list to show). */
  error?: { message: string } | null;
  onRetry: () => void;
  /** `Loading customers…`. */
  loadingLabel: string;
  /** `The customers could not be loaded`. */
  errorTitle: string;
  /** Search or filters narrow the list: an empty list "matches nothing" (with "Clear filters") instead of being empty. */
  filtered: boolean;
  /** What an empty, unfiltered list shows. */
  empty: ReactNode;
  /** What a filtered list with no rows says. */
  noMatch: { title: string; description: string };
  onClear: () => void;
  /** Another search or filter is loading while the previous rows show: do not call the list empty yet. */
  changing?: boolean;
  children: (list: L) => ReactNode;
}

/** The body of a list page: a spinner, the load error, the empty or no-match state, or the rows (`children`). */
export function ListBody<L extends { totalCount: number }>(props: ListBodyProps<L>) {
  const { list, error, onRetry, filtered, noMatch, onClear, changing = false } = props;
  if (!list) {
    return error ? <ErrorState title={props.errorTitle} error={error} onRetry={onRetry} /> : <Spinner label={props.loadingLabel} />;
  }
  if (list.totalCount === 0 && !changing) {
    if (!filtered) return props.empty;
    const clear = <Button onClick={onClear}>Clear filters</Button>;
    return <EmptyState icon="search" title={noMatch.title} description={noMatch.description} action={clear} />;
  }
  return props.children(list);
}
