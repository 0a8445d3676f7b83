import type { DateRangeInput } from '../../gql/graphql';
import { wallClock, zonedInstant } from '../../lib/timeZone';

/** The periods partner performance is shown for (referred leads created in it count). */
export type Period = 'LAST_30_DAYS' | 'LAST_90_DAYS' | 'LAST_12_MONTHS' | 'YEAR_TO_DATE';

export const PERIODS: ReadonlyArray<{ value: Period; label: string }> = [
  { value: 'LAST_30_DAYS', label: 'Last 30 days' },
  { value: 'LAST_90_DAYS', label: 'Last 90 days' },
  { value: 'LAST_12_MONTHS', label: 'Last 12 months' },
  { value: 'YEAR_TO_DATE', label: 'Year to date' },
];

export const DEFAULT_PERIOD: Period = 'LAST_12_MONTHS';

export const periodOf = (value: string | null | undefined): Period =>
  PERIODS.find((p) => p.value === value)?.value ?? DEFAULT_PERIOD;

export const periodLabel = (period: Period) => PERIODS.find((p) => p.value === period)?.label ?? period;

/**
 * The period as whole days of the company's time zone, ending with today: the same variables all day long, so the
 * performance query is asked once and cached.
 */
export function periodRange(period: Period, now: Date = new Date()): DateRangeInput {
  const { year, month, day } = wallClock(now);
  const to = new Date(zonedInstant(year, month, day + 1).getTime() - 1);
  let from: Date;
  if (period === 'LAST_30_DAYS') from = zonedInstant(year, month, day - 29);
  else if (period === 'LAST_90_DAYS') from = zonedInstant(year, month, day - 89);
  else if (period === 'LAST_12_MONTHS') from = zonedInstant(year - 1, month, day + 1);
  else from = zonedInstant(year, 1, 1);
  return { from: from.toISOString(), to: to.toISOString() };
}
