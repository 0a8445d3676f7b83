import type { PartnerKind, PartnerStatus, ReferralFeeKind, ReferralFeeStatus } from '../../gql/graphql';
import { enumLabel, money } from '../../lib/format';
import type { BadgeTone, SelectOption } from '../../ui';

/** The kinds of referral partner, in menu order (as the SDL lists them). */
export const PARTNER_KINDS: readonly PartnerKind[] = [
  'REALTOR',
  'INSURANCE_AGENT',
  'INSURANCE_ADJUSTER',
  'HOME_INSPECTOR',
  'PROPERTY_MANAGER',
  'SUPPLIER',
  'OTHER',
];

export const PARTNER_STATUSES: readonly PartnerStatus[] = ['ACTIVE', 'PAUSED', 'ENDED'];

export const FEE_KINDS: readonly ReferralFeeKind[] = ['NONE', 'PERCENT', 'FLAT'];

/** `INSURANCE_ADJUSTER` → `Insurance adjuster`. */
export const kindLabel = (kind: PartnerKind) => enumLabel(kind);

export const KIND_OPTIONS: readonly SelectOption[] = PARTNER_KINDS.map((k) => ({ value: k, label: kindLabel(k) }));
export const STATUS_OPTIONS: readonly SelectOption[] = PARTNER_STATUSES.map((s) => ({ value: s, label: enumLabel(s) }));
export const FEE_KIND_OPTIONS: readonly SelectOption[] = [
  { value: 'NONE', label: 'No referral fee' },
  { value: 'PERCENT', label: 'Percent of the contract' },
  { value: 'FLAT', label: 'Flat amount per job' },
];

export const STATUS_TONE: Record<PartnerStatus, BadgeTone> = { ACTIVE: 'success', PAUSED: 'warning', ENDED: 'neutral' };

export const FEE_STATUS_TONE: Record<ReferralFeeStatus, BadgeTone> = { ACCRUED: 'warning', APPROVED: 'info', PAID: 'success', VOID: 'neutral' };

export interface FeeTermsLike {
  kind: ReferralFeeKind;
  percent?: number | null;
  flatAmount?: string | null;
  cap?: string | null;
}

/** `10% of the contract, capped at $1,500`, `$250 per won job`, `No referral fee`. */
export function feeTermsLabel(terms: FeeTermsLike): string {
  const cap = terms.cap ? `, capped at ${money(terms.cap)}` : '';
  if (terms.kind === 'PERCENT') return `${terms.percent ?? '?'}% of the contract${cap}`;
  if (terms.kind === 'FLAT') return `${money(terms.flatAmount)} per won job${cap}`;
  return 'No referral fee';
}

/** A referral's conversion rate with one decimal when small (`4.5%`), whole otherwise (`32%`). */
export function conversionLabel(rate: number | null | undefined): string {
  if (rate == null) return '—';
  const pct = rate * 100;
  return `${pct > 0 && pct < 10 ? pct.toFixed(1) : Math.round(pct)}%`;
}
