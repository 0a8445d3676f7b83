import { phoneProblem } from '../../lib/phone';
import type { CreateCustomerInput, CustomerForm_CustomerFragment, CustomerType, UpdateCustomerInput } from '../../gql/graphql';

/** What the customer form edits, as the inputs hold it (strings; blank means "not given"). */
export interface CustomerFormValues {
  name: string;
  customerType: CustomerType;
  email: string;
  phone: string;
  street: string;
  city: string;
  state: string;
  zip: string;
  segment: string;
  teamId: string;
  /** Agreed to marketing and review-request e-mail. */
  emailOptIn: boolean;
  /** Agreed to marketing and review-request SMS. */
  smsOptIn: boolean;
}

export type CustomerFieldName = keyof CustomerFormValues;

/** The consent check boxes; every other field is typed in or chosen. */
export type CustomerConsentName = 'emailOptIn' | 'smsOptIn';
export type CustomerTextFieldName = Exclude<CustomerFieldName, CustomerConsentName>;

export type CustomerFormErrors = Partial<Record<CustomerTextFieldName, string>>;

/** The form's starting values: the customer's when editing, blanks (a residential account) when creating. */
export function initialCustomerValues(customer: CustomerForm_CustomerFragment | null | undefined): CustomerFormValues {
  return {
    name: customer?.name ?? '',
    customerType: customer?.customerType ?? 'RESIDENTIAL',
    email: customer?.email ?? '',
    phone: customer?.phone ?? '',
    street: customer?.address.street ?? '',
    city: customer?.address.city ?? '',
    state: customer?.address.state ?? '',
    zip: customer?.address.zip ?? '',
    segment: customer?.segment ?? '',
    teamId: customer?.owningTeam?.id ?? '',
    emailOptIn: customer?.emailOptIn ?? false,
    smsOptIn: customer?.smsOptIn ?? false,
  };
}

/** The form field → the input path its messages come back under (`UserError.field` or `extensions.field`). */
export const PATH_OF_FIELD: Record<CustomerTextFieldName, string> = {
  name: 'name',
  customerType: 'customerType',
  email: 'email',
  phone: 'phone',
  street: 'address.street',
  city: 'address.city',
  state: 'address.state',
  zip: 'address.zip',
  segment: 'segment',
  teamId: 'teamId',
};
export const SHOWN_PATHS = Object.values(PATH_OF_FIELD);

/** The same pragmatic check as the server's `Email` scalar (one @, no spaces, a dotted domain). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const STATE = /^[A-Za-z]{2}$/;
const ZIP = /^\d{5}(-\d{4})?$/;

/**
 * The checks the browser can make before asking the server (which checks again, and more: duplicates). Every field is
 * checked, so all problems show at once (a 9-digit phone next to a bad e-mail).
 */
export function validateCustomer(v: CustomerFormValues): CustomerFormErrors {
  const errors: CustomerFormErrors = {};
  const name = v.name.trim();
  if (!name) errors.name = 'Name is required.';
  else if (name.length < 2) errors.name = 'Name must be at least 2 characters.';
  else if (name.length > 200) errors.name = 'Name must be at most 200 characters.';
  const email = v.email.trim();
  if (email && (email.length > 254 || !EMAIL.test(email))) {
    errors.email = 'Enter an e-mail address like dana@example.com.';
  }
  const phone = phoneProblem(v.phone);
  if (phone) errors.phone = phone;
  if (v.state.trim() && !STATE.test(v.state.trim())) errors.state = 'Use the two-letter code, e.g. MN.';
  if (v.zip.trim() && !ZIP.test(v.zip.trim())) errors.zip = 'ZIP must look like 55401 or 55401-1234.';
  if (v.segment.trim().length > 50) errors.segment = 'Segment must be at most 50 characters.';
  return errors;
}

const text = (s: string) => s.trim() || null;

function addressOf(v: CustomerFormValues) {
  return { street: text(v.street), city: text(v.city), state: text(v.state)?.toUpperCase() ?? null, zip: text(v.zip) };
}

export function createInput(v: CustomerFormValues): CreateCustomerInput {
  const input: CreateCustomerInput = { name: v.name.trim(), customerType: v.customerType };
  if (text(v.email)) input.email = v.email.trim();
  if (text(v.phone)) input.phone = v.phone.trim();
  const address = addressOf(v);
  const given = Object.fromEntries(Object.entries(address).filter(([, part]) => part !== null));
  if (Object.keys(given).length) input.address = given;
  if (text(v.segment)) input.segment = v.segment.trim();
  if (v.teamId) input.teamId = v.teamId;
  // Consent is off unless given.
  if (v.emailOptIn) input.emailOptIn = true;
  if (v.smsOptIn) input.smsOptIn = true;
  return input;
}

/** Every field, so clearing one clears it on the server (null) and the address is replaced as a whole. */
export function updateInput(id: string, v: CustomerFormValues, initialTeamId: string): UpdateCustomerInput {
  const input: UpdateCustomerInput = {
    id,
    name: v.name.trim(),
    customerType: v.customerType,
    email: text(v.email),
    phone: text(v.phone),
    address: addressOf(v),
    segment: text(v.segment),
    emailOptIn: v.emailOptIn,
    smsOptIn: v.smsOptIn,
  };
  if (v.teamId && v.teamId !== initialTeamId) input.teamId = v.teamId;
  return input;
}
