import type {
  CreateLeadInput,
  LeadPriority,
  LeadSource,
  ProjectType,
  ReferralInput,
  UpdateLeadInput,
} from '../../gql/graphql';
import { fromLocalInput, localInstant, toLocalInput } from '../../lib/dateInputs';
import { phoneProblem } from '../../lib/phone';
import type { AddressLike } from '../../lib/format';
import type { PickedCustomer } from '../customers/CustomerPicker';
import type { PickedPartner } from '../partners/PartnerPicker';
import { LEAD_PRIORITIES, LEAD_SOURCES, oneOf, PROJECT_TYPES } from './options';

/** What the create and edit forms hold: text as typed; converted to an input on submit. */
export interface LeadFormValues {
  customer: PickedCustomer | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  source: LeadSource | '';
  projectType: ProjectType | '';
  priority: LeadPriority;
  estimatedValue: string;
  notes: string;
  /** `datetime-local` value (local time, no zone). */
  nextFollowUpAt: string;
  /** Create only; empty for the server's default. */
  teamId: string;
  /** Create only; empty: the team's assignment rule picks. */
  assigneeId: string;
  /** The referring partner (source `PARTNER` only). */
  partner: PickedPartner | null;
  /** One of its contacts; empty: none. */
  partnerContactId: string;
}

/** The error keys of the form: the server's `UserError.field` paths joined with dots. */
export const LEAD_FORM_FIELDS = [
  'customerId',
  'contactName',
  'contactEmail',
  'contactPhone',
  'propertyAddress.street',
  'propertyAddress.city',
  'propertyAddress.state',
  'propertyAddress.zip',
  'source',
  'projectType',
  'priority',
  'estimatedValue',
  'notes',
  'nextFollowUpAt',
  'teamId',
  'assigneeId',
  'referredBy.partnerId',
  'referredBy.contactId',
] as const;
export type LeadFormField = (typeof LEAD_FORM_FIELDS)[number];
export type LeadFormErrors = Partial<Record<LeadFormField, string>>;

export const emptyLeadForm = (): LeadFormValues => ({
  customer: null,
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  street: '',
  city: '',
  state: '',
  zip: '',
  source: '',
  projectType: '',
  priority: 'MEDIUM',
  estimatedValue: '',
  notes: '',
  nextFollowUpAt: '',
  teamId: '',
  assigneeId: '',
  partner: null,
  partnerContactId: '',
});

/** The lead as the edit form starts from. */
export interface EditableLead {
  customer?: PickedCustomer | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  propertyAddress: AddressLike;
  source: LeadSource;
  projectType?: ProjectType | null;
  priority: LeadPriority;
  estimatedValue?: string | null;
  notes?: string | null;
  nextFollowUpAt?: string | null;
  referredBy?: { partner: PickedPartner; contact?: { id: string } | null } | null;
}

export const leadFormFrom = (lead: EditableLead): LeadFormValues => ({
  customer: lead.customer ?? null,
  contactName: lead.contactName ?? '',
  contactEmail: lead.contactEmail ?? '',
  contactPhone: lead.contactPhone ?? '',
  street: lead.propertyAddress.street ?? '',
  city: lead.propertyAddress.city ?? '',
  state: lead.propertyAddress.state ?? '',
  zip: lead.propertyAddress.zip ?? '',
  source: lead.source,
  projectType: lead.projectType ?? '',
  priority: lead.priority,
  estimatedValue: lead.estimatedValue ? String(Number(lead.estimatedValue)) : '',
  notes: lead.notes ?? '',
  nextFollowUpAt: toLocalInput(lead.nextFollowUpAt),
  teamId: '',
  assigneeId: '',
  partner: lead.referredBy?.partner ?? null,
  partnerContactId: lead.referredBy?.contact?.id ?? '',
});

// The server's scalars reject a malformed Money or Email before any field check, so they are checked here first.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const MONEY = /^\d{1,10}(\.\d{1,2})?$/;
const STATE = /^[A-Za-z]{2}$/;
const ZIP = /^\d{5}(-\d{4})?$/;

/** `$14,500` → `14500`; the empty string stays empty. */
export const normaliseMoney = (value: string) => value.replace(/[\s$,]/g, '');

