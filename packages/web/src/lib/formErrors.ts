import { CombinedGraphQLErrors } from '@apollo/client/errors';

/**
 * The app's one error model for forms. A message is about one field of the operation's input when it carries that
 * field's path: a mutation's `UserError.field` (`["address", "zip"]`), or `extensions.field` of a `BAD_USER_INPUT`
 * GraphQL error (`"address.zip"`, also for variable values a scalar refused). Both become the same `UserErrorLike`,
 * which `splitUserErrors` puts next to the field showing that path, or above the form.
 */
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

export const NO_ERRORS: SplitErrors = { byField: {}, general: [] };

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

/**
 * The GraphQL errors of a failed request as `UserErrorLike`s (a `BAD_USER_INPUT` error with `extensions.field` is
 * about that field); null when the request failed otherwise (the server could not be reached).
 */
export function userErrorsOf(error: unknown): UserErrorLike[] | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  return error.errors.map((e) => {
    const field = e.extensions?.code === 'BAD_USER_INPUT' ? e.extensions.field : undefined;
    if (typeof field !== 'string' || !field) return { field: null, message: e.message };
    // Next to the field, a refused variable value needs only the scalar's words, not graphql-js's preamble.
    return { field: field.split('.'), message: e.message.replace(VARIABLE_PREAMBLE, '') };
  });
}

/** `Variable "$input" got invalid value "x" at "input.email"; ` (graphql-js), before what the scalar said. */
const VARIABLE_PREAMBLE = /^Variable "\$\w+" got invalid value .*?; /s;

/**
 * A failed request for a form: messages about a shown field next to it; when anything else went wrong (another
 * GraphQL error, or no answer at all) `otherwise(error)` above the form.
 */
export function splitFailure(error: unknown, shownFields: readonly string[], otherwise: (error: unknown) => string): SplitErrors {
  const split = splitUserErrors(userErrorsOf(error) ?? [], shownFields);
  const unexplained = split.general.length > 0 || Object.keys(split.byField).length === 0;
  return { byField: split.byField, general: unexplained ? [otherwise(error)] : [] };
}

/** What to say when a mutation failed outright (not a `UserError`): the server's words, or "not reachable". */
export function failureMessage(error: unknown, nothingSaved: string): string {
  if (CombinedGraphQLErrors.is(error) && error.errors.length) {
    return `${error.errors.map((e) => e.message).join(' ')} ${nothingSaved}`;
  }
  return `The server could not be reached. ${nothingSaved} Try again.`;
}
