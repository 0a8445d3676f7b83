/**
 * The company's time zone (the server's COMPANY_TIME_ZONE, from the `company` query). Every date and time the app
 * shows or reads from an input is in it, whatever zone the browser is in: a calendar day, "today", 9:00 AM are the
 * office's. The shell sets it once signed in (before any page renders); until then — and in component tests — it is
 * the browser's own zone. The arithmetic is the server's (packages/server/src/platform/time-zone.ts): the packages share no code.
 */

/** The zone the browser runs in. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

let zone = browserTimeZone();

/** Sets the company's zone (an IANA name); an unknown name leaves the browser's zone in place. */
export function setCompanyTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    zone = timeZone;
  } catch {
    zone = browserTimeZone();
  }
}

export const companyTimeZone = (): string => zone;

/** Whether the browser's clock reads other times than the company's now (then shown times carry the zone's name). */
export const zoneDiffers = (at = new Date()): boolean => offsetAt(at.getTime(), zone) !== offsetAt(at.getTime(), browserTimeZone());

const formats = new Map<string, Intl.DateTimeFormat>();

/** A formatter (US English) in the company's zone; one per zone and options, as building them is slow. */
export function zonedFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${zone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat('en-US', { ...options, timeZone: zone })));
  return f;
}

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

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  weekday: 'short',
};

function clockIn(at: Date, timeZone: string): WallClock {
  const key = `${timeZone}|parts`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat('en-US', { ...PARTS, timeZone })));
  const parts = f.formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
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

/** The company's wall clock at `at`. */
export const wallClock = (at: Date): WallClock => clockIn(at, zone);

/** How far the zone's clock is ahead of UTC at `t`, in milliseconds. */
function offsetAt(t: number, timeZone: string): number {
  const c = clockIn(new Date(t), timeZone);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant the company's clock reads this date and time (daylight saving included; a time skipped in spring is
 * read with the offset before the change). Parts roll over like `Date.UTC` (day 32 is the next month's 1st).
 */
export function zonedInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, zone);
  return new Date(guess - offsetAt(first, zone));
}

/** The zone's short name at `at` as people read it: `CST`, `CDT`, or `GMT+1` where US English has no abbreviation. */
export const zoneName = (at = new Date()): string =>
  zonedFormat({ timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? zone;
