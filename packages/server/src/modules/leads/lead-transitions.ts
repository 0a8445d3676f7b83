import type { LeadStatus, ProjectType } from '../../generated/graphql';

/** The sales pipeline: for each stage, the stages a lead may move to next (see `LeadStatus` in the SDL). */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  NEW: ['CONTACTED', 'LOST'],
  CONTACTED: ['INSPECTION_SCHEDULED', 'NEW', 'LOST'],
  INSPECTION_SCHEDULED: ['ESTIMATE_SENT', 'CONTACTED', 'LOST'],
  ESTIMATE_SENT: ['WON', 'INSPECTION_SCHEDULED', 'LOST'],
  WON: [],
  LOST: ['NEW'],
};

/**
 * Kinds of work a salesperson may quote on the first visit, so their leads may go from CONTACTED straight to
 * ESTIMATE_SENT (the inspection is skipped, never the estimate: every WON lead was sent an estimate, so the price is on
 * record and the funnel's "Estimate sent" includes every win). A small repair is seen and priced on the spot; a
 * replacement, storm or insurance job needs the booked inspection.
 */
export const QUOTED_ON_FIRST_VISIT: readonly ProjectType[] = ['REPAIR'];

/** The stages as people say them (the web app's labels): `INSPECTION_SCHEDULED` → `Inspection scheduled`. */
export const LEAD_STAGE_NAMES: Readonly<Record<LeadStatus, string>> = {
  NEW: 'New',
  CONTACTED: 'Contacted',
  INSPECTION_SCHEDULED: 'Inspection scheduled',
  ESTIMATE_SENT: 'Estimate sent',
  WON: 'Won',
  LOST: 'Lost',
};

/** What the pipeline needs to know about a lead: its stage and the kind of work. */
export interface PipelineLead {
  status: LeadStatus;
  projectType?: ProjectType | null;
}

const skipsInspection = (lead: PipelineLead) => lead.projectType != null && QUOTED_ON_FIRST_VISIT.includes(lead.projectType);

/** The stages `lead` may move to now, forward moves first. */
export function leadMoves(lead: PipelineLead): LeadStatus[] {
  const moves = [...LEAD_TRANSITIONS[lead.status]];
  if (lead.status === 'CONTACTED' && skipsInspection(lead)) moves.splice(1, 0, 'ESTIMATE_SENT');
  return moves;
}

export const canMoveLead = (lead: PipelineLead, to: LeadStatus): boolean => leadMoves(lead).includes(to);

/** `a`, `a or b`, `a, b or c`. */
const orList = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`);

/** Why a move is refused, in stage names, with what the lead may do instead; null when it is allowed. */
export function leadTransitionError(lead: PipelineLead, to: LeadStatus): string | null {
  if (canMoveLead(lead, to)) return null;
  const [from, target] = [LEAD_STAGE_NAMES[lead.status], LEAD_STAGE_NAMES[to]];
  if (lead.status === to) return `The lead is already at ${from}.`;
  if (lead.status === 'WON') return `A lead cannot move from ${from} to ${target}: Won is final.`;
  let why = '';
  if (to === 'WON') why = ': a lead is won only after an estimate was sent';
  else if (to === 'ESTIMATE_SENT' && lead.status === 'CONTACTED') why = ': only repairs may be quoted without an inspection';
  const next = orList(leadMoves(lead).map((s) => LEAD_STAGE_NAMES[s]));
  return `A lead cannot move from ${from} to ${target}${why}. From ${from} it can move to ${next}.`;
}
