import type {
  CauseOfLoss,
  ClaimAdjusterInput,
  ClaimDetail_ClaimFragment,
  ClaimMoneyInput,
  CreateClaimInput,
  UpdateClaimInput,
} from '../../gql/graphql';
import { fromLocalInput, toDateInput, toLocalInput } from '../../lib/dateInputs';
import { phoneProblem } from '../../lib/phone';
import { parseAmount } from './claimMoney';

/** The claim's amounts the form edits, as typed. */
export const MONEY_FIELDS = ['rcv', 'recoverableDepreciation', 'nonRecoverableDepreciation', 'overheadAndProfit', 'deductible', 'approvedTotal'] as const;
export type MoneyField = (typeof MONEY_FIELDS)[number];

export const MONEY_LABELS: Record<MoneyField, string> = {
  rcv: 'RCV (replacement cost)',
  recoverableDepreciation: 'Recoverable depreciation',
  nonRecoverableDepreciation: 'Non-recoverable depreciation',
  overheadAndProfit: 'Overhead and profit',
  deductible: 'Deductible',
  approvedTotal: 'Approved total',
};

/** Who adjusts the claim: nobody yet, one of the company's adjuster partners (and a person there), or a name and phone. */
export type AdjusterMode = 'NONE' | 'PARTNER' | 'NAME';

/** What the claim form edits, as its inputs hold it (blank: not given). */
export interface ClaimFormValues {
  carrier: string;
  claimNumber: string;
  policyNumber: string;
  /** `YYYY-MM-DD`. */
  dateOfLoss: string;
  causeOfLoss: CauseOfLoss;
  /** A `datetime-local` value in company time. */
  inspectionAt: string;
  /** `YYYY-MM-DD`; blank: the server's default (date of loss + 180 days). */
  depreciationDeadline: string;
  notes: string;
  adjusterMode: AdjusterMode;
  adjusterPartnerId: string;
  adjusterContactId: string;
  adjusterName: string;
  adjusterPhone: string;
  money: Record<MoneyField, string>;
}

export type ClaimFormErrors = Record<string, string | undefined>;

/** The input paths the form shows messages for (`UserError.field`). */
export const CLAIM_FORM_PATHS: readonly string[] = [
  'carrier',
  'claimNumber',
  'policyNumber',
  'dateOfLoss',
  'causeOfLoss',
  'inspectionAt',
  'depreciationDeadline',
  'notes',
  'adjuster.partnerId',
  'adjuster.contactId',
  'adjuster.name',
  'adjuster.phone',
  ...MONEY_FIELDS.map((f) => `money.${f}`),
];

/** The path a form value's messages come back under. */
export const CLAIM_VALUE_PATHS: Partial<Record<keyof ClaimFormValues, string[]>> = {
  adjusterMode: ['adjuster.partnerId', 'adjuster.contactId', 'adjuster.name', 'adjuster.phone'],
  adjusterPartnerId: ['adjuster.partnerId', 'adjuster.contactId'],
  adjusterContactId: ['adjuster.contactId'],
  adjusterName: ['adjuster.name'],
  adjusterPhone: ['adjuster.phone'],
};

type Claim = ClaimDetail_ClaimFragment;

function adjusterMode(claim: Claim | null | undefined): AdjusterMode {
  if (claim?.adjuster?.partner) return 'PARTNER';
  if (claim?.adjuster?.name) return 'NAME';
  return 'NONE';
}

/** The form's starting values: the claim's when editing; a hail claim of today otherwise. */
export function initialClaimValues(claim?: Claim | null, now = new Date()): ClaimFormValues {
  const m = claim?.money;
  return {
    carrier: claim?.carrier ?? '',
    claimNumber: claim?.claimNumber ?? '',
    policyNumber: claim?.policyNumber ?? '',
    dateOfLoss: claim?.dateOfLoss ?? toDateInput(now),
    causeOfLoss: claim?.causeOfLoss ?? 'HAIL',
    inspectionAt: toLocalInput(claim?.inspectionAt),
    depreciationDeadline: claim?.depreciationDeadline ?? '',
    notes: claim?.notes ?? '',
    adjusterMode: adjusterMode(claim),
    adjusterPartnerId: claim?.adjuster?.partner?.id ?? '',
    adjusterContactId: claim?.adjuster?.contact?.id ?? '',
    adjusterName: claim?.adjuster?.partner ? '' : (claim?.adjuster?.name ?? ''),
    adjusterPhone: claim?.adjuster?.partner ? '' : (claim?.adjuster?.phone ?? ''),
    money: Object.fromEntries(MONEY_FIELDS.map((f) => [f, m?.[f] ?? ''])) as Record<MoneyField, string>,
  };
}

