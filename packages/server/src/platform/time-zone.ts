/**
 * Calendar days and clock times in an IANA time zone — the company's (`COMPANY_TIME_ZONE`), in which the app shows
 * every date and time, e-mails and notifications name times, and jobs draw their days ("today", months).
 */

/** A wall-clock reading: month 1-12, weekday 0 (Sunday) to 6. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One `Intl.DateTimeFormat` per zone and options (building one is slow; formatting is not). */
export function zonedFormat(timeZone: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat('en-US', { ...options, timeZone })));
  return f;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const PARTS: Intl.DateTimeFormatOptions = { hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short' };

/** The wall clock in `timeZone` at `at`. */
export function wallClock(at: Date, timeZone: string): WallClock {
  const parts = zonedFormat(timeZone, PARTS).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return {
    year: Number(get('year')),
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** How far `timeZone`'s clock is ahead of UTC at `t`, in milliseconds. */
function offsetAt(t: number, timeZone: string): number {
  const c = wallClock(new Date(t), timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant a wall clock in `timeZone` reads this date and time (the offset of that moment, daylight saving
 * included; a time skipped by the spring change is read with the offset before it). Out-of-range parts roll over
 * like `Date.UTC` (day 32 is the 1st of the next month, minute 90 is 1:30).
 */
export function instantOf(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone);
  return new Date(guess - offsetAt(first, timeZone));
}

/** `YYYY-MM-DD` of the day in `timeZone` at `at`. */
export function dateIn(at: Date, timeZone: string): string {
  const c = wallClock(at, timeZone);
  return `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
}

/** The start (midnight in `timeZone`) of the day at `at`, `days` later. */
export function startOfDayIn(at: Date, timeZone: string, days = 0): Date {
  const c = wallClock(at, timeZone);
  return instantOf(timeZone, c.year, c.month, c.day + days);
}

/** The start (the 1st, midnight in `timeZone`) of the month at `at`, `months` later. */
export function startOfMonthIn(at: Date, timeZone: string, months = 0): Date {
  const c = wallClock(at, timeZone);
  return instantOf(timeZone, c.year, c.month + months, 1);
}
