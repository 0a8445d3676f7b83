import type {
  CreatePartnerInput,
  PartnerContactInput,
  PartnerForm_PartnerFragment,
  PartnerKind,
  PartnerStatus,
  ReferralFeeInput,
  ReferralFeeKind,
  UpdatePartnerInput,
} from '../../gql/graphql';

/** A contact person as the form holds it (`key` tells the rows apart while they have no id). */
export interface ContactValues {
  key: number;
  name: string;
  email: string;
  phone: string;
  role: string;
}

/** What the partner form edits, as its inputs hold it (blank: not given). */
export interface PartnerFormValues {
  name: string;
  kind: PartnerKind;
  status: PartnerStatus;
  ownerId: string;
  teamId: string;
  notes: string;
  feeKind: ReferralFeeKind;
  feePercent: string;
  feeFlat: string;
  feeCap: string;
  /** Create only: the people at the partner. */
  contacts: ContactValues[];
}

export type PartnerFormErrors = Record<string, string | undefined>;

export const MAX_CONTACTS = 20;

/** The input paths the form shows messages for (`UserError.field` joined with dots). */
export const PARTNER_FORM_PATHS: readonly string[] = [
  'name',
  'kind',
  'status',
  'ownerId',
  'teamId',
  'notes',
  'referralFee.kind',
  'referralFee.percent',
  'referralFee.flatAmount',
  'referralFee.cap',
  ...Array.from({ length: MAX_CONTACTS }, (_, i) => ['name', 'email', 'phone', 'role'].map((f) => `contacts.${i}.${f}`)).flat(),
];

let nextKey = 1;
export const blankContact = (): ContactValues => ({ key: nextKey++, name: '', email: '', phone: '', role: '' });

/** The form's starting values: the partner's when editing; an active realtor without a fee when creating. */
export function initialPartnerValues(partner?: PartnerForm_PartnerFragment | null): PartnerFormValues {
  const fee = partner?.referralFee;
  return {
    name: partner?.name ?? '',
    kind: partner?.kind ?? 'REALTOR',
    status: partner?.status ?? 'ACTIVE',
    ownerId: partner?.owner?.id ?? '',
    teamId: partner?.owningTeam?.id ?? '',
    notes: partner?.notes ?? '',
    feeKind: fee?.kind ?? 'NONE',
    feePercent: fee?.percent != null ? String(fee.percent) : '',
    feeFlat: fee?.flatAmount ? String(Number(fee.flatAmount)) : '',
    feeCap: fee?.cap ? String(Number(fee.cap)) : '',
    contacts: [],
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const MONEY = /^\d{1,10}(\.\d{1,2})?$/;
/** `$1,500` → `1500`. */
export const moneyText = (value: string) => value.replace(/[\s$,]/g, '');

/** The checks the browser can make first (the server checks again, and more). */
export function validatePartner(v: PartnerFormValues): PartnerFormErrors {
  const errors: PartnerFormErrors = {};
  const name = v.name.trim();
  if (name.length < 2 || name.length > 200) errors.name = 'Name must be 2 to 200 characters.';
  if (v.notes.length > 5000) errors.notes = 'Notes must be at most 5,000 characters.';
  if (v.feeKind === 'PERCENT') {
    const pct = Number(v.feePercent);
    if (!v.feePercent.trim() || Number.isNaN(pct) || pct < 0.01 || pct > 100) {
      errors['referralFee.percent'] = 'Enter a percentage from 0.01 to 100.';
    }
  }
  if (v.feeKind === 'FLAT' && !(MONEY.test(moneyText(v.feeFlat)) && Number(moneyText(v.feeFlat)) > 0)) {
    errors['referralFee.flatAmount'] = 'Enter the amount per won job, e.g. 250.';
  }
  if (v.feeKind !== 'NONE' && v.feeCap.trim() && !(MONEY.test(moneyText(v.feeCap)) && Number(moneyText(v.feeCap)) > 0)) {
    errors['referralFee.cap'] = 'Enter a cap in dollars, e.g. 1500, or leave it empty.';
  }
  v.contacts.forEach((c, i) => {
    const cname = c.name.trim();
    if (cname.length < 2 || cname.length > 200) errors[`contacts.${i}.name`] = 'Name must be 2 to 200 characters.';
    if (c.email.trim() && !EMAIL.test(c.email.trim())) errors[`contacts.${i}.email`] = 'Enter an e-mail like pat@example.com.';
  });
  return errors;
}

const text = (s: string) => s.trim() || null;

/** The fee terms as given: only the amounts the kind uses. */
export function feeInput(v: PartnerFormValues): ReferralFeeInput {
  if (v.feeKind === 'NONE') return { kind: 'NONE' };
  const fee: ReferralFeeInput = { kind: v.feeKind };
  if (v.feeKind === 'PERCENT') fee.percent = Number(v.feePercent);
  if (v.feeKind === 'FLAT') fee.flatAmount = moneyText(v.feeFlat);
  if (text(v.feeCap)) fee.cap = moneyText(v.feeCap);
  return fee;
}

/** A contact as given: blanks left out. */
export function contactInput(c: Omit<ContactValues, 'key'>): PartnerContactInput {
  const input: PartnerContactInput = { name: c.name.trim() };
  if (text(c.email)) input.email = c.email.trim();
  if (text(c.phone)) input.phone = c.phone.trim();
  if (text(c.role)) input.role = c.role.trim();
  return input;
}

export function createPartnerInput(v: PartnerFormValues): CreatePartnerInput {
  const input: CreatePartnerInput = { name: v.name.trim(), kind: v.kind, status: v.status, referralFee: feeInput(v) };
  if (v.ownerId) input.ownerId = v.ownerId;
  if (v.teamId) input.teamId = v.teamId;
  if (text(v.notes)) input.notes = v.notes.trim();
  if (v.contacts.length) input.contacts = v.contacts.map(contactInput);
  return input;
}

/** Every field the form shows (notes null when cleared); owner and team only when changed. */
export function updatePartnerInput(partner: PartnerForm_PartnerFragment, v: PartnerFormValues): UpdatePartnerInput {
  const input: UpdatePartnerInput = {
    id: partner.id,
    name: v.name.trim(),
    kind: v.kind,
    status: v.status,
    notes: text(v.notes),
    referralFee: feeInput(v),
  };
  if (v.ownerId && v.ownerId !== partner.owner?.id) input.ownerId = v.ownerId;
  if (v.teamId && v.teamId !== partner.owningTeam?.id) input.teamId = v.teamId;
  return input;
}
