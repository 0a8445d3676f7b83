import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A text column lower-cased, as the search compares it. */
const lowered = (column: string) => `lower(${column})`;
/** A phone column's digits (`+1 (612) 555-0142` → `16125550142`). */
const digits = (column: string) => `regexp_replace(${column}, '\\D', '', 'g')`;
/** The property address as one lower-cased line: street, city, state, ZIP. */
const address = `lower(coalesce(address_street, '') || ' ' || coalesce(address_city, '') || ' ' || coalesce(address_state, '') || ' ' || coalesce(address_zip, ''))`;

/**
 * Indexes for global search (issue 17, modules/search), per searchable field so a search can tell which field
 * matched and rank whole and starting matches first. The expressions are the ones `modules/search/search-kinds.ts`
 * queries, to the letter. Not partial (deleted rows are few): PostgreSQL keeps statistics of an index's expression
 * only for whole-table indexes, and without them it guesses 0.5 % of the rows for every equality and prefix, which
 * misleads its plans.
 * - Trigram GIN (substrings, word starts, similarity): names, e-mails, phone digits, addresses.
 *   `projects_name_trgm_idx` (lower(name), CoreDomain) already serves project names.
 * - `text_pattern_ops` b-trees (whole value and value start, exactly, whatever the collation): names and e-mails. A
 *   trigram index answers those poorly when the text's trigrams are everywhere (`example` is a trigram word of every
 *   `…@example.com`; `ave` of every avenue): it hands every such row to the recheck.
 * Then ANALYZE, so the planner has the expressions' statistics at once (autovacuum analyzes only after writes).
 *
 * pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it without being a superuser. It is
 * already required since CoreDomain; the embedded PostgreSQL ships it.
 */
const TRIGRAM: Array<[name: string, table: string, expression: string]> = [
  ['customers_name_trgm_idx', 'customers', lowered('name')],
  ['customers_email_trgm_idx', 'customers', lowered('email')],
  ['customers_phone_trgm_idx', 'customers', digits('phone')],
  ['customers_address_trgm_idx', 'customers', address],
  ['leads_contact_name_trgm_idx', 'leads', lowered('contact_name')],
  ['leads_contact_email_trgm_idx', 'leads', lowered('contact_email')],
  ['leads_contact_phone_trgm_idx', 'leads', digits('contact_phone')],
  ['leads_address_trgm_idx', 'leads', address],
  ['partners_name_trgm_idx', 'partners', lowered('name')],
  ['partner_contacts_name_trgm_idx', 'partner_contacts', lowered('name')],
  ['partner_contacts_email_trgm_idx', 'partner_contacts', lowered('email')],
  ['partner_contacts_phone_trgm_idx', 'partner_contacts', digits('phone')],
];

const PATTERN: Array<[name: string, table: string, expression: string]> = [
  ['customers_name_prefix_idx', 'customers', lowered('name')],
  ['customers_email_prefix_idx', 'customers', lowered('email')],
  ['leads_contact_name_prefix_idx', 'leads', lowered('contact_name')],
  ['leads_contact_email_prefix_idx', 'leads', lowered('contact_email')],
  ['projects_name_prefix_idx', 'projects', lowered('name')],
  ['partners_name_prefix_idx', 'partners', lowered('name')],
  ['partner_contacts_name_prefix_idx', 'partner_contacts', lowered('name')],
  ['partner_contacts_email_prefix_idx', 'partner_contacts', lowered('email')],
];

export class SearchIndexes1764530000000 implements MigrationInterface {
  name = 'SearchIndexes1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    for (const [name, table, expression] of TRIGRAM) await q.query(`CREATE INDEX ${name} ON ${table} USING gin ((${expression}) gin_trgm_ops)`);
    for (const [name, table, expression] of PATTERN) await q.query(`CREATE INDEX ${name} ON ${table} ((${expression}) text_pattern_ops)`);
    await q.query('ANALYZE customers, leads, projects, partners, partner_contacts');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of [...TRIGRAM, ...PATTERN]) await q.query(`DROP INDEX ${name}`);
  }
}
