import { dateIn, instantOf, startOfDayIn, startOfMonthIn, wallClock } from './time-zone';

describe('time-zone', () => {
  const CHICAGO = 'America/Chicago';

  it('reads the wall clock of an instant in a zone', () => {
    // 03:30 UTC on Nov 24 is 9:30 PM on Monday Nov 23 in Minneapolis (CST, UTC-6).
    expect(wallClock(new Date('2026-11-24T03:30:00Z'), CHICAGO)).toEqual({ year: 2026, month: 11, day: 23, hour: 21, minute: 30, second: 0, weekday: 1 });
    expect(dateIn(new Date('2026-11-24T03:30:00Z'), CHICAGO)).toBe('2026-11-23');
    expect(dateIn(new Date('2026-11-24T03:30:00Z'), 'UTC')).toBe('2026-11-24');
  });

  it('finds the instant of a wall-clock time, daylight saving included', () => {
    expect(instantOf(CHICAGO, 2026, 1, 1).toISOString()).toBe('2026-01-01T06:00:00.000Z'); // CST
    expect(instantOf(CHICAGO, 2026, 7, 1).toISOString()).toBe('2026-07-01T05:00:00.000Z'); // CDT
    // The days of the changes: 2026-03-08 (23 hours) and 2026-11-01 (25 hours).
    expect(instantOf(CHICAGO, 2026, 3, 8).toISOString()).toBe('2026-03-08T06:00:00.000Z');
    expect(instantOf(CHICAGO, 2026, 3, 8, 12).toISOString()).toBe('2026-03-08T17:00:00.000Z');
    expect(instantOf(CHICAGO, 2026, 11, 1, 12).toISOString()).toBe('2026-11-01T18:00:00.000Z');
    // Parts roll over like Date.UTC.
    expect(instantOf(CHICAGO, 2026, 12, 32).toISOString()).toBe('2027-01-01T06:00:00.000Z');
    expect(instantOf('Asia/Kolkata', 2026, 1, 1).toISOString()).toBe('2025-12-31T18:30:00.000Z');
  });

  it('starts days and months at the zone’s midnight', () => {
    const evening = new Date('2026-04-01T03:00:00Z'); // March 31, 10 PM in Minneapolis
    expect(startOfDayIn(evening, CHICAGO).toISOString()).toBe('2026-03-31T05:00:00.000Z');
    expect(startOfDayIn(evening, CHICAGO, 1).toISOString()).toBe('2026-04-01T05:00:00.000Z');
    expect(startOfMonthIn(evening, CHICAGO).toISOString()).toBe('2026-03-01T06:00:00.000Z');
    expect(startOfMonthIn(evening, CHICAGO, 1).toISOString()).toBe('2026-04-01T05:00:00.000Z');
    expect(startOfMonthIn(evening, 'UTC').toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });
});
