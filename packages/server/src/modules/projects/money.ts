/** A non-negative or negative decimal string (`"12.5"`, `"-3.00"`) as integer cents, exactly. */
export function toCents(amount: string): bigint {
  const [whole, fraction = ''] = amount.trim().replace(/^-/, '').split('.');
  const cents = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2));
  return amount.trim().startsWith('-') ? -cents : cents;
}

/** Whether `cost` is within `budget` (null without a budget), compared as decimals. */
export const withinBudget = (cost: string, budget: string | null): boolean | null => (budget === null ? null : toCents(cost) <= toCents(budget));
