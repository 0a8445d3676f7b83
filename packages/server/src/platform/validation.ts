import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { UserErrorCode } from '../generated/graphql';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** The shape of an e-mail address the `Email` scalar accepts (lower-casing is the scalar's). */
export const isEmail = (text: string) => text.length <= 254 && EMAIL.test(text);

const MONEY = /^-?\d{1,10}(\.\d{1,2})?$/;

/** The shape of an amount the `Money` scalar accepts: a decimal string with at most two decimals, e.g. `1250.00`. */
export const isMoney = (text: string) => MONEY.test(text);

const DECIMAL = /^-?\d{1,8}(\.\d{1,4})?$/;

/** The shape of a number the `Decimal` scalar accepts: a decimal string with at most four decimals, e.g. `32.67`. */
export const isDecimal = (text: string) => DECIMAL.test(text);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The shape of an ID the `UUID` scalar accepts (any case; lower-casing is the scalar's). */
export const isUuid = (text: string) => UUID.test(text);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD` that exists (not 2026-02-30), as the `Date` scalar accepts it. */
export function isCalendarDate(text: string): boolean {
  const d = new Date(`${text}T00:00:00Z`);
  return DATE.test(text) && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO-8601 date-time with an offset, as the `DateTime` scalar accepts it; null when it is not one. */
export function isoDateTime(text: string): Date | null {
  const d = new Date(text);
  return ISO_DATETIME.test(text) && !Number.isNaN(d.getTime()) ? d : null;
}

/** An expected, user-correctable failure, returned as data in mutation payloads. */
export interface UserErrorData {
  field: string[] | null;
  code: UserErrorCode;
  message: string;
}

export const userError = (field: string | null, code: UserErrorCode, message: string): UserErrorData => ({
  field: field ? field.split('.') : null,
  code,
  message,
});

/** Collects field errors while normalising input, so a service can report every problem at once. */
export class Validator {
  readonly errors: UserErrorData[] = [];

  get ok(): boolean {
    return this.errors.length === 0;
  }

  add(field: string | null, code: UserErrorCode, message: string): void {
    this.errors.push(userError(field, code, message));
  }

  /** Trims; reports blank (when required), too long or too short. Returns the trimmed text, or null when absent or bad. */
  text(field: string, value: string | null | undefined, opts: { max: number; min?: number; required?: boolean }): string | null {
    if (value === undefined || value === null) {
      if (opts.required) this.add(field, 'REQUIRED', `${label(field)} is required.`);
      return null;
    }
    const v = value.trim();
    if (!v && opts.required) this.add(field, 'REQUIRED', `${label(field)} is required.`);
    else if (v.length > opts.max) this.add(field, 'TOO_LONG', `${label(field)} must be at most ${opts.max} characters.`);
    else if (opts.min && v && v.length < opts.min) this.add(field, 'INVALID', `${label(field)} must be at least ${opts.min} characters.`);
    else return v || null;
    return null;
  }

  /** A phone number in E.164 form (US numbers may omit +1); null when absent. */
  phone(field: string, value: string | null | undefined): string | null {
    const raw = value?.trim();
    if (!raw) return null;
    const parsed = raw.length <= 30 ? parsePhoneNumberFromString(raw, 'US') : undefined;
    if (!parsed?.isValid()) {
      this.add(field, 'INVALID', `${label(field)} is not a valid phone number.`);
      return null;
    }
    return parsed.number;
  }

  /** An e-mail address, for input that takes it as text (so a bad one is a UserError); null when absent. */
  email(field: string, value: string | null | undefined): string | null {
    const t = value?.trim();
    if (!t) return null;
    if (!isEmail(t)) {
      this.add(field, 'INVALID', `${label(field)} is not a valid e-mail address.`);
      return null;
    }
    return t;
  }

  /** A money amount (already well-formed by the scalar) that must not be negative. */
  money(field: string, value: string | null | undefined): string | null {
    if (value === undefined || value === null) return null;
    if (value.startsWith('-')) this.add(field, 'OUT_OF_RANGE', `${label(field)} must not be negative.`);
    return value;
  }

  /** A link: http or https (`https` only when told), at most `max` characters; null when absent or bad. */
  url(field: string, value: string | null | undefined, opts: { max: number; httpsOnly?: boolean; required?: boolean }): string | null {
    const text = this.text(field, value, { max: opts.max, required: opts.required });
    if (!text) return null;
    let parsed: URL | null = null;
    try {
      parsed = new URL(text);
    } catch {
      parsed = null;
    }
    const schemes = opts.httpsOnly ? ['https:'] : ['http:', 'https:'];
    if (!parsed || !schemes.includes(parsed.protocol) || !parsed.hostname) {
      this.add(field, 'INVALID', `${label(field)} must be an ${opts.httpsOnly ? 'https' : 'http or https'} link.`);
      return null;
    }
    return text;
  }

  /** An integer within [min, max]. */
  intRange(field: string, value: number | null | undefined, min: number, max: number): number | null {
    if (value === undefined || value === null) return null;
    if (value < min || value > max) this.add(field, 'OUT_OF_RANGE', `${label(field)} must be between ${min} and ${max}.`);
    return value;
  }

  /** Reports `endField` when `end` is before `start` (both optional). */
  order(endField: string, start: Date | string | null | undefined, end: Date | string | null | undefined, strict = false): void {
    if (start == null || end == null) return;
    const [a, b] = [new Date(start).getTime(), new Date(end).getTime()];
    if (strict ? b <= a : b < a) this.add(endField, 'OUT_OF_RANGE', `${label(endField)} must be after the start.`);
  }
}

function label(field: string): string {
  const last = field.split('.').pop() ?? field;
  const words = last.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
