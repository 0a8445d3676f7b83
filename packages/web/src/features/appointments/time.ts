/**
 * Calendar dates in the browser's time zone. A "day" is a local calendar date, so days are built with local
 * `Date` arithmetic (never by adding 24 hours), which keeps daylight-saving days right.
 */

import { toDateInput } from '../../lib/dateInputs';

export const MINUTES_PER_DAY = 24 * 60;

/** Local midnight of `d`'s date. */
export const startOfDay = (d: Date): Date => new Date(d.getFullYear(), d.getMonth(), d.getDate());

/** `d`'s date `n` days later, at local midnight. */
export const addDays = (d: Date, n: number): Date => new Date(d.getFullYear(), d.getMonth(), d.getDate() + n);

export const addMinutes = (d: Date, n: number): Date => new Date(d.getTime() + n * 60_000);

/** The Monday of `d`'s week, at local midnight (weeks run Monday to Sunday). */
export function startOfWeek(d: Date): Date {
  const sinceMonday = (d.getDay() + 6) % 7;
  return addDays(d, -sinceMonday);
}

export const sameDay = (a: Date, b: Date): boolean =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** Minutes since local midnight on the clock (`14:30` → 870). */
export const clockMinutes = (d: Date): number => d.getHours() * 60 + d.getMinutes();

/** `day` (a local midnight) at `minutes` on the clock. */
export const atMinutes = (day: Date, minutes: number): Date =>
  new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, minutes);

/** `YYYY-MM-DD` as local midnight; null when it is not a real date. */
export function parseDateInput(value: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toDateInput(d) === value ? d : null;
}

/** `YYYY-MM-DD` and `HH:MM` as a local instant; null when either is missing or invalid. */
export function fromInputs(date: string, time: string): Date | null {
  const day = parseDateInput(date);
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return atMinutes(day, Number(m[1]) * 60 + Number(m[2]));
}

const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric' });
const longDayFormat = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric' });
const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const yearFormat = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });

/** `2:30 PM`. */
export const timeLabel = (d: Date): string => timeFormat.format(d);
/** `Mon, Nov 23`. */
export const dayLabel = (d: Date): string => dayFormat.format(d);
/** `Monday, November 23`. */
export const longDayLabel = (d: Date): string => longDayFormat.format(d);
/** `2:30 PM – 3:30 PM`. */
export const timeRangeLabel = (start: Date, end: Date): string => `${timeLabel(start)} – ${timeLabel(end)}`;

/** A range of days [from, to) as `Nov 23 – 29, 2026`, `Nov 30 – Dec 6, 2026` or `Dec 28, 2026 – Jan 3, 2027`. */
export function rangeLabel(from: Date, toExclusive: Date): string {
  const last = addDays(toExclusive, -1);
  if (sameDay(from, last)) return yearFormat.format(from);
  if (from.getFullYear() !== last.getFullYear()) return `${yearFormat.format(from)} – ${yearFormat.format(last)}`;
  const end = from.getMonth() === last.getMonth() ? String(last.getDate()) : monthFormat.format(last);
  return `${monthFormat.format(from)} – ${end}, ${last.getFullYear()}`;
}

/** The hour as the grid labels it: `7 AM`, `12 PM`. */
export function hourLabel(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 || hour === 24 ? 'AM' : 'PM'}`;
}

/** `90` → `1 h 30 min`. */
export function durationLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h && `${h} h`, m && `${m} min`].filter(Boolean).join(' ') || '0 min';
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * The server's message with the instants it names (UTC, e.g. `2026-11-23T16:30:00.000Z`) in local time
 * (`Mon, Nov 23, 10:30 AM`): the words stay the server's.
 */
export const localizeTimes = (message: string): string =>
  message.replace(ISO_INSTANT, (iso) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : `${dayLabel(d)}, ${timeLabel(d)}`;
  });
