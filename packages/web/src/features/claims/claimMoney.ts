/**
 * Exact money for claims. `Money` and `Decimal` are decimal strings; the server computes every total, balance and
 * deadline. The browser only shows them (to the cent, without going through floating point) and previews a
 * supplement line's total while it is typed (quantity × unit price, rounded half up to the cent, in integers —
 * the server's rule).
 */

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** A decimal string scaled to an integer with `scale` decimals (rounded half up, away from zero); null if not a number. */
export function scaled(value: string, scale: number): bigint | null {
  const m = DECIMAL.exec(value.trim());
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  const digits = BigInt(`${whole}${frac.padEnd(scale, '0').slice(0, scale)}`);
  const roundUp = frac.length > scale && Number(frac.charAt(scale)) >= 5;
  const n = digits + (roundUp ? 1n : 0n);
  return sign ? -n : n;
}

const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** Whole cents as `$1,234.50` (`-$20.00` when negative). */
export function centsLabel(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  const dollars = group((abs / 100n).toString());
  return `${negative ? '-' : ''}$${dollars}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A `Money` string as `$12,345.67` (to the cent); a dash when missing or not an amount. */
export function exactMoney(value: string | null | undefined): string {
  const cents = value == null ? null : scaled(value, 2);
  return cents == null ? '—' : centsLabel(cents);
}

/** Whether a `Money` string is more than zero. */
export const isPositive = (value: string | null | undefined): boolean => (value == null ? false : (scaled(value, 2) ?? 0n) > 0n);

/** Whether a `Money` string is below zero. */
export const isNegative = (value: string | null | undefined): boolean => (value == null ? false : (scaled(value, 2) ?? 0n) < 0n);

const QUANTITY = /^\d+(\.\d{1,4})?$/;
const AMOUNT = /^\d+(\.\d{1,2})?$/;

/** A typed quantity (`32.67`, up to four decimals) as the `Decimal` to send; null when it is not one. */
export function parseQuantity(text: string): string | null {
  const cleaned = text.trim().replace(/,/g, '');
  return QUANTITY.test(cleaned) ? cleaned : null;
}

/** A typed amount (`$1,250.50`) as the `Money` to send, not negative; null when it is not one. */
export function parseAmount(text: string): string | null {
  const cleaned = text.trim().replace(/[$,\s]/g, '');
  return AMOUNT.test(cleaned) ? cleaned : null;
}

/** A line's total in cents: quantity × unit price, half up to the cent; null while either is not a number. */
export function lineTotalCents(quantity: string, unitPrice: string): bigint | null {
  const q = parseQuantity(quantity);
  const p = parseAmount(unitPrice);
  if (q == null || p == null) return null;
  // 4 + 2 decimals; to cents: drop 4, half up.
  const product = scaled(q, 4)! * scaled(p, 2)!;
  return (product + 5_000n) / 10_000n;
}

/** The sum of line totals in cents (lines not yet numbers count as 0). */
export const sumCents = (values: ReadonlyArray<bigint | null>): bigint => values.reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n);
