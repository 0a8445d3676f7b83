import { toDateInput } from '../../lib/dateInputs';
import { filterOf, readCalendarState, writeCalendarState, daysOf, effectiveWho } from './calendarParams';
import { browserTimeZone, setCompanyTimeZone } from '../../lib/timeZone';
import { addDays, clockMinutes, dayOfMonth, fromInputs, localizeTimes, parseDateInput, rangeLabel, sameDay, startOfDay, startOfWeek, timeLabel } from './time';

describe('calendar dates', () => {
  it('starts weeks on Monday', () => {
    expect(toDateInput(startOfWeek(new Date(2026, 10, 22, 23, 0)))).toBe('2026-11-16'); // Sunday
    expect(toDateInput(startOfWeek(new Date(2026, 10, 23, 0, 0)))).toBe('2026-11-23'); // Monday
    expect(daysOf('week', new Date(2026, 10, 25)).map(toDateInput)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
  });

  it('labels the range shown briefly', () => {
    expect(rangeLabel(new Date(2026, 10, 23), new Date(2026, 10, 30))).toBe('Nov 23 – 29, 2026');
    expect(rangeLabel(new Date(2026, 10, 30), new Date(2026, 11, 7))).toBe('Nov 30 – Dec 6, 2026');
    expect(rangeLabel(new Date(2026, 11, 28), new Date(2027, 0, 4))).toBe('Dec 28, 2026 – Jan 3, 2027');
    expect(rangeLabel(new Date(2026, 10, 23), new Date(2026, 10, 24))).toBe('Nov 23, 2026');
  });

  it('reads only real dates and times from inputs', () => {
    expect(parseDateInput('2026-02-30')).toBeNull();
    expect(parseDateInput('yesterday')).toBeNull();
    expect(fromInputs('2026-11-23', '10:30')).toEqual(new Date(2026, 10, 23, 10, 30));
    expect(fromInputs('2026-11-23', '')).toBeNull();
  });

  it('writes the instants in a server message in local time, keeping its words', () => {
    const iso = new Date(2026, 10, 23, 10, 30).toISOString();
    expect(localizeTimes(`The assignee is already booked then (${iso} to …).`)).toBe(
      'The assignee is already booked then (Mon, Nov 23, 10:30 AM to …).',
    );
  });
});

describe('calendar URL state', () => {
  const today = new Date(2026, 10, 22, 9);

  it('keeps view, date, person, team and cancelled in the URL, and leaves defaults out', () => {
    const state = readCalendarState(
      new URLSearchParams('view=day&date=2026-11-24&who=VXNlcjox&team=VGVhbTox&cancelled=1&id=QXBwOjE'),
      today,
    );
    expect(state).toEqual({
      view: 'day',
      date: new Date(2026, 10, 24),
      who: { userId: 'VXNlcjox' },
      teamId: 'VGVhbTox',
      showCancelled: true,
      openId: 'QXBwOjE',
    });
    expect(writeCalendarState(state, today).toString()).toBe(
      'view=day&date=2026-11-24&who=VXNlcjox&team=VGVhbTox&cancelled=1&id=QXBwOjE',
    );
    expect(writeCalendarState(readCalendarState(new URLSearchParams(''), today), today).toString()).toBe('');
  });

  it('shows sales their own calendar and admins and managers everyone by default', () => {
    const state = readCalendarState(new URLSearchParams(''), today);
    expect(effectiveWho(state, { id: 'me', role: 'SALES' })).toEqual({ userId: 'me' });
    expect(effectiveWho(state, { id: 'me', role: 'MANAGER' })).toBe('all');
    // Field techs get what the server gives them, whatever the URL says.
    expect(effectiveWho({ ...state, who: { userId: 'someone' } }, { id: 'me', role: 'FIELD_TECH' })).toBe('all');
  });

  it('asks for the appointments overlapping the days shown, of the chosen person and team', () => {
    const days = daysOf('week', new Date(2026, 10, 25));
    expect(filterOf(days, { userId: 'u1' }, 't1', 'MANAGER')).toEqual({
      range: { from: new Date(2026, 10, 23).toISOString(), to: new Date(2026, 10, 30).toISOString() },
      assigneeId: 'u1',
      teamId: 't1',
    });
    expect(filterOf(days, 'unassigned', 't1', 'SALES')).toEqual({
      range: { from: new Date(2026, 10, 23).toISOString(), to: new Date(2026, 10, 30).toISOString() },
      unassigned: true,
    });
  });
});

describe('calendar days in the company’s time zone', () => {
  afterEach(() => setCompanyTimeZone(browserTimeZone()));

  it('starts days, weeks and hours at the office, wherever the browser is', () => {
    setCompanyTimeZone('America/Chicago');
    const evening = new Date('2026-11-24T03:30:00.000Z'); // Monday Nov 23, 9:30 PM in Minneapolis
    expect(startOfDay(evening).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(startOfWeek(evening).toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(addDays(evening, 1).toISOString()).toBe('2026-11-24T06:00:00.000Z');
    expect(clockMinutes(evening)).toBe(21 * 60 + 30);
    expect(dayOfMonth(evening)).toBe(23);
    expect(sameDay(evening, new Date('2026-11-23T15:00:00.000Z'))).toBe(true);
    expect(fromInputs('2026-11-23', '09:00')!.toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(parseDateInput('2026-11-23')!.toISOString()).toBe('2026-11-23T06:00:00.000Z');
    expect(timeLabel(evening)).toBe('9:30 PM');
    expect(rangeLabel(startOfWeek(evening), addDays(startOfWeek(evening), 7))).toBe('Nov 23 – 29, 2026');
    // The week the clocks go back: Monday to Monday is 7 days and an hour.
    const days = daysOf('week', new Date('2026-10-28T12:00:00.000Z')).map((d) => d.toISOString());
    expect(days[0]).toBe('2026-10-26T05:00:00.000Z');
    expect(days[6]).toBe('2026-11-01T05:00:00.000Z');
    expect(addDays(new Date(days[6]!), 1).toISOString()).toBe('2026-11-02T06:00:00.000Z');
  });
});
