import type { DataSource, EntityManager } from 'typeorm';
import { NONE } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { MAX_SEARCH_LENGTH } from '../../platform/db/search';
import { badUserInput } from '../../platform/errors';
import type { CustomerEntity } from '../customers/customer.entity';
import type { LeadEntity } from '../leads/lead.entity';
import type { PartnerEntity } from '../partners/partner.entity';
import type { ProjectEntity } from '../projects/project.entity';
import { SEARCH_KINDS, type SearchFieldName, type SearchFieldSpec, type SearchKind, type SearchKindName } from './search-kinds';

/** One record found: its key, the field that matched best and that field's value. */
export interface SearchHit {
  id: string;
  field: SearchFieldName;
  text: string;
}

export type SearchResultsModel = { query: string } & Record<SearchKindName, SearchHit[]>;

/** A hit with its record, loaded under the same row rules (the GraphQL hit types). */
export type CustomerHitModel = SearchHit & { node: CustomerEntity };
export type LeadHitModel = SearchHit & { node: LeadEntity };
export type ProjectHitModel = SearchHit & { node: ProjectEntity };
export type PartnerHitModel = SearchHit & { node: PartnerEntity };

/** Shorter text finds nothing. Two characters match whole fields and word starts only; three and more, anywhere. */
export const MIN_SEARCH_LENGTH = 2;
/** Text of this length and more is also compared anywhere in a field, and by similarity. */
const SUBSTRING_LENGTH = 3;
/** A phone-like text needs this many digits to be compared with phone numbers. */
const MIN_PHONE_DIGITS = 3;
/** This many digits are a whole number: a phone ending with them is an exact match (`6125550142` → `+16125550142`). */
const WHOLE_PHONE_DIGITS = 7;
export const MAX_SEARCH_RESULTS = 10;
/**
 * The most candidates of one match class (exact, start, anywhere) and one group of fields that are ranked. Bounds the
 * work of very broad text (`example`, `55`) while exact and starting matches keep their own share.
 */
export const CANDIDATES_PER_CLASS = 100;
/**
 * Records found through another table's rows (leads and projects through their customer, partners through their
 * contacts) come from at most this many of those rows per match class (text matching more customers than this finds
 * leads and projects through the first this many only, besides their own fields).
 */
export const LINKED_ROWS_PER_CLASS = 1000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Terms {
  /** Lower-cased, trimmed, inner runs of spaces as one. */
  q: string;
  /** The digits when the text looks like a phone number (digits, spaces, `()+.-`), else null. */
  digits: string | null;
}

