/**
 * Conversions between instants and the values of `<input type="date">`, `"time"` and `"datetime-local"`, read and
 * written in the company's time zone (lib/timeZone.ts): 9:00 typed in any browser is 9:00 at the office.
 */
import { wallClock, zonedInstant } from './timeZone';

const pad = (n: number) => String(n).padStart(2, '0');

/** The company's date at `d` as `YYYY-MM-DD`. */
export function toDateInput(d: Date): string {
  const c = wallClock(d);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}

/** The company's clock at `d` as `HH:MM`. */
export function toTimeInput(d: Date): string {
  const c = wallClock(d);
  return `${pad(c.hour)}:${pad(c.minute)}`;
}

/** An instant (a `Date` or an ISO string) as `YYYY-MM-DDTHH:mm` in the company's zone; empty when missing or invalid. */
export function toLocalInput(value: Date | string | null | undefined): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? '' : `${toDateInput(d)}T${toTimeInput(d)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/;

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm` (company time) as its instant; null when it is not a real date and time. */
export function localInstant(value: string): Date | null {
  const m = LOCAL.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const at = zonedInstant(y, mo, d, h, mi);
  return toDateInput(at) === value.slice(0, 10) ? at : null;
}

/** A `datetime-local` value (company time) as an ISO instant, or null when empty or invalid. */
export function fromLocalInput(value: string): string | null {
  return localInstant(value)?.toISOString() ?? null;
}

/** The start (`end` false) or last millisecond (`end` true) of a `YYYY-MM-DD` day in the company's zone, as ISO. */
export function dayBoundary(day: string, end: boolean): string | null {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(day) ? localInstant(day) : null;
  if (!start) return null;
  if (!end) return start.toISOString();
  const c = wallClock(start);
  return new Date(zonedInstant(c.year, c.month, c.day + 1).getTime() - 1).toISOString();
}
