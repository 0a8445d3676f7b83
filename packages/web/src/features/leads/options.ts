import type { LeadOrderField, LeadPriority, LeadSource } from '../../gql/graphql';
import { enumLabel } from '../../lib/format';
import type { SelectOption } from '../../ui';

export const LEAD_SOURCES: readonly LeadSource[] = [
  'DOOR_KNOCK',
  'REFERRAL',
  'WEBSITE',
  'STORM_CANVASS',
  'PARTNER',
  'ADS',
  'PHONE',
  'OTHER',
];

export const LEAD_PRIORITIES: readonly LeadPriority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];

export { PROJECT_TYPES } from '../projects/projectFormat';

export const LEAD_ORDER_FIELDS: readonly LeadOrderField[] = [
  'CREATED_AT',
  'UPDATED_AT',
  'SCORE',
  'ESTIMATED_VALUE',
  'NEXT_FOLLOW_UP_AT',
];

/** Select options for an enum, labelled `Storm canvass`. */
export const enumOptions = (values: readonly string[]): SelectOption[] =>
  values.map((value) => ({ value, label: enumLabel(value) }));

/** Narrows a URL or form value to one of `values`. */
export function oneOf<T extends string>(values: readonly T[], value: string | null | undefined): T | undefined {
  return values.find((v) => v === value);
}
