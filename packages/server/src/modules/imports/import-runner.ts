import type { DataSource, EntityManager } from 'typeorm';
import type { ImportField } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import type { Logger } from '../../platform/logger';
import type { EventSink } from '../realtime/event-definition';
import { csvRecords } from './csv';
import { fileOf } from './import-file';
import type { ImportCountsData, ImportEntity, ImportRowErrorData } from './import.entity';
import { reject, type ImportContext, type ImportRowInput, type ImportTarget, type Planned } from './import-target';

/** Rows per batch: one transaction (and one statement per table) each. */
export const IMPORT_BATCH_ROWS = 1000;

/**
 * The target table's statistics are refreshed every this many batches (and after a large run: import-worker.ts): an
 * import can grow a table many times over, and matching a batch by e-mail and phone must keep using their indexes
 * (autovacuum may lag, or be off). Small imports never wait for it.
 */
export const ANALYZE_EVERY_BATCHES = 20;

export const emptyCounts = (): ImportCountsData => ({ rows: 0, create: 0, update: 0, unchanged: 0, reject: 0 });

/** Another run of the same import moved on (a retried job overtaking a stalled one): this one stops. */
class Superseded extends Error {}

/** The file's data rows with their mapped values (trimmed; blank cells absent), the header skipped. */
async function* rowsOf(ds: DataSource, imp: ImportEntity): AsyncGenerator<ImportRowInput> {
  let header = true;
  for await (const { cells, line } of csvRecords(fileOf(ds, imp.id), imp.delimiter)) {
    if (header) {
      header = false;
      continue;
    }
    const values: Partial<Record<ImportField, string>> = {};
    imp.mapping.forEach((field, i) => {
      const text = field ? cells[i]?.trim() : undefined;
      if (field && text) values[field] = text;
    });
    yield { rowNumber: line, values, cells };
  }
}

function tally(counts: ImportCountsData, plans: Array<Planned<unknown>>): void {
  for (const p of plans) {
    counts.rows++;
    if (p.outcome === 'CREATE') counts.create++;
    else if (p.outcome === 'UPDATE') counts.update++;
    else if (p.outcome === 'UNCHANGED') counts.unchanged++;
    else counts.reject++;
  }
}

/** Why the database refused a row (it was then left out alone): the constraint, in words where it is known. */
function databaseError(err: unknown): ImportRowErrorData {
  const e = err as { constraint?: string; code?: string };
  if (e.constraint === 'customers_email_key') return { field: 'EMAIL', code: 'TAKEN', message: 'Another customer already has this e-mail address.' };
  if (e.code === '23514' || e.code === '22003') return { field: null, code: 'OUT_OF_RANGE', message: `A value is out of range (${e.constraint ?? 'check'}).` };
  return { field: null, code: 'CONFLICT', message: `The row could not be saved${e.constraint ? ` (${e.constraint})` : ''}.` };
}

