import { useCallback, useSyncExternalStore } from 'react';

/** Whether `query` matches now, following changes (false where `matchMedia` is missing, e.g. jsdom). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones and narrow windows: cards instead of tables. */
export const PHONE_QUERY = '(max-width: 720px)';

/** Where the customers and leads lists fold their filters (their CSS breaks at the same 700px; the customers table also
 * turns into cards there, the leads table at the phone width, 600px). */
export const NARROW_QUERY = '(max-width: 700px)';
