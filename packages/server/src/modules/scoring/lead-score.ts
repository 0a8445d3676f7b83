import type { LeadPriority, LeadSource, LeadStatus, ProjectType } from '../../generated/graphql';
import type { ScoringWeights } from './scoring-weights';

/** What scoring needs to know about a lead (contact data from the lead or, failing that, its customer). */
export interface LeadFacts {
  source: LeadSource;
  status: LeadStatus;
  priority: LeadPriority;
  projectType: ProjectType | null;
  /** Decimal string, as stored. */
  estimatedValue: string | null;
  notes: string | null;
  createdAt: Date;
  contact: { name: boolean; phone: boolean; email: boolean; fullAddress: boolean };
  /** The referring partner's track record, for a `PARTNER` lead with `referredBy`; null otherwise. */
  referrer?: ReferrerRecord | null;
}

/** A referring partner's record: its other referrals that closed (WON or LOST, not deleted), and how many were won. */
export interface ReferrerRecord {
  name: string;
  closed: number;
  won: number;
}

/** The lead's interactions (not deleted). */
export interface InteractionStats {
  /** How many occurred in the last `RECENT_DAYS` days. */
  recentCount: number;
  /** Whether one of those was INBOUND (the customer reached out). */
  recentInbound: boolean;
  /** When the latest one occurred; null when there is none. */
  lastAt: Date | null;
}

export interface ScoreFactorData {
  factor: string;
  points: number;
  explanation: string;
}

export interface ScoreResult {
  score: number;
  factors: ScoreFactorData[];
}

export const RECENT_DAYS = 14;
/** Estimated value at which the value half of `project_value` is full. */
export const FULL_VALUE = 25_000;
/** Days without contact after which `aging` takes the whole penalty. */
export const AGING_DAYS = 30;

const DAY_MS = 86_400_000;

/** A referrer's closed referrals weigh against this many of the `PARTNER` base share (few referrals: mostly the base). */
export const REFERRER_PRIOR = 5;
/** A referrer who wins this share of its closed referrals earns the full source share. */
export const REFERRER_FULL_WIN_RATE = 0.5;

const SOURCE_SHARE: Record<LeadSource, number> = {
  REFERRAL: 1,
  PARTNER: 1,
  WEBSITE: 0.7,
  PHONE: 0.7,
  STORM_CANVASS: 0.5,
  DOOR_KNOCK: 0.5,
  ADS: 0.2,
  OTHER: 0.2,
};

const TYPE_SHARE: Record<ProjectType, number> = {
  FULL_REPLACEMENT: 1,
  STORM_DAMAGE: 1,
  REPAIR: 0.6,
  SIDING: 0.6,
  GUTTERS: 0.4,
  INSPECTION: 0.2,
  OTHER: 0.2,
};

const LEAK = /\b(leak|leaks|leaking|water)\b/i;
const STORM = /\b(storm|hail)\b/i;

const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const dollars = (value: number) => `$${Math.round(value).toLocaleString('en-US')}`;
/** `share` (0–1) of `max` points, as a whole number. */
const part = (max: number, share: number) => Math.round(max * Math.min(1, Math.max(0, share)));

function sourceQuality(f: LeadFacts, w: ScoringWeights): ScoreFactorData {
  if (f.source === 'PARTNER' && f.referrer) return referrerQuality(f.referrer, w);
  const share = SOURCE_SHARE[f.source];
  const why = share === 1 ? 'close most often' : share >= 0.7 ? 'came to us on their own' : share >= 0.5 ? 'were found in the field' : 'convert least often';
  return { factor: 'source_quality', points: part(w.sourceQuality, share), explanation: `${words(f.source)} leads ${why}` };
}

/**
 * A partner's referral is as good as its referrals have been: its win rate over its closed referrals (full at
 * `REFERRER_FULL_WIN_RATE`), blended with the `PARTNER` base share as if that were `REFERRER_PRIOR` more referrals.
 */
function referrerQuality(r: ReferrerRecord, w: ScoringWeights): ScoreFactorData {
  const own = r.closed ? Math.min(1, r.won / r.closed / REFERRER_FULL_WIN_RATE) : 0;
  const share = (r.closed * own + REFERRER_PRIOR * SOURCE_SHARE.PARTNER) / (r.closed + REFERRER_PRIOR);
  const record = r.closed ? `${r.won} of ${r.closed} referral${r.closed === 1 ? '' : 's'} won` : 'no closed referrals yet';
  return { factor: 'source_quality', points: part(w.sourceQuality, share), explanation: `Referred by ${r.name}: ${record}` };
}

