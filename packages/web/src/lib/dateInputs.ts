/** Conversions between instants and the values of `<input type="date">`, `"time"` and `"datetime-local"` (local time). */

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date as `YYYY-MM-DD`. */
export const toDateInput = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** A local time as `HH:MM`. */
export const toTimeInput = (d: Date): string => `${pad(d.getHours())}:${pad(d.getMinutes())}`;

/** An instant (a `Date` or an ISO string) as `YYYY-MM-DDTHH:mm` in the browser's zone; empty when missing or invalid. */
export function toLocalInput(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? '' : `${toDateInput(d)}T${toTimeInput(d)}`;
}

/** A `datetime-local` value as an ISO instant, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The start (`end` false) or last millisecond (`end` true) of a `YYYY-MM-DD` day in the browser's zone, as ISO. */
export function dayBoundary(day: string, end: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
