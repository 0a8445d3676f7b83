/** A `UserError` as mutations return it. */
export interface UserErrorLike {
  field?: readonly string[] | null;
  message: string;
}

export interface SplitErrors {
  /** Messages by input path joined with dots (`["address", "zip"]` → `address.zip`). */
  byField: Record<string, string>;
  /** Messages not about one field (or about a field the form does not show). */
  general: string[];
}

/** Splits `errors` for a form: the first message per field next to it, the rest above the form. */
export function splitUserErrors(errors: readonly UserErrorLike[], shownFields: readonly string[]): SplitErrors {
  const result: SplitErrors = { byField: {}, general: [] };
  for (const e of errors) {
    const path = e.field?.join('.');
    if (path && shownFields.includes(path)) result.byField[path] ??= e.message;
    else result.general.push(e.message);
  }
  return result;
}