function projectValue(f: LeadFacts, w: ScoringWeights): ScoreFactorData {
  const value = f.estimatedValue === null ? null : Number(f.estimatedValue);
  const typeShare = f.projectType ? TYPE_SHARE[f.projectType] : 0.2;
  const valueShare = value === null ? 0 : Math.min(value, FULL_VALUE) / FULL_VALUE;
  const kind = f.projectType ? words(f.projectType) : 'unknown kind of work';
  const est = value === null ? 'no estimate yet' : `estimated at ${dollars(value)}`;
  return { factor: 'project_value', points: part(w.projectValue, (typeShare + valueShare) / 2), explanation: `${kind}, ${est}` };
}

function urgency(f: LeadFacts, w: ScoringWeights): ScoreFactorData {
  const signals: Array<[number, string]> = [];
  if (f.priority === 'URGENT') signals.push([0.5, 'urgent priority']);
  else if (f.priority === 'HIGH') signals.push([0.3, 'high priority']);
  if (f.projectType === 'STORM_DAMAGE') signals.push([0.3, 'storm damage']);
  if (f.notes && LEAK.test(f.notes)) signals.push([0.4, 'notes mention an active leak']);
  if (f.notes && STORM.test(f.notes)) signals.push([0.2, 'notes mention storm or hail']);
  const share = signals.reduce((sum, [s]) => sum + s, 0);
  const explanation = signals.length ? signals.map(([, why]) => why).join('; ') : 'no urgency signals';
  return { factor: 'urgency', points: part(w.urgency, share), explanation };
}

function responsiveness(s: InteractionStats, w: ScoringWeights): ScoreFactorData {
  if (s.recentCount === 0) return { factor: 'responsiveness', points: 0, explanation: `no interactions in the last ${RECENT_DAYS} days` };
  const share = (Math.min(s.recentCount, 3) / 3) * 0.6 + (s.recentInbound ? 0.4 : 0);
  const count = `${s.recentCount} interaction${s.recentCount === 1 ? '' : 's'} in the last ${RECENT_DAYS} days`;
  return { factor: 'responsiveness', points: part(w.responsiveness, share), explanation: s.recentInbound ? `${count}, the customer reached out` : count };
}

function completeness(f: LeadFacts, w: ScoringWeights): ScoreFactorData {
  const parts: Array<[boolean, string]> = [
    [f.contact.name, 'name'],
    [f.contact.phone, 'phone'],
    [f.contact.email, 'e-mail'],
    [f.contact.fullAddress, 'full address'],
  ];
  const missing = parts.filter(([has]) => !has).map(([, what]) => what);
  const explanation = missing.length ? `missing ${missing.join(', ')}` : 'complete contact data';
  return { factor: 'completeness', points: part(w.completeness, (parts.length - missing.length) / parts.length), explanation };
}

function aging(f: LeadFacts, s: InteractionStats, w: ScoringWeights, now: Date): ScoreFactorData {
  if (f.status === 'WON' || f.status === 'LOST') return { factor: 'aging', points: 0, explanation: 'closed leads do not age' };
  const since = s.lastAt ?? f.createdAt;
  const days = Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS));
  const penalty = part(w.agingPenalty, days / AGING_DAYS);
  const explanation = s.lastAt
    ? `${days} day${days === 1 ? '' : 's'} since the last contact`
    : `${days} day${days === 1 ? '' : 's'} without contact since the lead came in`;
  return { factor: 'aging', points: penalty === 0 ? 0 : -penalty, explanation };
}

/** The lead's 0–100 score and the factors behind it, always the same six in the same order. */
export function scoreLead(f: LeadFacts, s: InteractionStats, w: ScoringWeights, now: Date = new Date()): ScoreResult {
  const factors = [sourceQuality(f, w), projectValue(f, w), urgency(f, w), responsiveness(s, w), completeness(f, w), aging(f, s, w, now)];
  const sum = factors.reduce((total, factor) => total + factor.points, 0);
  return { score: Math.min(100, Math.max(0, sum)), factors: factors.map((x) => ({ ...x, explanation: capitalised(x.explanation) })) };
}
