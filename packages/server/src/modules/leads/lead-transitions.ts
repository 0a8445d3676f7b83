import type { LeadStatus } from '../../generated/graphql';

/** The sales pipeline: for each stage, the stages a lead may move to next (see `LeadStatus` in the SDL). */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  NEW: ['CONTACTED', 'LOST'],
  CONTACTED: ['INSPECTION_SCHEDULED', 'NEW', 'LOST'],
  INSPECTION_SCHEDULED: ['ESTIMATE_SENT', 'CONTACTED', 'LOST'],
  ESTIMATE_SENT: ['WON', 'INSPECTION_SCHEDULED', 'LOST'],
  WON: [],
  LOST: ['NEW'],
};

export const canMoveLead = (from: LeadStatus, to: LeadStatus): boolean => LEAD_TRANSITIONS[from].includes(to);

/** Why a move is refused, naming both stages; null when it is allowed. */
export function leadTransitionError(from: LeadStatus, to: LeadStatus): string | null {
  if (canMoveLead(from, to)) return null;
  const why = from === to ? ': it is already there' : from === 'WON' ? ': WON is final' : '';
  return `A lead cannot move from ${from} to ${to}${why}.`;
}
