/**
 * Display formatting for the app's scalars and enums (US English, US dollars). Instants (`DateTime`) are shown in the
 * company's time zone (lib/timeZone.ts), times labelled with its name (`CST`) when the browser's clock reads otherwise;
 * `Date` scalars are calendar days and never shift.
 */
import { zonedFormat, zoneDiffers } from './timeZone';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCompact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const calendarDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const calendarDayShort = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** `Money` is a decimal string; null and unparsable values show as a dash. */
export function money(value: string | null | undefined, compact = false): string {
  const n = value == null ? Number.NaN : Number(value);
  if (Number.isNaN(n)) return '—';
  return (compact ? usdCompact : usd).format(n);
}

/** A 0–1 ratio as a percentage. */
export const percent = (ratio: number | null | undefined): string => (ratio == null ? '—' : pct.format(ratio));

const DATE_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };

/** A `DateTime` as `Tue, Nov 24, 9:00 AM` in the company's zone (`… 9:00 AM CST` when the browser is elsewhere). */
export function dateTimeLabel(iso: string): string {
  const at = new Date(iso);
  return zonedFormat(zoneDiffers(at) ? { ...DATE_TIME, timeZoneName: 'short' } : DATE_TIME).format(at);
}

/** A `DateTime` as `Nov 22, 2026`: its day in the company's zone. */
export const dateLabel = (iso: string): string => zonedFormat({ month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(iso));

/** A `DateTime` as `9:00 AM` in the company's zone (`9:00 AM CST` when the browser is elsewhere). */
export function clockLabel(at: Date): string {
  return zonedFormat({ hour: 'numeric', minute: '2-digit', ...(zoneDiffers(at) ? { timeZoneName: 'short' } : {}) }).format(at);
}

/** A `Date` scalar (`2026-12-10`) as `Dec 10, 2026` (or `Dec 10` with `short`), with no time zone shift. */
export function calendarDateLabel(isoDate: string | null | undefined, short = false): string {
  if (!isoDate) return '—';
  const d = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? isoDate : (short ? calendarDayShort : calendarDay).format(d);
}

/** A `Date` scalar (`2026-11-01`) as `Nov 26`. */
export const monthLabel = (isoDate: string): string => monthYear.format(new Date(`${isoDate}T00:00:00Z`));

/** `INSPECTION_SCHEDULED` → `Inspection scheduled`. */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `3 min ago`, `2 h ago`, `5 d ago`. */
export function timeAgo(iso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
}

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');
}

/** `+16125550142` → `(612) 555-0142`; other numbers as stored. */
export function phoneLabel(phone: string | null | undefined): string {
  if (!phone) return '';
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return us ? `(${us[1]}) ${us[2]}-${us[3]}` : phone;
}

/** Text with the US numbers it quotes in E.164 (`Phone: +16125550142`) as the app shows them (`(612) 555-0142`). */
export const phonesInText = (text: string): string => text.replace(/\+1\d{10}\b/g, (phone) => phoneLabel(phone));

export interface AddressLike {
  street?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
}

/** The address as lines: street, then `City, ST 55401` (whichever parts are known). */
export function addressLines(a: AddressLike | null | undefined): string[] {
  const last = [a?.city, [a?.state, a?.zip].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return [a?.street, last].filter((l): l is string => Boolean(l));
}
