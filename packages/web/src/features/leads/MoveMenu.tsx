import { useCallback, useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { LeadStatus } from '../../gql/graphql';
import { cx, useAnchoredPosition, useDismiss } from '../../ui';
import popover from '../../ui/popover.module.css';
import { moveLabel } from './statuses';
import styles from './MoveMenu.module.css';

export interface MoveMenuProps {
  /** The lead's name, for the button's and the menu's labels. */
  name: string;
  from: LeadStatus;
  /** The stages the server lets the viewer move the lead to (its `allowedStatuses`), and only those. */
  targets: readonly LeadStatus[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onMove: (to: LeadStatus) => void;
  /** Puts focus back on the card (Escape, or before a move). */
  onReturnFocus: () => void;
  disabled?: boolean;
}

/**
 * A card's "Move" menu button and the menu it opens (menu button pattern: the first item is focused, arrows move,
 * Escape closes). The button is no tab stop of its own (the card is; M on the card opens the menu), and the menu is
 * fixed to the window beside the button (under it, else above, always inside the window) so a scrolling column cannot
 * clip it.
 */
export function MoveMenu({ name, from, targets, open, onOpenChange, onMove, onReturnFocus, disabled = false }: MoveMenuProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const menuId = useId();
  // Stable, so the effect below runs when the menu opens, not on every render of the card.
  const onOpenChangeRef = useRef(onOpenChange);
  onOpenChangeRef.current = onOpenChange;
  const close = useCallback(() => onOpenChangeRef.current(false), []);
  useDismiss(ref, open, close);
  const position = useAnchoredPosition(open, button, menu, 'below-end');

  useLayoutEffect(() => {
    if (!open) return;
    const rect = button.current?.getBoundingClientRect();
    // Not scrolled to: the menu is fixed to the window already.
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus({ preventScroll: true });
    // A fixed menu would stay behind when its column or the page scrolls the button away: close it then (a scroll
    // event that comes late, from before it opened, moves nothing and keeps it open).
    const onScroll = () => {
      const now = button.current?.getBoundingClientRect();
      if (!rect || !now || Math.abs(now.top - rect.top) > 1 || Math.abs(now.left - rect.left) > 1) close();
    };
    document.addEventListener('scroll', onScroll, true);
    return () => document.removeEventListener('scroll', onScroll, true);
  }, [open, close]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(e.target as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus({ preventScroll: true });
    e.stopPropagation(); // the board's arrow keys are not for the menu
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(items.length - 1);
    else if (e.key === 'Escape') {
      onReturnFocus();
      close();
    } else if (e.key === 'Tab') {
      onReturnFocus(); // then Tab goes on from the card, as from any card
      close();
      return;
    } else return;
    e.preventDefault();
  };

  return (
    <span ref={ref} className={styles.anchor}>
      <button
        ref={button}
        type="button"
        tabIndex={-1}
        className={styles.button}
        aria-label={`Move ${name} to…`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => onOpenChange(!open)}
      >
        Move <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={`Move ${name} to`}
          className={cx(popover.popover, styles.menu)}
          style={position}
          onKeyDown={onKeyDown}
        >
          {targets.map((to) => (
            <button
              key={to}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className={styles.item}
              onClick={() => {
                onReturnFocus();
                close();
                onMove(to);
              }}
            >
              {moveLabel(from, to)}
            </button>
          ))}
        </div>
      )}
    </span>
  );
}
