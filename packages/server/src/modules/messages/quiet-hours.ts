import { instantOf, wallClock } from '../../platform/time-zone';

/** SMS are not sent from 21:00 to 08:00 in the company's time zone. */
export const QUIET_HOURS = { from: 21, to: 8 };

/** When the quiet hours around `at` end, or null when `at` is outside them. */
export function quietHoursEnd(at: Date, timeZone: string): Date | null {
  const p = wallClock(at, timeZone);
  if (p.hour >= QUIET_HOURS.to && p.hour < QUIET_HOURS.from) return null;
  // Evening: tomorrow morning (day + 1 rolls over months and years).
  return instantOf(timeZone, p.year, p.month, p.hour >= QUIET_HOURS.from ? p.day + 1 : p.day, QUIET_HOURS.to);
}
