import type { AddressInput } from '../../generated/graphql';
import type { Validator } from '../validation';

/** The four address columns every addressable entity has. */
export interface AddressColumns {
  addressStreet: string | null;
  addressCity: string | null;
  addressState: string | null;
  addressZip: string | null;
}

/** The column of each `Address` field (compiled reads build the object in SQL from them). */
export const ADDRESS_COLUMNS = { street: 'address_street', city: 'address_city', state: 'address_state', zip: 'address_zip' };

/** What GraphQL's `Address` resolves from. */
export interface AddressModel {
  street: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}

export const addressOf = (row: AddressColumns): AddressModel => ({
  street: row.addressStreet,
  city: row.addressCity,
  state: row.addressState,
  zip: row.addressZip,
});

const STATE = /^[A-Za-z]{2}$/;
const ZIP = /^\d{5}(-\d{4})?$/;

/** Validates an address input into columns (all four, so an update replaces the whole address). */
export function addressColumns(v: Validator, field: string, input: AddressInput | null | undefined): AddressColumns {
  const street = v.text(`${field}.street`, input?.street, { max: 200 });
  const city = v.text(`${field}.city`, input?.city, { max: 100 });
  let state = v.text(`${field}.state`, input?.state, { max: 2 });
  const zip = v.text(`${field}.zip`, input?.zip, { max: 10 });
  if (state && !STATE.test(state)) v.add(`${field}.state`, 'INVALID', 'State must be a two-letter code, e.g. MN.');
  else state = state?.toUpperCase() ?? null;
  if (zip && !ZIP.test(zip)) v.add(`${field}.zip`, 'INVALID', 'ZIP must look like 55401 or 55401-1234.');
  return { addressStreet: street, addressCity: city, addressState: state, addressZip: zip };
}
