import { scoreLead, type InteractionStats, type LeadFacts } from './lead-score';
import { DEFAULT_WEIGHTS, type ScoringWeights } from './scoring-weights';

/* Pure scoring: no database, no clock (every call passes `now`). */

const NOW = new Date('2026-03-01T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

const lead = (over: Partial<LeadFacts> = {}): LeadFacts => ({
  source: 'OTHER',
  status: 'NEW',
  priority: 'MEDIUM',
  projectType: null,
  estimatedValue: null,
  notes: null,
  createdAt: NOW,
  contact: { name: false, phone: false, email: false, fullAddress: false },
  ...over,
});
const quiet: InteractionStats = { recentCount: 0, recentInbound: false, lastAt: null };

/** Points of one factor. */
const factor = (name: string, f: Partial<LeadFacts> = {}, s: InteractionStats = quiet, w: ScoringWeights = DEFAULT_WEIGHTS) =>
  scoreLead(lead(f), s, w, NOW).factors.find((x) => x.factor === name)!;
const points = (name: string, f: Partial<LeadFacts> = {}, s: InteractionStats = quiet, w: ScoringWeights = DEFAULT_WEIGHTS) =>
  factor(name, f, s, w).points;

describe('scoreLead', () => {
  it('always reports the same six factors, in order, each with an explanation', () => {
    const { factors } = scoreLead(lead(), quiet, DEFAULT_WEIGHTS, NOW);
    expect(factors.map((f) => f.factor)).toEqual(['source_quality', 'project_value', 'urgency', 'responsiveness', 'completeness', 'aging']);
    for (const f of factors) expect(f.explanation).toMatch(/^[A-Z0-9$]/);
  });

  it('scores the sum of the factors, clamped to 0–100', () => {
    const hot = lead({
      source: 'REFERRAL',
      projectType: 'STORM_DAMAGE',
      estimatedValue: '40000.00',
      priority: 'URGENT',
      notes: 'Water leaking into the attic after the hail storm',
      contact: { name: true, phone: true, email: true, fullAddress: true },
    });
    const busy: InteractionStats = { recentCount: 5, recentInbound: true, lastAt: NOW };
    const max = { sourceQuality: 100, projectValue: 100, urgency: 100, responsiveness: 100, completeness: 100, agingPenalty: 0 };
    expect(scoreLead(hot, busy, max, NOW).score).toBe(100);
    expect(scoreLead(hot, busy, DEFAULT_WEIGHTS, NOW)).toMatchObject({ score: 100 });

    const stale = lead({ createdAt: daysAgo(90) });
    const r = scoreLead(stale, quiet, DEFAULT_WEIGHTS, NOW);
    expect(r.factors.reduce((s, f) => s + f.points, 0)).toBeLessThan(0);
    expect(r.score).toBe(0);
  });

  describe('source_quality', () => {
    it.each([
      ['REFERRAL', 25],
      ['PARTNER', 25],
      ['WEBSITE', 18],
      ['PHONE', 18],
      ['STORM_CANVASS', 13],
      ['DOOR_KNOCK', 13],
      ['ADS', 5],
      ['OTHER', 5],
    ] as const)('%s gives %i of 25', (source, expected) => {
      expect(points('source_quality', { source })).toBe(expected);
    });

    it('scales with its weight and explains the source', () => {
      expect(points('source_quality', { source: 'REFERRAL' }, quiet, { ...DEFAULT_WEIGHTS, sourceQuality: 40 })).toBe(40);
      expect(points('source_quality', { source: 'REFERRAL' }, quiet, { ...DEFAULT_WEIGHTS, sourceQuality: 0 })).toBe(0);
      expect(factor('source_quality', { source: 'STORM_CANVASS' }).explanation).toBe('Storm canvass leads were found in the field');
    });
  });

  describe('source_quality of a referred partner lead', () => {
    const referred = (closed: number, won: number) => factor('source_quality', { source: 'PARTNER', referrer: { name: 'Lakes Realty', closed, won } });

    it("follows the partner's record over its closed referrals, blended with the PARTNER share while it has few", () => {
      expect(referred(0, 0)).toEqual({ factor: 'source_quality', points: 25, explanation: 'Referred by Lakes Realty: no closed referrals yet' });
      expect(referred(12, 7)).toEqual({ factor: 'source_quality', points: 25, explanation: 'Referred by Lakes Realty: 7 of 12 referrals won' });
      expect(referred(1, 0).explanation).toBe('Referred by Lakes Realty: 0 of 1 referral won');
      expect(referred(1, 0).points).toBe(21); // (0 + 5) / 6
      expect(referred(5, 1).points).toBe(18); // a win rate of 0.2 is 0.4 of the full one: (5 * 0.4 + 5) / 10 = 0.7
      expect(referred(20, 2).points).toBe(9); // (20 * 0.2 + 5) / 25 = 0.36
      expect(referred(100, 0).points).toBe(1); // (0 + 5) / 105
    });

    it('leaves other sources, and partner leads without a referrer, as they were', () => {
      expect(points('source_quality', { source: 'PARTNER', referrer: null })).toBe(25);
      expect(factor('source_quality', { source: 'WEBSITE', referrer: { name: 'Lakes Realty', closed: 10, won: 0 } }).explanation).toBe('Website leads came to us on their own');
    });
  });

  describe('project_value', () => {
    it('rates the kind of work and the estimated value, each half the weight', () => {
      expect(points('project_value', { projectType: 'FULL_REPLACEMENT', estimatedValue: '25000.00' })).toBe(25);
      expect(points('project_value', { projectType: 'STORM_DAMAGE', estimatedValue: null })).toBe(13); // 12.5
      expect(points('project_value', { projectType: 'REPAIR', estimatedValue: null })).toBe(8); // 7.5
      expect(points('project_value', { projectType: 'INSPECTION', estimatedValue: null })).toBe(3); // 2.5
      expect(points('project_value', { projectType: null, estimatedValue: null })).toBe(3);
    });

    it('scales the value up to $25,000 and no further', () => {
      const at = (value: string) => points('project_value', { projectType: 'GUTTERS', estimatedValue: value });
      expect(at('0.00')).toBe(5); // type only: 0.4 / 2
      expect(at('12500.00')).toBe(11); // (0.4 + 0.5) / 2 = 0.45
      expect(at('25000.00')).toBe(18); // (0.4 + 1) / 2 = 0.7
      expect(at('250000.00')).toBe(at('25000.00'));
      expect(factor('project_value', { projectType: 'FULL_REPLACEMENT', estimatedValue: '18500.50' }).explanation).toBe(
        'Full replacement, estimated at $18,501',
      );
    });
  });

  describe('urgency', () => {
    it('adds up urgent priority, storm damage, an active leak and storm mentions', () => {
      expect(points('urgency')).toBe(0);
      expect(factor('urgency').explanation).toBe('No urgency signals');
      expect(points('urgency', { priority: 'URGENT' })).toBe(10);
      expect(points('urgency', { priority: 'HIGH' })).toBe(6);
      expect(points('urgency', { priority: 'LOW' })).toBe(0);
      expect(points('urgency', { projectType: 'STORM_DAMAGE' })).toBe(6);
      expect(points('urgency', { notes: 'Roof is leaking over the kitchen' })).toBe(8);
      expect(points('urgency', { notes: 'Water stains on the ceiling' })).toBe(8);
      expect(points('urgency', { notes: 'Hail last week' })).toBe(4);
      expect(points('urgency', { priority: 'URGENT', projectType: 'STORM_DAMAGE', notes: 'Active leak since the storm' })).toBe(20);
      expect(factor('urgency', { priority: 'URGENT', notes: 'leak' }).explanation).toBe('Urgent priority; notes mention an active leak');
    });

    it('matches whole words only', () => {
      expect(points('urgency', { notes: 'Lives on Waterford Rd, brainstorming colours' })).toBe(0);
      expect(points('urgency', { notes: 'LEAKS in two places' })).toBe(8);
    });
  });

  describe('responsiveness', () => {
    it('grows with recent interactions, up to three, and more when the customer reached out', () => {
      const r = (recentCount: number, recentInbound = false) => points('responsiveness', {}, { recentCount, recentInbound, lastAt: NOW });
      expect(points('responsiveness')).toBe(0);
      expect(r(1)).toBe(3);
      expect(r(2)).toBe(6);
      expect(r(3)).toBe(9);
      expect(r(10)).toBe(9);
      expect(r(1, true)).toBe(9);
      expect(r(3, true)).toBe(15);
      expect(factor('responsiveness', {}, { recentCount: 2, recentInbound: true, lastAt: NOW }).explanation).toBe(
        '2 interactions in the last 14 days, the customer reached out',
      );
    });
  });

  describe('completeness', () => {
    it('gives a quarter of the weight for each of name, phone, e-mail and full address', () => {
      const c = (name: boolean, phone: boolean, email: boolean, fullAddress: boolean) =>
        factor('completeness', { contact: { name, phone, email, fullAddress } });
      expect(c(false, false, false, false).points).toBe(0);
      expect(c(true, false, false, false).points).toBe(4);
      expect(c(true, true, false, false).points).toBe(8);
      expect(c(true, true, true, false).points).toBe(11);
      expect(c(true, true, true, true)).toEqual({ factor: 'completeness', points: 15, explanation: 'Complete contact data' });
      expect(c(true, true, false, false).explanation).toBe('Missing e-mail, full address');
    });
  });

  describe('aging', () => {
    it('takes points away with the days since the last contact, up to the whole penalty after 30 days', () => {
      const since = (d: number) => points('aging', { createdAt: daysAgo(100) }, { recentCount: 0, recentInbound: false, lastAt: daysAgo(d) });
      expect(since(0)).toBe(0);
      expect(Object.is(since(0), 0)).toBe(true);
      expect(since(3)).toBe(-2);
      expect(since(15)).toBe(-10);
      expect(since(30)).toBe(-20);
      expect(since(90)).toBe(-20);
      expect(factor('aging', {}, { recentCount: 0, recentInbound: false, lastAt: daysAgo(1) }).explanation).toBe('1 day since the last contact');
    });

    it('counts from creation when there was no contact yet', () => {
      expect(points('aging', { createdAt: daysAgo(6) })).toBe(-4);
      expect(factor('aging', { createdAt: daysAgo(6) }).explanation).toBe('6 days without contact since the lead came in');
    });

    it('is zero for WON and LOST leads, and follows its weight', () => {
      expect(points('aging', { status: 'WON', createdAt: daysAgo(60) })).toBe(0);
      expect(points('aging', { status: 'LOST', createdAt: daysAgo(60) })).toBe(0);
      expect(points('aging', { createdAt: daysAgo(60) }, quiet, { ...DEFAULT_WEIGHTS, agingPenalty: 50 })).toBe(-50);
    });
  });
});
