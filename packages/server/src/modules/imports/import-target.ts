import type { EntityManager, EntityTarget } from 'typeorm';
import type { ImportField, ImportKind, ImportRowOutcome } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { insertMany, updateMany } from '../../platform/db/bulk-write';
import { Validator, type UserErrorData } from '../../platform/validation';
import { diff, type AuditService } from '../audit/audit.service';
import type { ViewDefinition } from '../realtime/event-definition';
import type { ImportRowErrorData } from './import.entity';

/** One data row of the file as a target sees it. */
export interface ImportRowInput {
  /** Its row in the spreadsheet (the header is row 1). */
  rowNumber: number;
  /** The trimmed text of each mapped field; blank cells are absent (they change nothing). */
  values: Partial<Record<ImportField, string>>;
  /** The row as written. */
  cells: string[];
}

/** What an import run knows while it plans and writes. */
export interface ImportContext {
  viewer: Viewer;
  importId: string;
  /** The team new records go to. */
  teamId: string | null;
  updateExisting: boolean;
  /** The run (matched records are locked until the batch commits) rather than the dry run. */
  writing: boolean;
  /** The company's time zone (COMPANY_TIME_ZONE): a date without a time is noon of that day on its clock. */
  timeZone: string;
}

/** What happens to one row, and what to write for it (nothing for rejected and unchanged rows). */
export interface Planned<W> {
  rowNumber: number;
  outcome: ImportRowOutcome;
  recordId: string | null;
  errors: ImportRowErrorData[];
  write?: W;
}

/** A key a row is matched by: two rows of one file with the same key are one record. */
export interface RowKey {
  field: ImportField;
  key: string;
  /** The key in a message: "the same e-mail address". */
  what: string;
}

/**
 * One kind of record an import writes: its fields, how a row becomes a new record or a change of an existing one (with
 * the module's own rules), and how a batch is written (set-based, with its audit entries and declared effects).
 */
export interface ImportTarget<W = unknown> {
  kind: ImportKind;
  /** The GraphQL type of its records (global IDs of `ImportRow.recordId`). */
  typeName: string;
  /** The table it writes (its statistics are refreshed as an import grows it). */
  table: string;
  keys(row: ImportRowInput): RowKey[];
  /** Validates and matches a batch of rows (reads only; under `ctx.writing` the matched records are locked). */
  plan(m: EntityManager, ctx: ImportContext, rows: ImportRowInput[]): Promise<Array<Planned<W>>>;
  /** Writes what `plan` decided with its audit entries, inside the caller's transaction; returns the teams written. */
  write(m: EntityManager, ctx: ImportContext, items: W[]): Promise<Set<string | null>>;
  /**
   * The cached views its writes make stale (its module's declared effects), told once per team and batch. Per-record
   * live events are not emitted: an import announces itself (its progress), not each of thousands of records.
   */
  staleViews: readonly ViewDefinition[];
}

/** A row's user errors, each named by the import field its input path stands for (null: the row). */
export function rowErrors(errors: UserErrorData[], fieldOf: Record<string, ImportField>): ImportRowErrorData[] {
  return errors.map((e) => ({ field: (e.field && fieldOf[e.field.join('.')]) || null, code: e.code, message: e.message }));
}

export const reject = <W>(rowNumber: number, errors: ImportRowErrorData[]): Planned<W> => ({ rowNumber, outcome: 'REJECT', recordId: null, errors });

/** Every value of a string union, checked complete by the compiler (for enums read from cells). */
export const allOf =
  <T extends string>() =>
  <const U extends readonly T[]>(values: U & ([T] extends [U[number]] ? unknown : never)): U =>
    values;

/** What a planned row writes: a new record (its id chosen), or an existing one before and after. */
export type RecordWrite<T> = { create: Partial<T> & { id: string } } | { before: T; after: T };

type Row = { id: string; teamId: string | null };

