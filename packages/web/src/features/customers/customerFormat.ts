import type { BadgeTone } from '../../ui';
import type { CustomerType, LeadStatus } from '../../gql/graphql';
import { addressLines, money, type AddressLike } from '../../lib/format';

export const CUSTOMER_TYPES: ReadonlyArray<{ value: CustomerType; label: string }> = [
  { value: 'RESIDENTIAL', label: 'Residential' },
  { value: 'COMMERCIAL', label: 'Commercial' },
];

/** Segments the company uses; the field is free text, these are suggestions. */
export const SEGMENT_SUGGESTIONS = [
  'Homeowner',
  'Insurance Claim',
  'Repeat Customer',
  'Realtor Referral',
  'Property Manager',
  'HOA',
  'Small Business',
] as const;

export const typeLabel = (type: CustomerType) => CUSTOMER_TYPES.find((t) => t.value === type)?.label ?? type;

/** `Minneapolis, MN`, or whichever part is known. */
export const cityLine = (a: AddressLike | null | undefined) => [a?.city, a?.state].filter(Boolean).join(', ');

/** A Google Maps search for the address, or null when there is nothing to search. */
export function mapUrl(a: AddressLike | null | undefined): string | null {
  const lines = addressLines(a);
  if (!lines.length) return null;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(lines.join(', '))}`;
}

/** Badge colour of a lead's stage on the customer page (the leads board's `statusTone` colours fewer stages). */
export const LEAD_STATUS_TONE: Record<LeadStatus, BadgeTone> = {
  NEW: 'info',
  CONTACTED: 'info',
  INSPECTION_SCHEDULED: 'warning',
  ESTIMATE_SENT: 'warning',
  WON: 'success',
  LOST: 'danger',
};

/**
 * What a customer's referrals from the rating page brought in: `3 leads referred, 1 won for $14,500`, or
 * `2 leads referred, none won yet`.
 */
export function referralsLabel({ leads, wins, wonRevenue }: { leads: number; wins: number; wonRevenue: string }): string {
  const referred = `${leads} lead${leads === 1 ? '' : 's'} referred`;
  return wins > 0 ? `${referred}, ${wins} won for ${money(wonRevenue)}` : `${referred}, none won yet`;
}
