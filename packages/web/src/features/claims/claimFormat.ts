import type { CarrierPaymentKind, CauseOfLoss, ClaimStatus, SupplementStatus } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import { toDateInput } from '../../lib/dateInputs';
import type { BadgeTone, SelectOption } from '../../ui';

/** The stages in the SDL's order (the claim's usual road). */
export const CLAIM_STATUSES: readonly ClaimStatus[] = [
  'FILED',
  'INSPECTION_SCHEDULED',
  'INSPECTED',
  'APPROVED',
  'PARTIALLY_APPROVED',
  'DENIED',
  'SUPPLEMENT_REQUESTED',
  'SUPPLEMENT_APPROVED',
  'PAID',
  'CLOSED',
];

export const CAUSES: readonly CauseOfLoss[] = ['HAIL', 'WIND', 'TREE', 'OTHER'];
export const PAYMENT_KINDS: readonly CarrierPaymentKind[] = ['ACV', 'DEPRECIATION', 'SUPPLEMENT', 'OTHER'];

export const claimStatusLabel = (s: ClaimStatus) => enumLabel(s);
export const causeLabel = (c: CauseOfLoss) => (c === 'TREE' ? 'Fallen tree or limb' : enumLabel(c));

const PAYMENT_LABEL: Record<CarrierPaymentKind, string> = {
  ACV: 'ACV cheque',
  DEPRECIATION: 'Depreciation',
  SUPPLEMENT: 'Supplement',
  OTHER: 'Other',
};
export const paymentKindLabel = (k: CarrierPaymentKind) => PAYMENT_LABEL[k];

export const STATUS_OPTIONS: readonly SelectOption[] = CLAIM_STATUSES.map((s) => ({ value: s, label: claimStatusLabel(s) }));
export const CAUSE_OPTIONS: readonly SelectOption[] = CAUSES.map((c) => ({ value: c, label: causeLabel(c) }));
export const PAYMENT_KIND_OPTIONS: readonly SelectOption[] = PAYMENT_KINDS.map((k) => ({ value: k, label: paymentKindLabel(k) }));

export const CLAIM_STATUS_TONE: Record<ClaimStatus, BadgeTone> = {
  FILED: 'neutral',
  INSPECTION_SCHEDULED: 'info',
  INSPECTED: 'info',
  APPROVED: 'success',
  PARTIALLY_APPROVED: 'warning',
  DENIED: 'danger',
  SUPPLEMENT_REQUESTED: 'info',
  SUPPLEMENT_APPROVED: 'success',
  PAID: 'success',
  CLOSED: 'neutral',
};

export const SUPPLEMENT_STATUS_TONE: Record<SupplementStatus, BadgeTone> = {
  DRAFT: 'neutral',
  SENT: 'info',
  PARTIALLY_APPROVED: 'warning',
  APPROVED: 'success',
  DENIED: 'danger',
};

/** Where the recoverable depreciation's deadline stands, as the server warns (14 and 3 days before). */
export type DeadlineState = { kind: 'none' } | { kind: 'later' | 'near' | 'today' | 'past'; days: number };

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/** The deadline (a `Date` scalar) against the company's today; `near` within 14 days. */
export function deadlineState(deadline: string | null | undefined, now = new Date()): DeadlineState {
  if (!deadline || Number.isNaN(dayNumber(deadline))) return { kind: 'none' };
  const days = Math.round(dayNumber(deadline) - dayNumber(toDateInput(now)));
  if (days < 0) return { kind: 'past', days: -days };
  if (days === 0) return { kind: 'today', days };
  return { kind: days <= 14 ? 'near' : 'later', days };
}

/** `in 3 days`, `today`, `2 days ago`. */
export function deadlineNote(state: DeadlineState): string {
  switch (state.kind) {
    case 'none':
      return '';
    case 'today':
      return 'today';
    case 'past':
      return `${state.days} day${state.days === 1 ? '' : 's'} ago`;
    default:
      return `in ${state.days} day${state.days === 1 ? '' : 's'}`;
  }
}
