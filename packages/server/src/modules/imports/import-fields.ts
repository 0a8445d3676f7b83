import type { ImportColumnInput, ImportField, ImportKind } from '../../generated/graphql';
import type { Validator } from '../../platform/validation';

/** A field an import of one kind fills: its label, whether a row needs it, what cells may hold, header aliases. */
export interface FieldSpec {
  field: ImportField;
  label: string;
  required: boolean;
  hint: string;
  /** Headers that suggest the field, normalised (lower case, letters and digits only). */
  aliases: string[];
}

const f = (field: ImportField, label: string, hint: string, aliases: string[], required = false): FieldSpec => ({ field, label, required, hint, aliases });

const ADDRESS: FieldSpec[] = [
  f('STREET', 'Street', 'Street and number, at most 200 characters.', ['street', 'address', 'streetaddress', 'address1', 'addressline1', 'propertyaddress', 'addressstreet']),
  f('CITY', 'City', 'At most 100 characters.', ['city', 'town', 'addresscity']),
  f('STATE', 'State', 'Two-letter code, e.g. MN.', ['state', 'st', 'province', 'addressstate']),
  f('ZIP', 'ZIP', '55401 or 55401-1234.', ['zip', 'zipcode', 'postalcode', 'postcode', 'addresszip']),
];

const YES_NO = 'yes/no, true/false, 1/0, y/n or x; empty is no.';

/** The fields of each kind, in the order the mapping screen lists them. */
export const IMPORT_FIELDS: Record<ImportKind, FieldSpec[]> = {
  CUSTOMER: [
    f('NAME', 'Name', 'Full or business name, 2 to 200 characters.', ['name', 'fullname', 'customer', 'customername', 'contact', 'contactname', 'client', 'clientname'], true),
    f('EMAIL', 'E-mail', 'An e-mail address; matches an existing customer.', ['email', 'emailaddress', 'mail', 'e-mail']),
    f('PHONE', 'Phone', 'US numbers may omit +1; matches an existing customer without an e-mail.', ['phone', 'phonenumber', 'telephone', 'tel', 'mobile', 'cell', 'cellphone']),
    ...ADDRESS,
    f('CUSTOMER_TYPE', 'Type', 'Residential or commercial; residential when empty.', ['type', 'customertype', 'accounttype', 'kind']),
    f('SEGMENT', 'Segment', 'At most 50 characters.', ['segment', 'tag', 'tags', 'group']),
    f('EMAIL_OPT_IN', 'E-mail opt-in', YES_NO, ['emailoptin', 'emailconsent', 'marketingemail', 'optinemail']),
    f('SMS_OPT_IN', 'SMS opt-in', YES_NO, ['smsoptin', 'smsconsent', 'textoptin', 'optinsms']),
  ],
  LEAD: [
    f('CONTACT_NAME', 'Contact name', 'At most 200 characters; a lead needs a name and a phone or an e-mail.', ['name', 'fullname', 'contact', 'contactname', 'lead', 'leadname', 'prospect']),
    f('CONTACT_EMAIL', 'Contact e-mail', 'An e-mail address; matches an open lead.', ['email', 'emailaddress', 'contactemail', 'mail']),
    f('CONTACT_PHONE', 'Contact phone', 'US numbers may omit +1; matches an open lead.', ['phone', 'phonenumber', 'contactphone', 'telephone', 'tel', 'mobile', 'cell']),
    ...ADDRESS,
    f('SOURCE', 'Source', 'Door knock, referral, website, storm canvass, partner, ads, phone or other; other when empty.', ['source', 'leadsource', 'channel', 'origin']),
    f('PROJECT_TYPE', 'Kind of work', 'Full replacement, repair, gutters, siding, inspection, storm damage or other.', ['projecttype', 'work', 'kindofwork', 'worktype', 'service', 'jobtype', 'type']),
    f('ESTIMATED_VALUE', 'Estimated value', 'An amount such as 12500 or $12,500.00; not negative.', ['estimatedvalue', 'value', 'amount', 'estimate', 'dealvalue', 'budget']),
    f('PRIORITY', 'Priority', 'Low, medium, high or urgent; medium when empty.', ['priority', 'urgency']),
    f('NOTES', 'Notes', 'At most 5,000 characters.', ['notes', 'note', 'comments', 'comment', 'description']),
    f('NEXT_FOLLOW_UP_AT', 'Next follow-up', 'A date (2026-11-22 or 11/22/2026, taken as noon company time) or a date-time with offset.', ['nextfollowup', 'nextfollowupat', 'followup', 'followupdate', 'nextcontact']),
  ],
  PARTNER: [
    f('NAME', 'Name', 'The business name, 2 to 200 characters; matches an existing partner.', ['name', 'partner', 'partnername', 'company', 'business', 'organisation', 'organization'], true),
    f('PARTNER_KIND', 'Kind', 'Realtor, insurance agent, insurance adjuster, home inspector, property manager, supplier or other.', ['kind', 'type', 'partnertype', 'category'], true),
    f('PARTNER_STATUS', 'Status', 'Active, paused or ended; active when empty.', ['status', 'state']),
    f('NOTES', 'Notes', 'At most 5,000 characters.', ['notes', 'note', 'comments', 'comment', 'description']),
  ],
};

