import { dayBoundary, fromLocalInput, toDateInput, toLocalInput } from './dateInputs';
import { dateLabel, dateTimeLabel } from './format';
import { browserTimeZone, companyTimeZone, setCompanyTimeZone, zoneDiffers, zoneName } from './timeZone';

// The browser here may be anywhere (CI runs in UTC); the company is in Minneapolis unless a test says otherwise.
const browser = browserTimeZone();
const elsewhere = browser === 'America/Chicago' ? 'Asia/Tokyo' : 'America/Chicago';
afterEach(() => setCompanyTimeZone(browser));

describe('the company’s time zone', () => {
  it('is the browser’s until the app knows the company’s; an unknown zone keeps the browser’s', () => {
    expect(companyTimeZone()).toBe(browser);
    expect(zoneDiffers()).toBe(false);
    setCompanyTimeZone('Not/AZone');
    expect(companyTimeZone()).toBe(browser);
  });

  it('shows instants on the company’s calendar and clock, naming the zone when the browser is elsewhere', () => {
    setCompanyTimeZone('America/Chicago');
    // 03:30 UTC on Nov 24 is the evening of Monday Nov 23 in Minneapolis.
    expect(dateLabel('2026-11-24T03:30:00.000Z')).toBe('Nov 23, 2026');
    expect(toDateInput(new Date('2026-11-24T03:30:00.000Z'))).toBe('2026-11-23');
    if (browser !== 'America/Chicago') {
      expect(zoneDiffers()).toBe(true);
      expect(dateTimeLabel('2026-11-24T03:30:00.000Z')).toBe('Mon, Nov 23, 9:30 PM CST');
      expect(dateTimeLabel('2026-07-01T14:00:00.000Z')).toBe('Wed, Jul 1, 9:00 AM CDT');
      expect(zoneName(new Date('2026-07-01T14:00:00.000Z'))).toBe('CDT');
    }
  });

  it('reads what is typed into date and time inputs as company time', () => {
    setCompanyTimeZone('America/Chicago');
    expect(fromLocalInput('2026-11-23T21:30')).toBe('2026-11-24T03:30:00.000Z');
    expect(fromLocalInput('2026-07-01T09:00')).toBe('2026-07-01T14:00:00.000Z');
    expect(fromLocalInput('2026-02-30T09:00')).toBeNull();
    expect(fromLocalInput('soon')).toBeNull();
    expect(toLocalInput('2026-11-24T03:30:00.000Z')).toBe('2026-11-23T21:30');
    expect(dayBoundary('2026-11-23', false)).toBe('2026-11-23T06:00:00.000Z');
    expect(dayBoundary('2026-11-23', true)).toBe('2026-11-24T05:59:59.999Z');
    // The day the clocks go back is 25 hours long.
    expect(dayBoundary('2026-11-01', true)).toBe('2026-11-02T05:59:59.999Z');
  });

  it('labels nothing when the browser is in the company’s zone', () => {
    setCompanyTimeZone(elsewhere);
    expect(zoneDiffers()).toBe(true);
    setCompanyTimeZone(browser);
    expect(dateTimeLabel('2026-11-24T03:30:00.000Z')).not.toMatch(/[A-Z]{3}$/);
  });
});