/** The checks the browser can make first (the server checks again, amounts against each other too). */
export function validateClaim(v: ClaimFormValues, today = toDateInput(new Date())): ClaimFormErrors {
  const errors: ClaimFormErrors = {};
  const carrier = v.carrier.trim();
  if (carrier.length < 2 || carrier.length > 200) errors.carrier = 'The carrier must be 2 to 200 characters.';
  if (v.claimNumber.trim().length > 100) errors.claimNumber = 'At most 100 characters.';
  if (v.policyNumber.trim().length > 100) errors.policyNumber = 'At most 100 characters.';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.dateOfLoss)) errors.dateOfLoss = 'Enter the date of the loss.';
  else if (v.dateOfLoss > today) errors.dateOfLoss = 'The date of loss cannot be in the future.';
  if (v.inspectionAt && !fromLocalInput(v.inspectionAt)) errors.inspectionAt = 'Enter a date and time.';
  if (v.notes.length > 5000) errors.notes = 'The notes must be at most 5,000 characters.';
  if (v.adjusterMode === 'PARTNER' && !v.adjusterPartnerId) errors['adjuster.partnerId'] = 'Choose the adjuster partner.';
  if (v.adjusterMode === 'NAME') {
    const name = v.adjusterName.trim();
    if (name.length < 2 || name.length > 200) errors['adjuster.name'] = "The adjuster's name must be 2 to 200 characters.";
    const phone = phoneProblem(v.adjusterPhone);
    if (phone) errors['adjuster.phone'] = phone;
  }
  for (const f of MONEY_FIELDS) {
    const typed = v.money[f].trim();
    if (typed && parseAmount(typed) == null) errors[`money.${f}`] = 'Enter an amount in dollars and cents, e.g. 12500.00.';
  }
  return errors;
}

const text = (s: string) => s.trim() || null;

function adjusterInput(v: ClaimFormValues): ClaimAdjusterInput | null {
  if (v.adjusterMode === 'PARTNER') return { partnerId: v.adjusterPartnerId, contactId: v.adjusterContactId || null };
  if (v.adjusterMode === 'NAME') return { name: v.adjusterName.trim(), phone: text(v.adjusterPhone) };
  return null;
}

/** The amounts for which `changed` holds (a blank one null: cleared). */
function moneyInput(v: ClaimFormValues, changed: (f: MoneyField) => boolean): ClaimMoneyInput {
  const input: ClaimMoneyInput = {};
  for (const f of MONEY_FIELDS) if (changed(f)) input[f] = parseAmount(v.money[f]);
  return input;
}

export interface ClaimOn {
  leadId?: string;
  projectId?: string;
}

export function createClaimInput(v: ClaimFormValues, on: ClaimOn): CreateClaimInput {
  const input: CreateClaimInput = {
    ...on,
    carrier: v.carrier.trim(),
    dateOfLoss: v.dateOfLoss,
    causeOfLoss: v.causeOfLoss,
  };
  if (text(v.claimNumber)) input.claimNumber = v.claimNumber.trim();
  if (text(v.policyNumber)) input.policyNumber = v.policyNumber.trim();
  const inspection = fromLocalInput(v.inspectionAt);
  if (inspection) input.inspectionAt = inspection;
  if (v.depreciationDeadline) input.depreciationDeadline = v.depreciationDeadline;
  if (text(v.notes)) input.notes = v.notes.trim();
  const adjuster = adjusterInput(v);
  if (adjuster) input.adjuster = adjuster;
  const money = moneyInput(v, (f) => Boolean(v.money[f].trim()));
  if (Object.keys(money).length) input.money = money;
  return input;
}

/** Every detail the form shows; amounts and the inspection only when changed (the adjuster may have moved them). */
export function updateClaimInput(claim: Claim, v: ClaimFormValues): UpdateClaimInput {
  const input: UpdateClaimInput = {
    id: claim.id,
    carrier: v.carrier.trim(),
    claimNumber: text(v.claimNumber),
    policyNumber: text(v.policyNumber),
    dateOfLoss: v.dateOfLoss,
    causeOfLoss: v.causeOfLoss,
    notes: text(v.notes),
    adjuster: adjusterInput(v),
  };
  if (v.inspectionAt !== toLocalInput(claim.inspectionAt)) input.inspectionAt = fromLocalInput(v.inspectionAt);
  if (v.depreciationDeadline && v.depreciationDeadline !== claim.depreciationDeadline) input.depreciationDeadline = v.depreciationDeadline;
  const start = initialClaimValues(claim).money;
  const money = moneyInput(v, (f) => v.money[f].trim() !== start[f]);
  if (Object.keys(money).length) input.money = money;
  return input;
}
