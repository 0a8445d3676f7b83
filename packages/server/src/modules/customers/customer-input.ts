import type { CreateCustomerInput, UpdateCustomerInput } from '../../generated/graphql';
import { addressColumns } from '../../platform/db/address';
import type { Validator } from '../../platform/validation';
import type { CustomerEntity } from './customer.entity';

/** The detail fields of a customer as create, update and import take them (IDs and the team apart). */
export type CustomerDetailsInput = Omit<UpdateCustomerInput, 'id' | 'teamId'>;

/**
 * Validates the detail fields shared by create, update and import. Only fields present in `input` are returned; null
 * clears an optional field (the type and the opt-ins cannot be cleared and ignore null).
 */
export function customerDetails(v: Validator, input: Partial<CustomerDetailsInput>): Partial<CustomerEntity> {
  const p: Partial<CustomerEntity> = {};
  if (input.name !== undefined) p.name = v.text('name', input.name, { max: 200, min: 2, required: true }) ?? '';
  if (input.email !== undefined) p.email = v.email('email', input.email);
  if (input.phone !== undefined) p.phone = v.phone('phone', input.phone);
  if (input.address !== undefined) Object.assign(p, addressColumns(v, 'address', input.address));
  if (input.customerType != null) p.customerType = input.customerType;
  if (input.segment !== undefined) p.segment = v.text('segment', input.segment, { max: 50 });
  if (input.emailOptIn != null) p.emailOptIn = input.emailOptIn;
  if (input.smsOptIn != null) p.smsOptIn = input.smsOptIn;
  return p;
}

/**
 * The columns of a new customer (createCustomer and imports): its details, RESIDENTIAL and no opt-ins unless given.
 * The name is required even when the input has none (an import row without it).
 */
export function newCustomerValues(v: Validator, input: Partial<Omit<CreateCustomerInput, 'teamId'>>): Partial<CustomerEntity> {
  return {
    customerType: 'RESIDENTIAL',
    emailOptIn: false,
    smsOptIn: false,
    ...customerDetails(v, { ...input, name: input.name ?? null, address: input.address ?? null }),
  };
}
