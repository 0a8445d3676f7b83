import { getFragmentData, graphql, makeFragmentData } from '../../gql';
import type { LeadStatus, LeadsBoardQuery as Board } from '../../gql/graphql';

export const BoardListFragment = graphql(`
  fragment LeadsBoard_list on LeadConnection {
    totalCount
    edges {
      node { id ...LeadCard_lead }
    }
  }
`);

/**
 * One list per column (up to 100 leads each): open stages by score, closed ones by last change. Cards are shown in
 * the column of their current status, so a moved card changes column as soon as its status changes in the cache.
 */
export const LeadsBoardQuery = graphql(`
  query LeadsBoard($first: Int!) {
    new: leads(first: $first, filter: { statuses: [NEW] }, orderBy: { field: SCORE }) {
      ...LeadsBoard_list
    }
    contacted: leads(first: $first, filter: { statuses: [CONTACTED] }, orderBy: { field: SCORE }) {
      ...LeadsBoard_list
    }
    inspectionScheduled: leads(first: $first, filter: { statuses: [INSPECTION_SCHEDULED] }, orderBy: { field: SCORE }) {
      ...LeadsBoard_list
    }
    estimateSent: leads(first: $first, filter: { statuses: [ESTIMATE_SENT] }, orderBy: { field: SCORE }) {
      ...LeadsBoard_list
    }
    won: leads(first: $first, filter: { statuses: [WON] }, orderBy: { field: UPDATED_AT }) {
      ...LeadsBoard_list
    }
    lost: leads(first: $first, filter: { statuses: [LOST] }, orderBy: { field: UPDATED_AT }) {
      ...LeadsBoard_list
    }
  }
`);

export const BOARD_QUERY_VARIABLES = { first: 100 };

type ListKey = Exclude<keyof Board, '__typename'>;

const KEYS: Record<LeadStatus, ListKey> = {
  NEW: 'new',
  CONTACTED: 'contacted',
  INSPECTION_SCHEDULED: 'inspectionScheduled',
  ESTIMATE_SENT: 'estimateSent',
  WON: 'won',
  LOST: 'lost',
};

/** The alias of the list that holds leads of `status`. */
export const listKey = (status: LeadStatus): ListKey => KEYS[status];

/** The board with `delta` added to the total of the list of `status` (a card moved in or out). */
export function adjustTotal(board: Board, status: LeadStatus, delta: number): Board {
  const key = listKey(status);
  const list = getFragmentData(BoardListFragment, board[key]);
  const adjusted = makeFragmentData({ ...list, totalCount: Math.max(0, list.totalCount + delta) }, BoardListFragment);
  return { ...board, [key]: adjusted };
}
