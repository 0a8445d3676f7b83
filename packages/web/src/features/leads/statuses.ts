import type { LeadStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';

/** Board columns, in pipeline order. */
export const BOARD_STATUSES: readonly LeadStatus[] = [
  'NEW',
  'CONTACTED',
  'INSPECTION_SCHEDULED',
  'ESTIMATE_SENT',
  'WON',
  'LOST',
];

/** Closed columns list the most recently changed leads first; open ones the best scores first. */
export const isClosed = (status: LeadStatus) => status === 'WON' || status === 'LOST';

export const statusLabel = (status: LeadStatus) => enumLabel(status);

/** The label of a move button or menu entry: `Mark as won`, `Back to Contacted`, `Reopen`, `Move to Estimate sent`. */
export function moveLabel(from: LeadStatus, to: LeadStatus): string {
  if (to === 'LOST') return 'Mark as lost';
  if (to === 'WON') return 'Mark as won';
  if (from === 'LOST') return 'Reopen';
  return BOARD_STATUSES.indexOf(to) < BOARD_STATUSES.indexOf(from) ? `Back to ${statusLabel(to)}` : `Move to ${statusLabel(to)}`;
}

/** `a`, `a or b`, `a, b or c`. */
const orList = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`);

/**
 * Why a move the server does not offer (the lead's `allowedStatuses`, the one source of the rules) is not made, in
 * stage names, with the moves there are.
 */
export function refusedMoveText(from: LeadStatus, to: LeadStatus, allowed: readonly LeadStatus[]): string {
  const moves = allowed.length
    ? `From ${statusLabel(from)} it can move to ${orList(allowed.map(statusLabel))}.`
    : 'It cannot be moved from there.';
  return `It cannot move from ${statusLabel(from)} to ${statusLabel(to)}. ${moves}`;
}

/** Badge colour of a stage. */
export const statusTone = (status: LeadStatus) =>
  status === 'WON' ? 'success' : status === 'LOST' ? 'danger' : status === 'NEW' ? 'info' : 'neutral';