/** A row that creates `values` (its id already chosen). */
export const creating = <T extends Row>(rowNumber: number, values: Partial<T> & { id: string }): Planned<RecordWrite<T>> => ({
  rowNumber,
  outcome: 'CREATE',
  recordId: values.id,
  errors: [],
  write: { create: values },
});

/** A row that changes `existing` by `patch`: UPDATE, or UNCHANGED (nothing to write) when no value differs. */
export function changing<T extends Row>(rowNumber: number, existing: T, patch: Partial<T>): Planned<RecordWrite<T>> {
  const after = Object.assign(Object.create(Object.getPrototypeOf(existing)) as T, existing, patch);
  const changed = Object.keys(diff(existing, after)).length > 0;
  return { rowNumber, outcome: changed ? 'UPDATE' : 'UNCHANGED', recordId: existing.id, errors: [], write: changed ? { before: existing, after } : undefined };
}

/** How a kind of record is written by imports: its table, audit type and the properties written. */
export interface RecordColumns<T> {
  entity: EntityTarget<T>;
  typeName: string;
  /** Properties of a new record (`id` included). */
  created: readonly (keyof T & string)[];
  /** Properties an update may change. */
  updated: readonly (keyof T & string)[];
}

/**
 * Writes a batch's records set-based (one INSERT, one UPDATE) with one audit entry per record (one statement, tied to
 * the import by its request id). Returns the teams written.
 */
export async function writeRecords<T extends Row>(m: EntityManager, audit: AuditService, ctx: ImportContext, kind: RecordColumns<T>, items: Array<RecordWrite<T>>): Promise<Set<string | null>> {
  const creates = items.flatMap((i) => ('create' in i ? [i.create] : []));
  const updates = items.flatMap((i) => ('after' in i ? [i] : []));
  await insertMany(m, kind.entity, kind.created, creates);
  await updateMany(m, kind.entity, kind.updated, updates.map((u) => u.after) as Array<Partial<T> & { id: string }>);
  await audit.recordMany(
    m,
    ctx.viewer,
    [
      ...creates.map((c) => ({ entityType: kind.typeName, entityId: c.id, action: 'CREATE' as const, before: null, after: c, teamId: c.teamId ?? null })),
      ...updates.map((u) => ({ entityType: kind.typeName, entityId: u.after.id, action: 'UPDATE' as const, before: u.before, after: u.after, teamId: u.after.teamId })),
    ],
    `import:${ctx.importId}`,
  );
  return new Set([...creates.map((c) => c.teamId ?? null), ...updates.map((u) => u.after.teamId)]);
}

/** A phone cell as stored (E.164), or null. */
export const storedPhone = (text: string | undefined) => (text === undefined ? null : new Validator().phone('phone', text));

/** The key of a row matched by its e-mail, else (without one) by its phone: two rows of a file must not share it. */
export function contactKeys(row: ImportRowInput, email: ImportField, phone: ImportField, what: string): RowKey[] {
  const address = row.values[email]?.toLowerCase();
  if (address) return [{ field: email, key: `e:${address}`, what: `the same ${what}e-mail address` }];
  const number = storedPhone(row.values[phone]);
  return number ? [{ field: phone, key: `p:${number}`, what: `the same ${what}phone number and no e-mail address` }] : [];
}

/**
 * A batch's rows read as their mutation's input (scalar checks on each row's own validator), each with its e-mail
 * (lower case) and phone (as stored) to match by, and the batch's distinct ones.
 */
export function readContacts<I>(rows: ImportRowInput[], read: (v: Validator, values: ImportRowInput['values']) => I, emailOf: (input: I) => string | null | undefined, phone: ImportField) {
  const parsed = rows.map((row) => {
    const v = new Validator();
    const input = read(v, row.values);
    return { row, v, input, email: emailOf(input)?.toLowerCase() ?? null, phone: storedPhone(row.values[phone]) };
  });
  const distinct = (values: Array<string | null>) => [...new Set(values.filter((x): x is string => Boolean(x)))];
  return { parsed, emails: distinct(parsed.map((p) => p.email)), phones: distinct(parsed.map((p) => p.phone)) };
}
