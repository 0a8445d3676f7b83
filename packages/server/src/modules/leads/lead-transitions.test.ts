import type { LeadStatus, ProjectType } from '../../generated/graphql';
import { LEAD_STAGE_NAMES, LEAD_TRANSITIONS, canMoveLead, leadMoves, leadTransitionError } from './lead-transitions';

const ALL: LeadStatus[] = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON', 'LOST'];
const TYPES: Array<ProjectType | null> = [null, 'FULL_REPLACEMENT', 'REPAIR', 'GUTTERS', 'SIDING', 'INSPECTION', 'STORM_DAMAGE', 'OTHER'];

/** Every allowed move, exactly as the `LeadStatus` description in the SDL states them. */
const ALLOWED = new Set([
  'NEW>CONTACTED',
  'CONTACTED>INSPECTION_SCHEDULED',
  'INSPECTION_SCHEDULED>ESTIMATE_SENT',
  'ESTIMATE_SENT>WON',
  'CONTACTED>NEW',
  'INSPECTION_SCHEDULED>CONTACTED',
  'ESTIMATE_SENT>INSPECTION_SCHEDULED',
  'NEW>LOST',
  'CONTACTED>LOST',
  'INSPECTION_SCHEDULED>LOST',
  'ESTIMATE_SENT>LOST',
  'LOST>NEW',
]);
/** Repairs only: priced on the first visit, so the inspection may be skipped (never the estimate). */
const REPAIR_ONLY = new Set(['CONTACTED>ESTIMATE_SENT']);

describe('lead pipeline transitions', () => {
  const cases = TYPES.flatMap((projectType) => ALL.flatMap((from) => ALL.map((to) => [projectType, from, to] as const)));

  it.each(cases)('%s: %s → %s', (projectType, from, to) => {
    const key = `${from}>${to}`;
    const allowed = ALLOWED.has(key) || (projectType === 'REPAIR' && REPAIR_ONLY.has(key));
    const lead = { status: from, projectType };
    expect(canMoveLead(lead, to)).toBe(allowed);
    expect(leadMoves(lead).includes(to)).toBe(allowed);
    const error = leadTransitionError(lead, to);
    if (allowed) expect(error).toBeNull();
    else expect(error).toEqual(expect.stringContaining(from === to ? `already at ${LEAD_STAGE_NAMES[from]}` : `from ${LEAD_STAGE_NAMES[from]} to ${LEAD_STAGE_NAMES[to]}`));
  });

  it('covers every stage, and WON is final', () => {
    expect(Object.keys(LEAD_TRANSITIONS).sort()).toEqual([...ALL].sort());
    expect(leadMoves({ status: 'WON', projectType: 'REPAIR' })).toEqual([]);
  });

  it('lists forward moves first; a repair offers the estimate right after the inspection', () => {
    expect(leadMoves({ status: 'CONTACTED' })).toEqual(['INSPECTION_SCHEDULED', 'NEW', 'LOST']);
    expect(leadMoves({ status: 'CONTACTED', projectType: 'REPAIR' })).toEqual(['INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'NEW', 'LOST']);
  });

  it('says why in stage names, never in enum codes, and what the lead can do instead', () => {
    expect(leadTransitionError({ status: 'CONTACTED' }, 'WON')).toBe(
      'A lead cannot move from Contacted to Won: a lead is won only after an estimate was sent. From Contacted it can move to Inspection scheduled, New or Lost.',
    );
    expect(leadTransitionError({ status: 'CONTACTED', projectType: 'FULL_REPLACEMENT' }, 'ESTIMATE_SENT')).toBe(
      'A lead cannot move from Contacted to Estimate sent: only repairs may be quoted without an inspection. From Contacted it can move to Inspection scheduled, New or Lost.',
    );
    expect(leadTransitionError({ status: 'WON' }, 'LOST')).toBe('A lead cannot move from Won to Lost: Won is final.');
    expect(leadTransitionError({ status: 'NEW' }, 'NEW')).toBe('The lead is already at New.');
    expect(leadTransitionError({ status: 'LOST' }, 'CONTACTED')).toBe('A lead cannot move from Lost to Contacted. From Lost it can move to New.');
    for (const from of ALL) {
      for (const to of ALL) expect(leadTransitionError({ status: from }, to) ?? '').not.toMatch(/\b[A-Z]{2,}(_[A-Z]+)*\b/);
    }
  });
});