async function savepoint<T>(m: EntityManager, name: string, work: () => Promise<T>): Promise<T> {
  await m.query(`SAVEPOINT ${name}`);
  try {
    const result = await work();
    await m.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (err) {
    await m.query(`ROLLBACK TO SAVEPOINT ${name}`);
    throw err;
  }
}

export interface RunnerDeps {
  ds: DataSource;
  events: EventSink;
  logger: Logger;
  /** The company's time zone (COMPANY_TIME_ZONE), where dates without a time are read. */
  timeZone: string;
}

/**
 * Goes through an import's file in batches: rows repeating a key of an earlier row of the file are refused; the others
 * are planned by the target (its rules, matching). The dry run (`CHECK`) records what would happen; the run (`RUN`)
 * writes each batch in one transaction with its row reports and the import's progress, so a batch lands whole or not
 * at all, and a run stopped anywhere continues after its last committed batch. A batch the database refuses is written
 * again row by row (each under a savepoint): the rows it refuses are reported, the others land.
 */
export async function processImport(d: RunnerDeps, target: ImportTarget, imp: ImportEntity, viewer: Viewer, phase: 'CHECK' | 'RUN'): Promise<ImportCountsData> {
  const writing = phase === 'RUN';
  const ctx: ImportContext = { viewer, importId: imp.id, teamId: imp.teamId, updateExisting: imp.updateExisting, writing, timeZone: d.timeZone };
  const skip = writing ? imp.processedRows : 0;
  const counts: ImportCountsData = writing
    ? { rows: imp.processedRows, create: imp.createdCount, update: imp.updatedCount, unchanged: imp.unchangedCount, reject: imp.rejectedCount }
    : emptyCounts();
  let done = skip;
  const seen = new Map<string, number>();
  let batch: Array<{ row: ImportRowInput; repeated: ImportRowErrorData[] }> = [];

  let batches = 0;
  const flush = async () => {
    const rows = batch;
    batch = [];
    if (++batches % ANALYZE_EVERY_BATCHES === 0) await d.ds.query(`ANALYZE ${target.table}`);
    const plans = writing ? await runBatch(d, target, ctx, rows, done) : await planBatch(d.ds.manager, target, ctx, rows);
    tally(counts, plans);
    if (!writing) {
      await storeRows(d.ds.manager, imp.id, 'CHECK', plans, rows);
      await d.ds.query('UPDATE imports SET processed_rows = $2, updated_at = now() WHERE id = $1', [imp.id, done + rows.length]);
    }
    done += rows.length;
  };

  let index = 0;
  for await (const row of rowsOf(d.ds, imp)) {
    index++;
    const repeated: ImportRowErrorData[] = [];
    for (const k of target.keys(row)) {
      const first = seen.get(k.key);
      if (first === undefined) seen.set(k.key, row.rowNumber);
      else repeated.push({ field: k.field, code: 'CONFLICT', message: `Row ${first} of this file has ${k.what}: one of the two rows is left out.` });
    }
    if (index <= skip) continue;
    batch.push({ row, repeated });
    if (batch.length >= IMPORT_BATCH_ROWS) await flush();
  }
  if (batch.length) await flush();
  return counts;

  async function runBatch(deps: RunnerDeps, t: ImportTarget, c: ImportContext, rows: typeof batch, expected: number) {
    return deps.ds.transaction(async (m) => {
      const [current]: Array<{ status: string; processed_rows: number }> = await m.query('SELECT status, processed_rows FROM imports WHERE id = $1 FOR UPDATE', [c.importId]);
      if (current?.status !== 'RUNNING' || current.processed_rows !== expected) throw new Superseded();
      const plans = await planBatch(m, t, c, rows);
      const writes = plans.filter((p) => p.write !== undefined);
      let teams: Set<string | null>;
      try {
        teams = await savepoint(m, 'import_batch', () => t.write(m, c, writes.map((p) => p.write)));
      } catch (err) {
        deps.logger.warn({ err, importId: c.importId }, 'import batch refused by the database; writing its rows one by one');
        teams = new Set();
        for (const p of writes) {
          try {
            for (const team of await savepoint(m, 'import_row', () => t.write(m, c, [p.write]))) teams.add(team);
          } catch (rowErr) {
            Object.assign(p, { outcome: 'REJECT', recordId: null, errors: [databaseError(rowErr)], write: undefined });
          }
        }
      }
      for (const view of t.staleViews) for (const team of teams) await deps.events.stale(m, view, team);
      await storeRows(m, c.importId, 'RUN', plans, rows);
      const n = { create: 0, update: 0, unchanged: 0, reject: 0 };
      for (const p of plans) n[p.outcome === 'CREATE' ? 'create' : p.outcome === 'UPDATE' ? 'update' : p.outcome === 'UNCHANGED' ? 'unchanged' : 'reject']++;
      await m.query(
        `UPDATE imports SET processed_rows = processed_rows + $2, created_count = created_count + $3, updated_count = updated_count + $4,
                unchanged_count = unchanged_count + $5, rejected_count = rejected_count + $6, updated_at = now() WHERE id = $1`,
        [c.importId, rows.length, n.create, n.update, n.unchanged, n.reject],
      );
      return plans;
    });
  }
}

export const isSuperseded = (err: unknown) => err instanceof Superseded;

/** Plans the rows of a batch: repeated rows are refused, the others go to the target. In file order. */
async function planBatch(m: EntityManager, target: ImportTarget, ctx: ImportContext, rows: Array<{ row: ImportRowInput; repeated: ImportRowErrorData[] }>) {
  const fresh = rows.filter((r) => !r.repeated.length).map((r) => r.row);
  const planned = new Map((await target.plan(m, ctx, fresh)).map((p) => [p.rowNumber, p]));
  return rows.map((r): Planned<unknown> => (r.repeated.length ? reject(r.row.rowNumber, r.repeated) : planned.get(r.row.rowNumber)!));
}

/** The batch's row reports (a rejected row keeps its cells, for the error report). */
async function storeRows(m: EntityManager, importId: string, phase: 'CHECK' | 'RUN', plans: Array<Planned<unknown>>, rows: Array<{ row: ImportRowInput }>) {
  if (!plans.length) return;
  const cells = new Map(rows.map((r) => [r.row.rowNumber, r.row.cells]));
  const json = JSON.stringify(
    plans.map((p) => ({
      import_id: importId,
      phase,
      row_number: p.rowNumber,
      outcome: p.outcome,
      record_id: p.recordId,
      errors: p.errors,
      cells: p.outcome === 'REJECT' ? cells.get(p.rowNumber) ?? [] : null,
    })),
  );
  await m.query(
    `INSERT INTO import_rows (import_id, phase, row_number, outcome, record_id, errors, cells)
     SELECT import_id, phase, row_number, outcome, record_id, errors, cells FROM json_populate_recordset(NULL::import_rows, $1::json)
     ON CONFLICT (import_id, phase, row_number) DO UPDATE SET outcome = EXCLUDED.outcome, record_id = EXCLUDED.record_id, errors = EXCLUDED.errors, cells = EXCLUDED.cells`,
    [json],
  );
}
