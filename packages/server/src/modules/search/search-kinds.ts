import type { Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { customerScope } from '../customers/customer.policy';
import { leadScope } from '../leads/lead.policy';
import { partnerScope } from '../partners/partner.policy';
import { projectScope } from '../projects/project.policy';

/** Which of a record's fields matched (the SDL's `SearchField`). */
export type SearchFieldName = 'NAME' | 'EMAIL' | 'PHONE' | 'ADDRESS' | 'CUSTOMER' | 'CONTACT';

/**
 * One searchable field: what is shown (`text`) and what is compared (`norm`, lower-cased text or a phone's digits).
 * Every `norm` is an expression of a trigram index (migration `SearchIndexes`: substrings, word starts, similarity),
 * and names and e-mails also of a `text_pattern_ops` b-tree (whole value, value start), so a search reads indexes.
 */
export interface SearchFieldSpec {
  field: SearchFieldName;
  text: string;
  norm: string;
  /** Compared as digits with the search text's digits (and only when the text looks like a phone number). */
  phone?: boolean;
  /** Also close matches (trigram word similarity, for typos): names. */
  fuzzy?: boolean;
  /**
   * What "starts with" means: the whole value's start only (e-mail addresses, by a `text_pattern_ops` b-tree: trigrams
   * see `example` as a word of every `…@example.com`), or also any word's (names, addresses; the default).
   */
  startsAt?: 'value' | 'word';
  /** Searched for whole-value matches (not addresses: nobody types one whole, and trigrams answer equality poorly). */
  whole?: boolean;
}

/**
 * A group of fields searched together: the record's own, or another table's reached from it (`via`: a lead's or
 * project's customer, a partner's contacts).
 */
export interface SearchFieldGroup {
  via?: {
    /** The other table and its alias, e.g. `customers sc`. */
    from: string;
    /** Its live rows (the condition of its search indexes' scans), e.g. `sc.deleted_at IS NULL`. */
    live: string;
    /** The record's key as the other table holds it (`sc.id`), and the record's column it is compared with (`l.customer_id`). */
    key: string;
    on: string;
  };
  /**
   * For fields of rows the record has many of (a partner's contacts): the rows for ranking, `FROM … WHERE …` over the
   * record's alias. Without it, the fields are the record's own or its `rankJoin`'s columns.
   */
  many?: string;
  fields: SearchFieldSpec[];
}

export interface SearchKind {
  table: string;
  alias: string;
  /** The feature's row-level rule (the same as its lists and loaders). */
  scope: (viewer: Viewer, alias: string) => Scope;
  /** Joined (LEFT) when ranking, for the fields of `groups` that read another table's columns. */
  rankJoin?: string;
  /** The record's display name, the last ranking key before its id. */
  label: string;
  groups: SearchFieldGroup[];
}

const lowered = (column: string) => `lower(${column})`;
const digits = (column: string) => `regexp_replace(${column}, '\\D', '', 'g')`;
const addressNorm = (a: string) =>
  `lower(coalesce(${a}.address_street, '') || ' ' || coalesce(${a}.address_city, '') || ' ' || coalesce(${a}.address_state, '') || ' ' || coalesce(${a}.address_zip, ''))`;
const addressText = (a: string) =>
  `concat_ws(', ', ${a}.address_street, ${a}.address_city, nullif(concat_ws(' ', ${a}.address_state, ${a}.address_zip), ''))`;

/** A person's or company's contact fields under `alias` (`name`/`email`/`phone` columns prefixed by `prefix`). */
function contactFields(alias: string, prefix: string, nameField: SearchFieldName): SearchFieldSpec[] {
  const col = (c: string) => `${alias}.${prefix}${c}`;
  return [
    { field: nameField, text: col('name'), norm: lowered(col('name')), fuzzy: true, whole: true },
    { field: 'EMAIL', text: col('email'), norm: lowered(col('email')), startsAt: 'value', whole: true },
    { field: 'PHONE', text: col('phone'), norm: digits(col('phone')), phone: true, whole: true },
  ];
}

const addressField = (alias: string): SearchFieldSpec => ({ field: 'ADDRESS', text: addressText(alias), norm: addressNorm(alias) });

/** A lead's or project's live customer, as `sc`. */
const CUSTOMER_JOIN = (on: string) => `customers sc ON sc.id = ${on} AND sc.deleted_at IS NULL`;
const viaCustomer = (on: string) => ({ from: 'customers sc', live: 'sc.deleted_at IS NULL', key: 'sc.id', on });

export const SEARCH_KINDS = {
  customers: {
    table: 'customers',
    alias: 'c',
    scope: customerScope,
    label: 'c.name',
    groups: [{ fields: [...contactFields('c', '', 'NAME'), addressField('c')] }],
  },
  leads: {
    table: 'leads',
    alias: 'l',
    scope: leadScope,
    rankJoin: `LEFT JOIN ${CUSTOMER_JOIN('l.customer_id')}`,
    label: 'coalesce(l.contact_name, sc.name)',
    groups: [
      { fields: [...contactFields('l', 'contact_', 'NAME'), addressField('l')] },
      { via: viaCustomer('l.customer_id'), fields: [...contactFields('sc', '', 'NAME'), addressField('sc')] },
    ],
  },
  projects: {
    table: 'projects',
    alias: 'p',
    scope: projectScope,
    rankJoin: `LEFT JOIN ${CUSTOMER_JOIN('p.customer_id')}`,
    label: 'p.name',
    groups: [
      { fields: [{ field: 'NAME', text: 'p.name', norm: lowered('p.name'), fuzzy: true, whole: true }] },
      { via: viaCustomer('p.customer_id'), fields: [...contactFields('sc', '', 'CUSTOMER'), addressField('sc')] },
    ],
  },
  partners: {
    table: 'partners',
    alias: 'pa',
    scope: partnerScope,
    label: 'pa.name',
    groups: [
      { fields: [{ field: 'NAME', text: 'pa.name', norm: lowered('pa.name'), fuzzy: true, whole: true }] },
      {
        via: { from: 'partner_contacts pc', live: 'true', key: 'pc.partner_id', on: 'pa.id' },
        many: 'FROM partner_contacts pc WHERE pc.partner_id = pa.id',
        fields: contactFields('pc', '', 'CONTACT'),
      },
    ],
  },
} satisfies Record<string, SearchKind>;

export type SearchKindName = keyof typeof SEARCH_KINDS;
