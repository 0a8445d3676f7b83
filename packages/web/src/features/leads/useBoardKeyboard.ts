import { useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { LeadStatus } from '../../gql/graphql';
import type { BoardColumn } from './columns';

/** The data attributes the board's keyboard use finds columns, cards and card links by. */
export const COLUMN_SELECTOR = '[data-status]';
export const CARD_SELECTOR = '[data-lead-id]';
export const CARD_LINK_SELECTOR = '[data-card-link]';

/** What the keys do, read to screen readers with each card (aria-describedby) and shown by the board's header. */
export const BOARD_KEYS_HINT =
  'Up and down arrows move between the cards of a stage, left and right arrows to the next stage, Home and End to ' +
  'its first and last card. Enter opens the lead, M opens its Move menu, S shows why it has its score.';

const links = (root: Element) => [...root.querySelectorAll<HTMLElement>(CARD_LINK_SELECTOR)];

/** The card link a key moves focus to from the `index`-th card of `column`, if any. */
function destination(key: string, board: HTMLElement, column: Element, index: number): HTMLElement | undefined {
  const inColumn = links(column);
  switch (key) {
    case 'ArrowDown':
      return inColumn[index + 1];
    case 'ArrowUp':
      return inColumn[index - 1];
    case 'Home':
      return inColumn[0];
    case 'End':
      return inColumn.at(-1);
    case 'ArrowLeft':
    case 'ArrowRight': {
      // The next stage that shows cards (collapsed and empty ones are passed over), at the same height if it can.
      const shown = [...board.querySelectorAll(COLUMN_SELECTOR)].filter((c) => c === column || links(c).length > 0);
      const next = shown[shown.indexOf(column) + (key === 'ArrowRight' ? 1 : -1)];
      if (!next) return undefined;
      const cards = links(next);
      return cards[Math.min(index, cards.length - 1)];
    }
    case 'Escape':
      return inColumn[index]; // from the score or the move button back to the card
    default:
      return undefined;
  }
}

/**
 * Keyboard use of the board. Each column is one tab stop: the card last focused in it, else its first (a roving
 * tabindex), and each card is one stop, its link; arrows move between cards and stages (see BOARD_KEYS_HINT). Put
 * `onFocus` and `onKeyDown` on the board; `isTabStop` says which card of a column takes Tab.
 */
export function useBoardKeyboard(columns: readonly BoardColumn[]) {
  const [focused, setFocused] = useState<Partial<Record<LeadStatus, string>>>({});
  const stops = new Map(
    columns.map((c) => {
      const last = focused[c.status];
      return [c.status, c.cards.some((card) => card.lead.id === last) ? last : c.cards[0]?.lead.id];
    }),
  );

  const isTabStop = (status: LeadStatus, leadId: string) => stops.get(status) === leadId;

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    const card = (e.target as HTMLElement).closest<HTMLElement>(CARD_SELECTOR);
    const status = card?.closest<HTMLElement>(COLUMN_SELECTOR)?.dataset.status as LeadStatus | undefined;
    const id = card?.dataset.leadId;
    if (status && id && focused[status] !== id) setFocused((f) => ({ ...f, [status]: id }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const from = e.target as HTMLElement;
    const card = from.closest(CARD_SELECTOR);
    const column = card?.closest(COLUMN_SELECTOR);
    if (!card || !column || from.closest('[role="menu"]')) return;
    const index = links(column).findIndex((link) => card.contains(link));
    const to = destination(e.key, e.currentTarget, column, index);
    if (!to || to === from) return;
    e.preventDefault();
    to.focus();
  };

  return { isTabStop, onFocus, onKeyDown };
}
