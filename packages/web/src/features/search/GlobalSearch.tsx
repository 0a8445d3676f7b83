import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Role } from '../../gql/graphql';
import { Icon } from '../../ui';
import styles from './SearchPalette.module.css';

const SearchPalette = lazy(() => import('./SearchPalette').then((m) => ({ default: m.SearchPalette })));

/** Whether a key press is the global search shortcut: Ctrl-K, or ⌘K on a Mac. */
export const isSearchShortcut = (e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>) =>
  e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;

const onMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * The app shell's search: a button in the top bar and the Ctrl/Cmd-K shortcut anywhere, both opening the palette
 * (loaded on first use). Closing it puts the focus back where it was.
 */
export function GlobalSearch({ role }: { role: Role }) {
  const [open, setOpen] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);
  const show = useCallback(() => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }, []);
  const hide = useCallback(() => {
    setOpen(false);
    queueMicrotask(() => returnTo.current?.focus());
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      if (open) hide();
      else show();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open, show, hide]);

  return (
    <>
      <button type="button" className={styles.trigger} onClick={show} aria-haspopup="dialog" aria-keyshortcuts="Control+K Meta+K" aria-label="Search">
        <Icon name="search" />
        <span className={styles.triggerText}>Search…</span>
        <kbd>{onMac() ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      {open && (
        <Suspense fallback={null}>
          <SearchPalette role={role} onClose={hide} />
        </Suspense>
      )}
    </>
  );
}
