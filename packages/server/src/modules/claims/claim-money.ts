import type { ClaimEntity } from './claim.entity';
import { toCents } from '../projects/money';

/**
 * Claim arithmetic, exact: amounts as integer cents (bigint), quantities as ten-thousandths; never floating point.
 * Decimal strings in, decimal strings out.
 */

/** The largest amount a numeric(12,2) column holds, in cents. */
export const MAX_CENTS = 999_999_999_999n;

/** `"1234.56"` for 123456n cents (`"-0.05"` for -5n). */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** A non-negative decimal string with at most four decimals (`Decimal`) as ten-thousandths: `"32.67"` → 326700n. */
export function toTenThousandths(quantity: string): bigint {
  const [whole, fraction = ''] = quantity.trim().split('.');
  return BigInt(whole || '0') * 10_000n + BigInt((fraction + '0000').slice(0, 4));
}

/** quantity × unit price in cents, rounded half up to the cent (`"3.3333"` × `"0.10"` = 33n: 0.333330 → 0.33). */
export function lineTotalCents(quantity: string, unitPrice: string): bigint {
  const exact = toTenThousandths(quantity) * toCents(unitPrice); // cents × 10^-4
  return (exact + 5_000n) / 10_000n;
}

/** Sum of decimal strings (nulls count 0), in cents. */
export const sumCents = (amounts: ReadonlyArray<string | null | undefined>): bigint => amounts.reduce((s, a) => s + (a ? toCents(a) : 0n), 0n);

/** What the claim's money is computed from besides the claim itself: its supplements, payments and project. */
export interface ClaimMoneyInputs {
  /** Requested totals of supplements sent (not drafts). */
  supplementsRequested: string;
  /** Approved totals of supplements answered APPROVED or PARTIALLY_APPROVED. */
  supplementsApproved: string;
  /** All payments received. */
  paymentsReceived: string;
  /** DEPRECIATION payments received. */
  depreciationPaid: string;
  /** The claim's project is COMPLETED (the recoverable depreciation is released). */
  workCompleted: boolean;
}

/** GraphQL's `ClaimMoney` (see its SDL description for each definition). */
export interface ClaimMoneyModel {
  rcv: string | null;
  recoverableDepreciation: string;
  nonRecoverableDepreciation: string;
  overheadAndProfit: string | null;
  deductible: string;
  approvedTotal: string | null;
  approvedRcv: string | null;
  acv: string | null;
  homeownerOwes: string;
  depreciationReleased: boolean;
  supplementsApproved: string;
  supplementsRequested: string;
  paymentsReceived: string;
  carrierOwes: string | null;
  depreciationToCollect: string;
}

/** The money of `claim` from its amounts and `inputs`, every sum in whole cents. */
export function claimMoney(claim: ClaimEntity, inputs: ClaimMoneyInputs): ClaimMoneyModel {
  const c = (a: string | null) => (a === null ? null : toCents(a));
  const recoverable = toCents(claim.recoverableDepreciation);
  const nonRecoverable = toCents(claim.nonRecoverableDepreciation);
  const deductible = toCents(claim.deductible);
  const approvedRcv = c(claim.approvedTotal) ?? c(claim.rcv);
  const acv = approvedRcv === null ? null : approvedRcv - recoverable - nonRecoverable;
  const supplementsApproved = toCents(inputs.supplementsApproved);
  const payments = toCents(inputs.paymentsReceived);
  const released = inputs.workCompleted ? recoverable : 0n;
  const carrierOwes = acv === null ? null : acv - deductible + released + supplementsApproved - payments;
  const toCollect = recoverable - toCents(inputs.depreciationPaid);
  const text = (v: bigint | null) => (v === null ? null : fromCents(v));
  return {
    rcv: text(c(claim.rcv)),
    recoverableDepreciation: fromCents(recoverable),
    nonRecoverableDepreciation: fromCents(nonRecoverable),
    overheadAndProfit: text(c(claim.overheadAndProfit)),
    deductible: fromCents(deductible),
    approvedTotal: text(c(claim.approvedTotal)),
    approvedRcv: text(approvedRcv),
    acv: text(acv),
    homeownerOwes: fromCents(deductible),
    depreciationReleased: inputs.workCompleted,
    supplementsApproved: fromCents(supplementsApproved),
    supplementsRequested: fromCents(toCents(inputs.supplementsRequested)),
    paymentsReceived: fromCents(payments),
    carrierOwes: text(carrierOwes),
    depreciationToCollect: fromCents(toCollect > 0n ? toCollect : 0n),
  };
}
