import { getFragmentData, type FragmentType } from '../../gql';
import type { LeadCard_LeadFragment, LeadStatus, LeadsBoardQuery as Board } from '../../gql/graphql';
import { BoardListFragment, listKey } from './boardQuery';
import { LeadCardFragment } from './LeadCard';
import { BOARD_STATUSES, isClosed } from './statuses';

export interface BoardCard {
  ref: FragmentType<typeof LeadCardFragment>;
  lead: LeadCard_LeadFragment;
}

export interface BoardColumn {
  status: LeadStatus;
  /** Leads of this stage on the server, loaded or not. */
  totalCount: number;
  cards: BoardCard[];
  /** Sum of the shown cards' estimated values, in dollars. */
  value: number;
}

const byScore = (a: BoardCard, b: BoardCard) => b.lead.score - a.lead.score;
const byRecent = (a: BoardCard, b: BoardCard) => b.lead.updatedAt.localeCompare(a.lead.updatedAt);

/**
 * Groups every loaded lead by its current status (not by the list it was loaded in), so a card whose status
 * changed in the cache (a move, optimistic or live) shows in its new column straight away.
 */
export function boardColumns(board: Board): BoardColumn[] {
  const cards = new Map<string, BoardCard>();
  const totals = new Map<LeadStatus, number>();
  for (const status of BOARD_STATUSES) {
    const list = getFragmentData(BoardListFragment, board[listKey(status)]);
    totals.set(status, list.totalCount);
    for (const { node } of list.edges) cards.set(node.id, { ref: node, lead: getFragmentData(LeadCardFragment, node) });
  }
  return BOARD_STATUSES.map((status) => {
    const inColumn = [...cards.values()].filter((c) => c.lead.status === status);
    inColumn.sort(isClosed(status) ? byRecent : byScore);
    return {
      status,
      totalCount: totals.get(status) ?? 0,
      cards: inColumn,
      value: inColumn.reduce((sum, c) => sum + (Number(c.lead.estimatedValue) || 0), 0),
    };
  });
}
