import { types } from 'pg';

/** `pg`'s own parser (postgres-date): every form PostgreSQL can print, BC dates and infinities included. */
export const parseAnyTimestamp = types.getTypeParser(types.builtins.TIMESTAMPTZ);

/** What PostgreSQL prints for a timestamptz with DateStyle ISO: `2026-12-04 21:23:08.123+00`, `…+05:30`. */
const ISO = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?[+-]\d\d(?::\d\d)?$/;

/**
 * Parses a timestamptz as `pg` does, fast: the common form goes through V8's native ISO parser (postgres-date's
 * regular expression and field arithmetic were 6 % of a large list's CPU); anything else (BC dates, infinities, a
 * seconds offset) falls back to `pg`'s parser.
 */
export function parseTimestamptz(text: string): Date {
  if (!ISO.test(text)) return parseAnyTimestamp(text) as Date;
  const offsetHasMinutes = text.charCodeAt(text.length - 3) === 58; // ':'
  return new Date(`${text.slice(0, 10)}T${text.slice(11)}${offsetHasMinutes ? '' : ':00'}`);
}

types.setTypeParser(types.builtins.TIMESTAMPTZ, parseTimestamptz);
