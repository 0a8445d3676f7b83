import type { BadgeTone } from '../../ui';
import type { AppointmentStatus, CustomerType, LeadStatus, ProjectStatus } from '../../gql/graphql';

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

/** `+16125550142` → `(612) 555-0142`; other numbers as stored. */
export function phoneLabel(phone: string | null | undefined): string {
  if (!phone) return '';
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : phone;
}

export interface AddressLike {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
}

/** `Minneapolis, MN`, or whichever part is known. */
export const cityLine = (a: AddressLike | null | undefined) => [a?.city, a?.state].filter(Boolean).join(', ');

/** The address as lines: street, then `City, ST 55401`. */
export function addressLines(a: AddressLike | null | undefined): string[] {
  const last = [cityLine(a), a?.zip].filter(Boolean).join(' ');
  return [a?.street, last].filter((l): l is string => Boolean(l));
}

/** A Google Maps search for the address, or null when there is nothing to search. */
export function mapUrl(a: AddressLike | null | undefined): string | null {
  const lines = addressLines(a);
  if (!lines.length) return null;
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(lines.join(', '))}`;
}

const dateFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

/** `Nov 22, 2026` from a DateTime. */
export const dateLabel = (iso: string) => dateFmt.format(new Date(iso));

/** `Dec 1, 2026` from a `Date` scalar (no time zone shift). */
export const calendarDateLabel = (isoDate: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );

export const PROJECT_STATUS_TONE: Record<ProjectStatus, BadgeTone> = {
  PLANNING: 'neutral',
  SCHEDULED: 'info',
  IN_PROGRESS: 'warning',
  COMPLETED: 'success',
  CANCELLED: 'danger',
};

export const LEAD_STATUS_TONE: Record<LeadStatus, BadgeTone> = {
  NEW: 'info',
  CONTACTED: 'info',
  INSPECTION_SCHEDULED: 'warning',
  ESTIMATE_SENT: 'warning',
  WON: 'success',
  LOST: 'danger',
};

export const APPOINTMENT_STATUS_TONE: Record<AppointmentStatus, BadgeTone> = {
  SCHEDULED: 'info',
  CONFIRMED: 'success',
  COMPLETED: 'neutral',
  CANCELLED: 'danger',
  NO_SHOW: 'warning',
};
