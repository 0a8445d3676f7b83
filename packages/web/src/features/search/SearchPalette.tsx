import { useQuery } from '@apollo/client/react';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Role } from '../../gql/graphql';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { Icon, Spinner } from '../../ui';
import { GlobalSearchQuery } from './searchDocuments';
import { groupsOf, MIN_SEARCH_LENGTH, RESULTS_PER_KIND, type SearchOption } from './searchResults';
import styles from './SearchPalette.module.css';

/** How long typing must pause before the search is sent (ms). */
export const SEARCH_DEBOUNCE_MS = 150;

export interface SearchPaletteProps {
  role: Role;
  onClose: () => void;
}

/**
 * The global search (Ctrl/Cmd-K): a modal with a combobox over a grouped listbox (WAI-ARIA combobox pattern: focus stays
 * in the input, `aria-activedescendant` names the active result). ↑/↓ move through every result across the groups,
 * Enter opens the active one, Esc closes; Tab stays inside the dialog. Results come as typing pauses; the previous
 * ones stay (dimmed) while the next arrive.
 */
export function SearchPalette({ role, onClose }: SearchPaletteProps) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), listbox: useId(), status: useId(), option: useId() };
  const settled = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const searchable = settled.length >= MIN_SEARCH_LENGTH;
  const { data, previousData, loading, error } = useQuery(GlobalSearchQuery, {
    variables: { query: settled, first: RESULTS_PER_KIND },
    skip: !searchable,
    fetchPolicy: 'network-only',
  });
  const shown = searchable ? (data ?? previousData) : undefined;
  const groups = useMemo(() => groupsOf(shown?.search, role), [shown, role]);
  const options = useMemo(() => groups.flatMap((g) => g.options), [groups]);
  const stale = searchable && (loading || settled !== text.trim());

  useEffect(() => input.current?.focus(), []);
  // A new set of results starts at its first one.
  useEffect(() => setActive(0), [options]);
  useEffect(() => {
    const el = document.getElementById(`${ids.option}-${active}`);
    el?.scrollIntoView?.({ block: 'nearest' });
  }, [active, ids.option]);

  const open = (option: SearchOption | undefined) => {
    if (!option) return;
    onClose();
    navigate(option.href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const n = options.length;
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      setActive((i) => (i + 1) % n);
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      setActive((i) => (i - 1 + n) % n);
    } else if (e.key === 'Enter' && e.target === input.current) {
      e.preventDefault();
      open(options[active]);
    } else if (e.key === 'Tab') {
      // Focus trap: the dialog's two stops, the search box and the close button.
      e.preventDefault();
      (document.activeElement === input.current ? close.current : input.current)?.focus();
    }
  };

  let status: string;
  if (!searchable) status = text.trim() ? `Type at least ${MIN_SEARCH_LENGTH} characters.` : 'Search customers, leads, projects and partners by name, phone, e-mail or address.';
  else if (error && !shown) status = 'The search could not be run. Try again.';
  else if (!shown) status = 'Searching…';
  else if (!options.length) status = stale ? 'Searching…' : `Nothing matches “${settled}”.`;
  else status = `${options.length} ${options.length === 1 ? 'result' : 'results'}. Use the arrow keys and Enter to open one.`;

  let index = 0;
  return (
    <div className={styles.backdrop} onPointerDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={styles.palette} role="dialog" aria-modal="true" aria-labelledby={ids.title} onKeyDown={onKeyDown}>
        <h2 id={ids.title} className={styles.srOnly}>
          Search
        </h2>
        <div className={styles.inputRow}>
          <Icon name="search" />
          <input
            ref={input}
            className={styles.input}
            type="text"
            role="combobox"
            aria-label="Search customers, leads, projects and partners"
            aria-autocomplete="list"
            aria-expanded={options.length > 0}
            aria-controls={ids.listbox}
            aria-activedescendant={options.length ? `${ids.option}-${active}` : undefined}
            aria-describedby={ids.status}
            placeholder="Name, phone, e-mail or address"
            autoComplete="off"
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {stale && <Spinner inline />}
          <button ref={close} type="button" className={styles.close} aria-label="Close search" onClick={onClose}>
            <kbd>Esc</kbd>
          </button>
        </div>
        <div id={ids.listbox} role="listbox" aria-label="Results" className={styles.results} aria-busy={stale || undefined}>
          {groups.map((g) => (
            <div key={g.kind} role="group" aria-labelledby={`${ids.listbox}-${g.kind}`} className={styles.group}>
              <div id={`${ids.listbox}-${g.kind}`} role="presentation" className={styles.groupLabel}>
                {g.label}
              </div>
              {g.options.map((o) => {
                const i = index++;
                return (
                  <div
                    key={o.key}
                    id={`${ids.option}-${i}`}
                    role="option"
                    aria-selected={i === active}
                    className={styles.option}
                    data-kind={o.kind}
                    onPointerMove={() => i !== active && setActive(i)}
                    onPointerDown={(e) => e.preventDefault()}
                    onClick={() => open(o)}
                  >
                    <span className={styles.title}>{o.title}</span>
                    <span className={styles.detail}>{o.detail}</span>
                    {o.match && <span className={styles.match}>{o.match}</span>}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <p id={ids.status} className={styles.status} aria-live="polite">
          {status}
        </p>
      </div>
    </div>
  );
}
