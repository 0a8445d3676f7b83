import type { LeadStatus } from '../../generated/graphql';
import { LEAD_TRANSITIONS, canMoveLead, leadTransitionError } from './lead-transitions';

const ALL: LeadStatus[] = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON', 'LOST'];

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

describe('lead pipeline transitions', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));

  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}>${to}`);
    expect(canMoveLead(from, to)).toBe(allowed);
    const error = leadTransitionError(from, to);
    if (allowed) expect(error).toBeNull();
    else expect(error).toEqual(expect.stringContaining(`from ${from} to ${to}`));
  });

  it('covers every stage, and WON is final', () => {
    expect(Object.keys(LEAD_TRANSITIONS).sort()).toEqual([...ALL].sort());
    expect(LEAD_TRANSITIONS.WON).toEqual([]);
    expect(leadTransitionError('WON', 'LOST')).toBe('A lead cannot move from WON to LOST: WON is final.');
    expect(leadTransitionError('NEW', 'NEW')).toBe('A lead cannot move from NEW to NEW: it is already there.');
    expect(leadTransitionError('NEW', 'WON')).toBe('A lead cannot move from NEW to WON.');
  });
});
