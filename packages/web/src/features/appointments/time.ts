/**
 * Calendar dates in the company's time zone (lib/timeZone.ts): a "day" runs from the office's midnight to the next, so
 * the calendar shows the office's days and hours whatever zone the browser is in. Days are built from the wall clock
 * (never by adding 24 hours), which keeps daylight-saving days right.
 */

import { toDateInput } from '../../lib/dateInputs';
import { clockLabel } from '../../lib/format';
import { wallClock, zonedFormat, zonedInstant } from '../../lib/timeZone';

export const MINUTES_PER_DAY = 24 * 60;

/** Midnight (company time) of `d`'s date. */
export function startOfDay(d: Date): Date {
  const c = wallClock(d);
  return zonedInstant(c.year, c.month, c.day);
}

/** `d`'s date `n` days later, at midnight (company time). */
export function addDays(d: Date, n: number): Date {
  const c = wallClock(d);
  return zonedInstant(c.year, c.month, c.day + n);
}

export const addMinutes = (d: Date, n: number): Date => new Date(d.getTime() + n * 60_000);

/** The Monday of `d`'s week, at midnight (weeks run Monday to Sunday). */
export function startOfWeek(d: Date): Date {
  const sinceMonday = (wallClock(d).weekday + 6) % 7;
  return addDays(d, -sinceMonday);
}

export const sameDay = (a: Date, b: Date): boolean => toDateInput(a) === toDateInput(b);

/** The day of the month of `d` (company time): `23`. */
export const dayOfMonth = (d: Date): number => wallClock(d).day;

/** Minutes since midnight on the company's clock (`14:30` → 870). */
export function clockMinutes(d: Date): number {
  const c = wallClock(d);
  return c.hour * 60 + c.minute;
}

/** `day` (a midnight) at `minutes` on the company's clock. */
export function atMinutes(day: Date, minutes: number): Date {
  const c = wallClock(day);
  return zonedInstant(c.year, c.month, c.day, 0, minutes);
}

/** `YYYY-MM-DD` as midnight (company time); null when it is not a real date. */
export function parseDateInput(value: string | null | undefined): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  const d = zonedInstant(Number(m[1]), Number(m[2]), Number(m[3]));
  return toDateInput(d) === value ? d : null;
}

/** `YYYY-MM-DD` and `HH:MM` (company time) as an instant; null when either is missing or invalid. */
export function fromInputs(date: string, time: string): Date | null {
  const day = parseDateInput(date);
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!day || !m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return atMinutes(day, Number(m[1]) * 60 + Number(m[2]));
}

/** `2:30 PM` (the calendar names the zone once, when the browser is in another). */
export const timeLabel = (d: Date): string => zonedFormat({ hour: 'numeric', minute: '2-digit' }).format(d);
/** `2:30 PM`, or `2:30 PM CST` when the browser is in another zone: a time shown on its own. */
export const zonedTimeLabel = (d: Date): string => clockLabel(d);
/** `Mon, Nov 23`. */
export const dayLabel = (d: Date): string => zonedFormat({ weekday: 'short', month: 'short', day: 'numeric' }).format(d);
/** `Monday, November 23`. */
export const longDayLabel = (d: Date): string => zonedFormat({ weekday: 'long', month: 'long', day: 'numeric' }).format(d);
/** `2:30 PM – 3:30 PM` (`zoned`: `… 3:30 PM CST` when the browser is in another zone). */
export const timeRangeLabel = (start: Date, end: Date, zoned = false): string =>
  `${timeLabel(start)} – ${zoned ? zonedTimeLabel(end) : timeLabel(end)}`;

const monthDay = (d: Date) => zonedFormat({ month: 'short', day: 'numeric' }).format(d);
const monthDayYear = (d: Date) => zonedFormat({ month: 'short', day: 'numeric', year: 'numeric' }).format(d);

/** A range of days [from, to) as `Nov 23 – 29, 2026`, `Nov 30 – Dec 6, 2026` or `Dec 28, 2026 – Jan 3, 2027`. */
export function rangeLabel(from: Date, toExclusive: Date): string {
  const last = addDays(toExclusive, -1);
  if (sameDay(from, last)) return monthDayYear(from);
  const [a, b] = [wallClock(from), wallClock(last)];
  if (a.year !== b.year) return `${monthDayYear(from)} – ${monthDayYear(last)}`;
  const end = a.month === b.month ? String(b.day) : monthDay(last);
  return `${monthDay(from)} – ${end}, ${b.year}`;
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
 * The server's message with the instants it names (UTC, e.g. `2026-11-23T16:30:00.000Z`) in company time
 * (`Mon, Nov 23, 10:30 AM`): the words stay the server's.
 */
export const localizeTimes = (message: string): string =>
  message.replace(ISO_INSTANT, (iso) => {
    const d = new Date(iso);
    return Number.isNaN(d.getTime()) ? iso : `${dayLabel(d)}, ${zonedTimeLabel(d)}`;
  });
