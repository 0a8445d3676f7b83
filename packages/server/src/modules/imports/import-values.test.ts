import { Validator } from '../../platform/validation';
import { booleanCell, dateTimeCell, emailCell, enumCell, moneyCell } from './import-values';

const read = <T>(parse: (v: Validator) => T) => {
  const v = new Validator();
  return { value: parse(v), errors: v.errors.map((e) => e.message) };
};

describe('import cells', () => {
  it('reads enum values by name or words, any case', () => {
    const values = ['STORM_CANVASS', 'WEBSITE'] as const;
    expect(read((v) => enumCell(v, 'source', 'Storm canvass', values)).value).toBe('STORM_CANVASS');
    expect(read((v) => enumCell(v, 'source', 'storm-canvass', values)).value).toBe('STORM_CANVASS');
    expect(read((v) => enumCell(v, 'source', 'Billboard', values)).errors).toEqual(['"Billboard" is not one of: storm canvass, website.']);
    expect(read((v) => enumCell(v, 'source', undefined, values))).toEqual({ value: undefined, errors: [] });
  });

  it('reads yes and no', () => {
    for (const yes of ['yes', 'Y', 'TRUE', '1', 'x']) expect(read((v) => booleanCell(v, 'f', yes)).value).toBe(true);
    for (const no of ['no', 'N', 'false', '0']) expect(read((v) => booleanCell(v, 'f', no)).value).toBe(false);
    expect(read((v) => booleanCell(v, 'f', 'maybe')).errors).toEqual(['"maybe" is not yes or no.']);
  });

  it('reads e-mail addresses as the Email scalar does', () => {
    expect(read((v) => emailCell(v, 'email', ' Dana@Example.com ')).value).toBe('Dana@Example.com');
    expect(read((v) => emailCell(v, 'email', 'dana@')).errors).toEqual(['"dana@" is not a valid e-mail address.']);
  });

  it('reads amounts with a dollar sign and separators, as the column keeps them', () => {
    expect(read((v) => moneyCell(v, 'value', '$12,500')).value).toBe('12500.00');
    expect(read((v) => moneyCell(v, 'value', '1,234,567.5')).value).toBe('1234567.50');
    expect(read((v) => moneyCell(v, 'value', '99.99')).value).toBe('99.99');
    expect(read((v) => moneyCell(v, 'value', '-$5')).value).toBe('-5.00');
    expect(read((v) => moneyCell(v, 'value', '12.345')).errors).toEqual(['"12.345" is not an amount such as 12500 or 12500.00.']);
  });

  it('reads dates (noon on the company clock, daylight saving included) and date-times with an offset', () => {
    const chicago = (cell: string) => read((v) => dateTimeCell(v, 'at', cell, 'America/Chicago'));
    expect(chicago('2026-12-10').value?.toISOString()).toBe('2026-12-10T18:00:00.000Z'); // CST, UTC-6
    expect(chicago('11/22/2026').value?.toISOString()).toBe('2026-11-22T18:00:00.000Z');
    expect(chicago('2026-07-10').value?.toISOString()).toBe('2026-07-10T17:00:00.000Z'); // CDT, UTC-5
    expect(read((v) => dateTimeCell(v, 'at', '2026-12-10', 'Asia/Tokyo')).value?.toISOString()).toBe('2026-12-10T03:00:00.000Z');
    expect(read((v) => dateTimeCell(v, 'at', '2026-12-10', 'UTC')).value?.toISOString()).toBe('2026-12-10T12:00:00.000Z');
    // An offset says when: the zone plays no part.
    expect(chicago('2026-11-22T09:30:00-06:00').value?.toISOString()).toBe('2026-11-22T15:30:00.000Z');
    expect(chicago('02/30/2026').errors).toHaveLength(1);
    expect(chicago('2026-13-01').errors).toHaveLength(1);
    expect(chicago('tomorrow').errors).toHaveLength(1);
  });
});
