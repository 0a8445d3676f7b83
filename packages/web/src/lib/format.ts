/** Display formatting for the app's scalars and enums (US English, US dollars). */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const usdCompact = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const dateTime = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const monthYear = new Intl.DateTimeFormat('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** `Money` is a decimal string; null and unparsable values show as a dash. */
export function money(value: string | null | undefined, compact = false): string {
  const n = value == null ? Number.NaN : Number(value);
  if (Number.isNaN(n)) return '—';
  return (compact ? usdCompact : usd).format(n);
}

/** A 0–1 ratio as a percentage. */
export const percent = (ratio: number | null | undefined): string => (ratio == null ? '—' : pct.format(ratio));

export const dateTimeLabel = (iso: string): string => dateTime.format(new Date(iso));

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
