const MONEY = /^-?\d+(\.\d{1,2})?$/;

/** `$1,250.5` → `1250.5`; null (with nothing changed) when it is not an amount the `Money` scalar accepts. */
export function parseMoney(text: string): string | null {
  const cleaned = text.trim().replace(/[$,\s]/g, '');
  return MONEY.test(cleaned) ? cleaned : null;
}

export const MONEY_HINT = 'Enter an amount in dollars, e.g. 1250.00.';