/** A header as compared with aliases and saved mappings: lower case, letters and digits only. */
export const normaliseHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A user's saved mapping of one kind: the field (null: skipped) each normalised header went to last time. */
export type SavedMapping = Record<string, ImportField | null>;

/**
 * The suggested field of each column: the user's last choice for that header, else the field whose alias it is (the
 * first column wins a field); null to skip.
 */
export function suggestMapping(kind: ImportKind, headers: string[], saved: SavedMapping | null): Array<ImportField | null> {
  const specs = IMPORT_FIELDS[kind];
  const taken = new Set<ImportField>();
  const pick = (field: ImportField | null | undefined): ImportField | null => {
    if (!field || taken.has(field) || !specs.some((s) => s.field === field)) return null;
    taken.add(field);
    return field;
  };
  const keys = headers.map(normaliseHeader);
  const result: Array<ImportField | null | undefined> = keys.map((key) => (saved && key in saved ? pick(saved[key]) ?? null : undefined));
  return result.map((chosen, i) => (chosen !== undefined ? chosen : pick(specs.find((s) => s.aliases.includes(keys[i]!))?.field)));
}

/** What a mapping would save: the field of each header (later columns with the same header do not overwrite). */
export function mappingToSave(headers: string[], mapping: Array<ImportField | null>): SavedMapping {
  const saved: SavedMapping = {};
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key && !(key in saved)) saved[key] = mapping[i] ?? null;
  });
  return saved;
}

/**
 * The mapping that `columns` choose on a file with `headers`: the field of each column, null for the columns not
 * given. A column out of range, a field an import of `kind` does not fill, or a field chosen twice is reported on `v`.
 */
export function chosenMapping(kind: ImportKind, headers: string[], columns: ImportColumnInput[], v: Validator): Array<ImportField | null> {
  const allowed = new Set(IMPORT_FIELDS[kind].map((spec) => spec.field));
  const mapping: Array<ImportField | null> = headers.map(() => null);
  const used = new Set<ImportField>();
  columns.forEach((c, i) => {
    if (c.index < 0 || c.index >= headers.length) return v.add(`columns.${i}.index`, 'OUT_OF_RANGE', `The file has columns 0 to ${headers.length - 1}.`);
    if (!c.field) return;
    if (!allowed.has(c.field)) return v.add(`columns.${i}.field`, 'INVALID', `An import of ${kind.toLowerCase()}s has no field ${c.field}.`);
    if (used.has(c.field)) return v.add(`columns.${i}.field`, 'CONFLICT', 'Map each field from one column only.');
    used.add(c.field);
    mapping[c.index] = c.field;
  });
  return mapping;
}

/** Reports on `v` each field an import of `kind` requires that `mapping` leaves out. */
export function checkRequiredFields(kind: ImportKind, mapping: Array<ImportField | null>, v: Validator): void {
  for (const spec of IMPORT_FIELDS[kind]) {
    if (spec.required && !mapping.includes(spec.field)) v.add('columns', 'REQUIRED', `Choose the column with the ${spec.label.toLowerCase()}.`);
  }
}
