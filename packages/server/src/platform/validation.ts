import type { UserErrorCode } from '../generated/graphql';

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

  /** Trims; reports blank (when required) or too long. Returns the trimmed text, or null when absent. */
  text(field: string, value: string | null | undefined, opts: { max: number; min?: number; required?: boolean }): string | null {
    if (value === undefined || value === null) {
      if (opts.required) this.add(field, 'REQUIRED', `${label(field)} is required.`);
      return null;
    }
    const v = value.trim();
    if (!v && opts.required) this.add(field, 'REQUIRED', `${label(field)} is required.`);
    else if (v.length > opts.max) this.add(field, 'TOO_LONG', `${label(field)} must be at most ${opts.max} characters.`);
    else if (opts.min && v.length < opts.min) this.add(field, 'INVALID', `${label(field)} must be at least ${opts.min} characters.`);
    return v || null;
  }
}

function label(field: string): string {
  const last = field.split('.').pop() ?? field;
  const words = last.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
