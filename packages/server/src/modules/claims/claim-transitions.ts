import type { ClaimStatus } from '../../generated/graphql';

/** The claim's road (see `ClaimStatus` in the SDL): for each stage, the stages it may move to, forward moves first. */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  FILED: ['INSPECTION_SCHEDULED', 'INSPECTED', 'CLOSED'],
  INSPECTION_SCHEDULED: ['INSPECTED', 'FILED', 'CLOSED'],
  INSPECTED: ['APPROVED', 'PARTIALLY_APPROVED', 'DENIED', 'INSPECTION_SCHEDULED', 'CLOSED'],
  APPROVED: ['SUPPLEMENT_REQUESTED', 'PAID', 'INSPECTED', 'CLOSED'],
  PARTIALLY_APPROVED: ['SUPPLEMENT_REQUESTED', 'PAID', 'INSPECTED', 'CLOSED'],
  DENIED: ['SUPPLEMENT_REQUESTED', 'CLOSED'],
  SUPPLEMENT_REQUESTED: ['SUPPLEMENT_APPROVED', 'PAID', 'DENIED', 'CLOSED'],
  SUPPLEMENT_APPROVED: ['PAID', 'SUPPLEMENT_REQUESTED', 'CLOSED'],
  PAID: ['CLOSED', 'SUPPLEMENT_REQUESTED'],
  CLOSED: [],
};

/** How far along the road each stage is: a move to a lower rank is a step back. */
const RANK: Readonly<Record<ClaimStatus, number>> = {
  FILED: 0,
  INSPECTION_SCHEDULED: 1,
  INSPECTED: 2,
  APPROVED: 3,
  PARTIALLY_APPROVED: 3,
  DENIED: 3,
  SUPPLEMENT_REQUESTED: 4,
  SUPPLEMENT_APPROVED: 5,
  PAID: 6,
  CLOSED: 7,
};

/** The stages as people say them. */
export const CLAIM_STAGE_NAMES: Readonly<Record<ClaimStatus, string>> = {
  FILED: 'Filed',
  INSPECTION_SCHEDULED: 'Inspection scheduled',
  INSPECTED: 'Inspected',
  APPROVED: 'Approved',
  PARTIALLY_APPROVED: 'Partially approved',
  DENIED: 'Denied',
  SUPPLEMENT_REQUESTED: 'Supplement requested',
  SUPPLEMENT_APPROVED: 'Supplement approved',
  PAID: 'Paid',
  CLOSED: 'Closed',
};

export const canMoveClaim = (from: ClaimStatus, to: ClaimStatus): boolean => CLAIM_TRANSITIONS[from].includes(to);

/** Whether a move needs a reason: to DENIED or CLOSED, and every step back. */
export const needsReason = (from: ClaimStatus, to: ClaimStatus): boolean => to === 'DENIED' || to === 'CLOSED' || RANK[to] < RANK[from];

/** `a`, `a or b`, `a, b or c`. */
const orList = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`);

/** Why a move is refused, in stage names, with what the claim may do instead; null when it is allowed. */
export function claimTransitionError(from: ClaimStatus, to: ClaimStatus): string | null {
  if (canMoveClaim(from, to)) return null;
  const [a, b] = [CLAIM_STAGE_NAMES[from], CLAIM_STAGE_NAMES[to]];
  if (from === to) return `The claim is already ${a}.`;
  if (from === 'CLOSED') return `A claim cannot move from ${a} to ${b}: Closed is final.`;
  const next = orList(CLAIM_TRANSITIONS[from].map((s) => CLAIM_STAGE_NAMES[s]));
  return `A claim cannot move from ${a} to ${b}. From ${a} it can move to ${next}.`;
}