/** The checks the browser can make before asking the server (which checks everything again); all fields at once. */
export function validateLeadForm(values: LeadFormValues): LeadFormErrors {
  const errors: LeadFormErrors = {};
  const hasCustomer = Boolean(values.customer);
  if (!hasCustomer && !values.contactName.trim()) errors.contactName = 'Enter a contact name or choose a customer.';
  if (!hasCustomer && !values.contactPhone.trim() && !values.contactEmail.trim()) {
    errors.contactPhone = 'Enter a phone number or an e-mail address.';
  }
  if (values.contactEmail.trim() && !EMAIL.test(values.contactEmail.trim())) {
    errors.contactEmail = 'Enter a valid e-mail address, e.g. dana@example.com.';
  }
  const phone = phoneProblem(values.contactPhone);
  if (phone) errors.contactPhone = phone;
  if (values.state.trim() && !STATE.test(values.state.trim())) {
    errors['propertyAddress.state'] = 'Use the two-letter code, e.g. MN.';
  }
  if (values.zip.trim() && !ZIP.test(values.zip.trim())) errors['propertyAddress.zip'] = 'ZIP looks like 55401 or 55401-1234.';
  if (!oneOf(LEAD_SOURCES, values.source)) errors.source = 'Choose where the lead came from.';
  const money = normaliseMoney(values.estimatedValue);
  if (money && !MONEY.test(money)) errors.estimatedValue = 'Enter an amount in dollars, e.g. 14500 or 14500.50.';
  if (values.nextFollowUpAt && !localInstant(values.nextFollowUpAt)) {
    errors.nextFollowUpAt = 'Enter a date and time.';
  }
  return errors;
}

const text = (value: string) => value.trim() || null;

function address(values: LeadFormValues) {
  const a = {
    street: text(values.street),
    city: text(values.city),
    state: text(values.state)?.toUpperCase() ?? null,
    zip: text(values.zip),
  };
  return Object.values(a).some(Boolean) ? a : null;
}

/** The follow-up time typed in (the company's clock) as an instant. */
const followUp = (values: LeadFormValues) => (values.nextFollowUpAt ? fromLocalInput(values.nextFollowUpAt) : null);

/** The referral the form gives: a partner only while the source is `PARTNER`. */
export function referralOf(values: LeadFormValues): ReferralInput | null {
  if (values.source !== 'PARTNER' || !values.partner) return null;
  return values.partnerContactId ? { partnerId: values.partner.id, contactId: values.partnerContactId } : { partnerId: values.partner.id };
}

const sameReferral = (a: ReferralInput | null, b: ReferralInput | null) =>
  a?.partnerId === b?.partnerId && (a?.contactId ?? null) === (b?.contactId ?? null);

/** The `createLead` input: only what was filled in, so the server's defaults apply to the rest. */
export function toCreateInput(values: LeadFormValues): CreateLeadInput {
  const input: CreateLeadInput = { source: oneOf(LEAD_SOURCES, values.source) ?? 'OTHER', priority: values.priority };
  if (values.customer) input.customerId = values.customer.id;
  if (text(values.contactName)) input.contactName = text(values.contactName);
  if (text(values.contactEmail)) input.contactEmail = text(values.contactEmail);
  if (text(values.contactPhone)) input.contactPhone = text(values.contactPhone);
  const a = address(values);
  if (a) input.propertyAddress = a;
  const type = oneOf(PROJECT_TYPES, values.projectType);
  if (type) input.projectType = type;
  const money = normaliseMoney(values.estimatedValue);
  if (money) input.estimatedValue = money;
  if (text(values.notes)) input.notes = text(values.notes);
  const next = followUp(values);
  if (next) input.nextFollowUpAt = next;
  if (values.teamId) input.teamId = values.teamId;
  if (values.assigneeId) input.assigneeId = values.assigneeId;
  const referral = referralOf(values);
  if (referral) input.referredBy = referral;
  return input;
}

/**
 * The `updateLead` input: every field the form shows, null clearing the empty optional ones. The referral only when
 * it changed from `initial` (the form's starting values): a referral the viewer may not see stays as it is.
 */
export function toUpdateInput(id: string, values: LeadFormValues, initial?: LeadFormValues): UpdateLeadInput {
  const referral = referralOf(values);
  const initialReferral = initial ? referralOf(initial) : null;
  return {
    ...(sameReferral(referral, initialReferral) ? {} : { referredBy: referral }),
    id,
    customerId: values.customer?.id ?? null,
    contactName: text(values.contactName),
    contactEmail: text(values.contactEmail),
    contactPhone: text(values.contactPhone),
    propertyAddress: address(values) ?? { street: null, city: null, state: null, zip: null },
    source: oneOf(LEAD_SOURCES, values.source) ?? null,
    projectType: oneOf(PROJECT_TYPES, values.projectType) ?? null,
    priority: oneOf(LEAD_PRIORITIES, values.priority) ?? null,
    estimatedValue: normaliseMoney(values.estimatedValue) || null,
    notes: text(values.notes),
    nextFollowUpAt: followUp(values),
  };
}
