import { useEffect, useState } from 'react';
import { useLocation, useSearchParams, type NavigateOptions } from 'react-router';
import { useDebouncedValue } from './useDebouncedValue';

/**
 * The building blocks of a list page (customers, leads, projects, the communication log): its state in the URL, a
 * search box that reaches the URL once typing pauses, and "Load more". The page's body is `ui/ListBody`.
 */

/** A list's state read from and written to the URL (`write` leaves out what equals the defaults). */
export function useUrlState<S>(read: (params: URLSearchParams) => S, write: (state: S) => URLSearchParams) {
  const [params, setParams] = useSearchParams();
  const state = read(params);
  /** Changes part of the state, replacing the history entry unless told otherwise. */
  const update = (patch: Partial<S>, options: NavigateOptions = { replace: true }) =>
    setParams(write({ ...state, ...patch }), options);
  /** Back to the defaults (an empty query string). */
  const reset = (options: NavigateOptions = { replace: true }) => setParams(new URLSearchParams(), options);
  return { state, params, update, reset, setParams };
}

/**
 * A detail page's way back to its list (`/customers`): the list as the user left it when they came from it (its
 * rows link with `state={{ listSearch }}`).
 */
export function useBackToList(listPath: string): string {
  const state = useLocation().state as { listSearch?: string } | null;
  return `${listPath}${state?.listSearch ?? ''}`;
}

export interface SearchBoxOptions {
  /** How long typing must pause before the text is committed (ms). */
  debounceMs?: number;
  /** What is committed and compared with the URL's value (e.g. trimmed). */
  normalize?: (text: string) => string;
}

/**
 * A search box over the URL's search value: the box types freely; once typing pauses, `commit` puts the text in the
 * URL (and so in the query). When the URL changes under the box (back button, a link, "Clear filters") the box shows
 * the URL's value.
 */
export function useSearchBox(urlValue: string, commit: (text: string) => void, options: SearchBoxOptions = {}) {
  const { debounceMs = 300, normalize = (t: string) => t } = options;
  const [text, setText] = useState(urlValue);
  const settled = useDebouncedValue(text, debounceMs);
  useEffect(() => {
    if (normalize(settled) !== urlValue) commit(normalize(settled));
    // Only a settled change of the text commits; the URL's value is read fresh on that render.
  }, [settled]);
  useEffect(() => {
    if (normalize(settled) !== urlValue) setText(urlValue);
    // Only a change of the URL's value moves the box.
  }, [urlValue]);
  return {
    text,
    setText,
    /** Commits the text now (Enter), instead of waiting for the pause. */
    flush: () => {
      if (normalize(text) !== urlValue) commit(normalize(text));
    },
  };
}

interface Paged {
  pageInfo: { endCursor?: string | null };
}

interface Page {
  totalCount: number;
  edges: ReadonlyArray<unknown>;
  pageInfo: { hasNextPage: boolean };
}

/** "Load more": fetches the page after the list's last cursor; `error` says why the last attempt failed. */
export function useLoadMore(list: Paged | undefined, fetchMore: (options: { variables: { after: string } }) => Promise<unknown>) {
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loadMore = async () => {
    const after = list?.pageInfo.endCursor;
    if (!after) return;
    setError(null);
    setLoading(true);
    try {
      await fetchMore({ variables: { after } });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'the server could not be reached');
    } finally {
      setLoading(false);
    }
  };
  return {
    loading,
    error,
    loadMore: () => void loadMore(),
    /** `ui/ListFooter`'s count and button for the list shown: `<ListFooter {...more.footer(list)} />`. */
    footer: (page: Page) => ({
      shown: page.edges.length,
      total: page.totalCount,
      hasMore: page.pageInfo.hasNextPage,
      loading,
      onLoadMore: () => void loadMore(),
    }),
  };
}