function termsOf(query: string): Terms | null {
  if (query.length > MAX_SEARCH_LENGTH) throw badUserInput(`Search text is at most ${MAX_SEARCH_LENGTH} characters.`, 'query');
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  if (q.length < MIN_SEARCH_LENGTH) return null;
  const d = /^[\d\s()+.-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  return { q, digits: d.length >= MIN_PHONE_DIGITS ? d : null };
}

/** The named parameters every search statement binds. */
function paramsOf(t: Terms): Record<string, unknown> {
  const e = escapeLike(t.q);
  const d = t.digits && escapeLike(t.digits);
  return {
    q: t.q,
    qStart: `${e}%`,
    qWord: `% ${e}%`,
    qAnywhere: `%${e}%`,
    d: t.digits,
    dEnd: d && t.digits!.length >= WHOLE_PHONE_DIGITS ? `%${d}` : null,
    dAnywhere: d && `%${d}%`,
    cap: CANDIDATES_PER_CLASS,
    linkedCap: LINKED_ROWS_PER_CLASS,
  };
}

type MatchClass = 'exact' | 'start' | 'anywhere';

/** The condition a field meets in a match class, or null when it cannot (e.g. phones for text that is no number). */
function condition(f: SearchFieldSpec, cls: MatchClass, t: Terms): string | null {
  if (cls === 'exact' && !f.whole) return null;
  if (f.phone) {
    if (!t.digits) return null;
    if (cls === 'exact') return t.digits.length >= WHOLE_PHONE_DIGITS ? `(${f.norm} = :d OR ${f.norm} LIKE :dEnd)` : `${f.norm} = :d`;
    return cls === 'anywhere' ? `${f.norm} LIKE :dAnywhere` : null;
  }
  if (cls === 'exact') return `${f.norm} = :q`;
  if (cls === 'start') return f.startsAt === 'value' ? `${f.norm} LIKE :qStart` : `(${f.norm} LIKE :qStart OR ${f.norm} LIKE :qWord)`;
  return f.fuzzy ? `(${f.norm} LIKE :qAnywhere OR :q <% ${f.norm})` : `${f.norm} LIKE :qAnywhere`;
}

/** How well one field matched, 0 (the whole field) to 4 (close); null when it did not. */
function bucket(t: Terms): string {
  const long = t.q.length >= SUBSTRING_LENGTH;
  const phone = t.digits
    ? `WHEN f.phone THEN CASE WHEN f.norm = :d${t.digits.length >= WHOLE_PHONE_DIGITS ? ' OR f.norm LIKE :dEnd' : ''} THEN 0 WHEN f.norm LIKE :dAnywhere THEN 3 END`
    : 'WHEN f.phone THEN NULL';
  return `CASE ${phone} ELSE CASE WHEN f.norm = :q THEN 0 WHEN f.norm LIKE :qStart THEN 1 WHEN f.norm LIKE :qWord THEN 2${
    long ? ' WHEN f.norm LIKE :qAnywhere THEN 3 WHEN f.fuzzy AND :q <% f.norm THEN 4' : ''
  } END END`;
}

const sqlText = (f: SearchFieldSpec) => `CAST(${f.text} AS text)`;

/** The ranking's rows of fields for one record: (ord, field, text, norm, phone, fuzzy). */
function fieldRows(kind: SearchKind): string {
  let ord = 0;
  const parts = kind.groups.map((g) => {
    const rows = g.fields.map((f) => `(${++ord}, '${f.field}', ${sqlText(f)}, ${f.norm}, ${Boolean(f.phone)}, ${Boolean(f.fuzzy)})`);
    if (!g.many) return `SELECT * FROM (VALUES ${rows.join(', ')}) v`;
    return g.fields.map((_, i) => `SELECT ${rows[i]!.slice(1, -1)} ${g.many}`).join(' UNION ALL ');
  });
  return parts.join(' UNION ALL ');
}

/**
 * One statement per kind: candidate ids from each group of fields and match class (each under the row rule, each
 * capped, each answered by an index), then every candidate's best field ranked — whole field, start, word start,
 * anywhere, close — by trigram word similarity and similarity, then name. Fields of another table (a lead's customer)
 * are matched there first, into an array of at most LINKED_ROWS_PER_CLASS keys, then the records are read by key.
 *
 * Each candidate scan is a MATERIALIZED CTE read up to its cap: PostgreSQL plans it for all its rows (its bitmap index
 * scans), then stops reading once the cap is reached. A plain `LIMIT` would be planned for the cap instead, on the
 * planner's guess of how many rows match: guessing many, it walks a whole index hoping to stop early, which for
 * text that matches nothing reads every row (200k leads: 0.7 s instead of 1 ms).
 */
export function searchStatement(kind: SearchKind, t: Terms, scope: NonNullable<ReturnType<SearchKind['scope']>> | null): string {
  const a = kind.alias;
  const classes: MatchClass[] = t.q.length >= SUBSTRING_LENGTH ? ['exact', 'start', 'anywhere'] : ['exact', 'start'];
  const rule = scope ? ` AND ${scope.sql}` : '';
  const ctes: string[] = [];
  const cte = (sql: string) => {
    ctes.push(`m${ctes.length} AS MATERIALIZED (${sql})`);
    return `m${ctes.length - 1}`;
  };
  const candidates = kind.groups.flatMap((g) =>
    classes.flatMap((cls) => {
      const conditions = g.fields.map((f) => condition(f, cls, t)).filter((c): c is string => c !== null);
      if (!conditions.length) return [];
      const match = `(${conditions.join(' OR ')})`;
      const where = g.via
        ? `${g.via.on} = ANY(ARRAY(SELECT k FROM ${cte(`SELECT ${g.via.key} AS k FROM ${g.via.from} WHERE ${g.via.live} AND ${match}`)} LIMIT :linkedCap))`
        : match;
      return [`(SELECT id FROM ${cte(`SELECT ${a}.id FROM ${kind.table} ${a} WHERE ${a}.deleted_at IS NULL${rule} AND ${where}`)} LIMIT :cap)`];
    }),
  );
  return `
    WITH ${ctes.join(',\n         ')}
    SELECT CAST(${a}.id AS text) AS id, m.field, m.text
      FROM (${candidates.join(' UNION ')}) candidate
      JOIN ${kind.table} ${a} ON ${a}.id = candidate.id
      ${kind.rankJoin ?? ''}
      CROSS JOIN LATERAL (
        SELECT r.field, r.text, r.bucket, r.wsim, r.sim FROM (
          SELECT f.field, f.text, f.ord, ${bucket(t)} AS bucket,
                 word_similarity(:q, f.norm) AS wsim, similarity(:q, f.norm) AS sim
            FROM (${fieldRows(kind)}) f(ord, field, text, norm, phone, fuzzy)
           WHERE f.norm IS NOT NULL
        ) r
        WHERE r.bucket IS NOT NULL
        ORDER BY r.bucket, r.wsim DESC, r.sim DESC, r.ord
        LIMIT 1
      ) m
     ORDER BY m.bucket, m.wsim DESC, m.sim DESC, ${kind.label}, ${a}.id
     LIMIT :first`;
}

/**
 * Global search: customers, leads, projects and partners by name, phone, e-mail or address, each kind under its own
 * feature's row-level rule (the scope functions its lists use), best matches first, with the field that matched.
 */
export class SearchService {
  constructor(private readonly ds: DataSource) {}

  async search(viewer: Viewer, query: string, first: number | null | undefined): Promise<SearchResultsModel> {
    const size = first ?? 5;
    if (size < 1 || size > MAX_SEARCH_RESULTS) throw badUserInput(`\`first\` must be between 1 and ${MAX_SEARCH_RESULTS}.`, 'first');
    const terms = termsOf(query);
    const names = Object.keys(SEARCH_KINDS) as SearchKindName[];
    const found: Record<string, SearchHit[]> = Object.fromEntries(names.map((n) => [n, []]));
    if (terms) {
      // One connection, one short transaction: the candidate scans must read the indexes. With `LIMIT` over a join
      // and a guessed match count, the planner may prefer to scan a whole table hoping to stop early, which for text
      // that matches nothing reads it all (100k customers: 0.3 s instead of 1 ms).
      await this.ds.transaction(async (m) => {
        await m.query('SET LOCAL enable_seqscan = off');
        for (const n of names) found[n] = await this.find(m, viewer, SEARCH_KINDS[n], terms, size);
      });
    }
    return { query: terms?.q ?? '', ...(found as Record<SearchKindName, SearchHit[]>) };
  }

  private async find(m: EntityManager, viewer: Viewer, kind: SearchKind, terms: Terms, first: number): Promise<SearchHit[]> {
    const scope = kind.scope(viewer, kind.alias);
    if (scope?.sql === NONE!.sql) return [];
    const [sql, values] = this.ds.driver.escapeQueryWithParameters(searchStatement(kind, terms, scope), { ...paramsOf(terms), ...scope?.params, first });
    const rows: SearchHit[] = await m.query(sql, values);
    return rows.map((r) => ({ id: r.id, field: r.field, text: r.text }));
  }
}

export { termsOf as searchTerms, paramsOf as searchParams };
