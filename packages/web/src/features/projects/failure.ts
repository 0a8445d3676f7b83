import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What to say when a mutation failed outright (not a `UserError`): the server's words, or "not reachable". */
export function failureMessage(error: unknown, nothingSaved: string): string {
  if (CombinedGraphQLErrors.is(error) && error.errors.length) {
    return `${error.errors.map((e) => e.message).join(' ')} ${nothingSaved}`;
  }
  return `The server could not be reached. ${nothingSaved} Try again.`;
}

const MONEY = /^-?\d+(\.\d{1,2})?$/;

/** `$1,250.5` → `1250.5`; null (with nothing changed) when it is not an amount the `Money` scalar accepts. */
export function parseMoney(text: string): string | null {
  const cleaned = text.trim().replace(/[$,\s]/g, '');
  return MONEY.test(cleaned) ? cleaned : null;
}

export const MONEY_HINT = 'Enter an amount in dollars, e.g. 1250.00.';
