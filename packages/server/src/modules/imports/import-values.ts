import { instantOf } from '../../platform/time-zone';
import { isEmail, isMoney, isoDateTime, type Validator } from '../../platform/validation';

/*
 * Cells as the API's scalars and enums would take them: what GraphQL checks before a mutation's service runs (an
 * e-mail's shape, an enum value, a money amount, a date-time), done here for text cells. The rules of the records
 * themselves stay the modules' own (customer-input.ts, lead-input.ts, partner-input.ts).
 */

const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');

/** An enum value from its name or its words, any case (`storm canvass`, `Storm-Canvass`, `STORM_CANVASS`). */
export function enumCell<T extends string>(v: Validator, field: string, cell: string | undefined, values: readonly T[]): T | undefined {
  if (cell === undefined) return undefined;
  const key = cell.trim().toUpperCase().replace(/[\s-]+/g, '_');
  const found = values.find((value) => value === key);
  if (!found) v.add(field, 'INVALID', `"${cell.trim()}" is not one of: ${values.map(words).join(', ')}.`);
  return found;
}

const YES = new Set(['yes', 'y', 'true', 't', '1', 'x', 'on']);
const NO = new Set(['no', 'n', 'false', 'f', '0', 'off']);

/** A yes/no cell. */
export function booleanCell(v: Validator, field: string, cell: string | undefined): boolean | undefined {
  if (cell === undefined) return undefined;
  const t = cell.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  v.add(field, 'INVALID', `"${cell.trim()}" is not yes or no.`);
  return undefined;
}

/** An e-mail address, as the `Email` scalar takes it. */
export function emailCell(v: Validator, field: string, cell: string | undefined): string | undefined {
  if (cell === undefined) return undefined;
  const t = cell.trim();
  if (isEmail(t)) return t;
  v.add(field, 'INVALID', `"${t}" is not a valid e-mail address.`);
  return undefined;
}

/** An amount, as the `Money` scalar takes it, also with a dollar sign and thousands separators (`$12,500.00`). */
export function moneyCell(v: Validator, field: string, cell: string | undefined): string | undefined {
  if (cell === undefined) return undefined;
  const t = cell.trim().replace(/^(-?)\$/, '$1').replace(/,(?=\d{3}(\D|$))/g, '');
  // As the column keeps it (two decimals), so an unchanged amount compares equal.
  if (isMoney(t)) return t.includes('.') ? t.padEnd(t.indexOf('.') + 3, '0') : `${t}.00`;
  v.add(field, 'INVALID', `"${cell.trim()}" is not an amount such as 12500 or 12500.00.`);
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A moment: a date-time with an offset (as the `DateTime` scalar takes it), or a calendar date (2026-11-22 or
 * 11/22/2026), taken as noon on the company's clock (`timeZone`, COMPANY_TIME_ZONE) so the app shows that day.
 */
export function dateTimeCell(v: Validator, field: string, cell: string | undefined, timeZone: string): Date | undefined {
  if (cell === undefined) return undefined;
  const t = cell.trim();
  const exact = isoDateTime(t);
  if (exact) return exact;
  const iso = ISO_DATE.exec(t);
  const us = US_DATE.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : us ? [us[3], us[1], us[2]] : [];
  if (y && m && d) {
    const day = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    if (day.getUTCMonth() === Number(m) - 1 && day.getUTCDate() === Number(d)) return instantOf(timeZone, Number(y), Number(m), Number(d), 12);
  }
  v.add(field, 'INVALID', `"${t}" is not a date (2026-11-22 or 11/22/2026) or a date-time with offset.`);
  return undefined;
}
