import path from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { parse, type Parser } from 'csv-parse';
import type { ImportColumnInput, ImportField, ImportKind, ImportPhase, ImportRowOutcome } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { forbidden } from '../../platform/errors';
import type { JobSender } from '../../platform/jobs/job-queue';
import type { Logger } from '../../platform/logger';
import { userError, Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import type { EventSink } from '../realtime/event-definition';
import type { LeadScoringService } from '../scoring/scoring.service';
import { resolveOwningTeam } from '../teams/owning-team';
import { CHUNK_BYTES, csvOptions, csvProblem, CsvRefused, MAX_IMPORT_BYTES, SAMPLE_ROWS, sniffCsv } from './csv';
import { customerImport } from './customer-import';
import { IMPORT_FIELDS, mappingToSave, suggestMapping, type SavedMapping } from './import-fields';
import { ANALYZE_EVERY_BATCHES, IMPORT_BATCH_ROWS, isSuperseded, processImport } from './import-runner';
import type { ImportTarget } from './import-target';
import { ImportEntity, ImportRowEntity, type ImportCountsData } from './import.entity';
import { canRunImport, IMPORTER_ROLES, importScope } from './import.policy';
import { leadImport } from './lead-import';
import { partnerImport } from './partner-import';

/** The dry run and the run (see import.jobs.ts). */
export const IMPORT_CHECK_JOB = 'import-check';
export const IMPORT_RUN_JOB = 'import-run';

/** What the jobs are given: the import, and who asked (the run acts under their row-level rules). */
export interface ImportJobData {
  importId: string;
  actorId: string;
}

export type ImportConnection = Connection<ImportEntity>;
export type ImportRowConnection = Connection<ImportRowEntity>;

export interface ImportResult {
  import: ImportEntity | null;
  errors: UserErrorData[];
}

/** `setImportMapping`'s input as the service takes it: keys for IDs (NO_MATCH_ID for a team ID that named none). */
export interface ImportMappingChanges {
  id: string | null;
  columns: ImportColumnInput[];
  teamId?: string | null;
  updateExisting?: boolean | null;
  save?: boolean | null;
}

/** Runs in an import's completing transaction (wired in services.ts: imports know no duplicates). */
export interface ImportHooks {
  completed?(m: EntityManager, imp: ImportEntity): Promise<void>;
}

const refused = (errors: UserErrorData[]): ImportResult => ({ import: null, errors });
const notFound = () => refused([userError('id', 'NOT_FOUND', 'No such import.')]);
const MAX_COLUMNS = 200;
const HEAD_BYTES = 64 * 1024;

/** A file name as shown: its last path segment, printable, at most 255 characters. */
const cleanName = (name: string) => path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'import.csv';

/**
 * CSV imports of customers, leads and partners: the upload (streamed into the database in chunks), the column mapping
 * (suggested from the headers and the user's last mapping of the kind), the dry run and the run as background jobs
 * (import-runner.ts), the row reports and the error report.
 */
export class ImportService {
  private readonly targets: Record<ImportKind, ImportTarget>;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventSink,
    scoring: LeadScoringService,
    private readonly jobs: JobSender,
    private readonly logger: Logger,
    /** The company's time zone (COMPANY_TIME_ZONE): dates without a time are read on its clock. */
    private readonly timeZone: string,
    private readonly hooks: ImportHooks = {},
  ) {
    this.targets = { CUSTOMER: customerImport(audit), LEAD: leadImport(audit, scoring), PARTNER: partnerImport(audit) } as Record<ImportKind, ImportTarget>;
  }

  /**
   * Stores an uploaded file as a new import of `kind`, streaming it into the database in 1 MB chunks while it is
   * parsed: CSV only (sniffed: UTF-8 text, not a spreadsheet or another binary), at most MAX_IMPORT_BYTES, a header
   * row and at least one data row. The mapping is suggested; the team is the uploader's. Throws `CsvRefused` (nothing
   * is kept then) or FORBIDDEN.
   */
  async upload(viewer: Viewer, kind: ImportKind, fileName: string, body: AsyncIterable<Buffer>): Promise<ImportEntity> {
    if (!IMPORTER_ROLES.includes(viewer.role)) throw forbidden('Field techs do not import records.');
    const teamId = await resolveOwningTeam(this.ds, new Validator(), viewer, null);
    const [{ id }] = (await this.ds.query(
      `INSERT INTO imports (kind, status, file_name, team_id, created_by) VALUES ($1, 'UPLOADING', $2, $3, $4) RETURNING id`,
      [kind, cleanName(fileName), teamId, viewer.id],
    )) as [{ id: string }];
    try {
      const file = await this.store(id, body);
      const saved = await this.savedMapping(viewer.id, kind);
      await this.ds.query(
        `UPDATE imports SET status = 'UPLOADED', size_bytes = $2, row_count = $3, delimiter = $4, headers = $5, samples = $6, mapping = $7, updated_at = now() WHERE id = $1`,
        [id, file.size, file.rows, file.delimiter, JSON.stringify(file.headers), JSON.stringify(file.samples), JSON.stringify(suggestMapping(kind, file.headers, saved))],
      );
      await this.audit.record(this.ds.manager, viewer, { entityType: 'Import', entityId: id, action: 'CREATE', before: null, after: { kind, fileName: cleanName(fileName), size: file.size, rows: file.rows }, teamId });
    } catch (err) {
      await this.ds.query('DELETE FROM imports WHERE id = $1', [id]);
      throw err;
    }
    return this.ds.getRepository(ImportEntity).findOneByOrFail({ id });
  }

  /** The file into `import_chunks`, parsed on the way: its size, delimiter, headers, first rows and row count. */
  private async store(id: string, body: AsyncIterable<Buffer>) {
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let head: Buffer[] = [];
    let headBytes = 0;
    let delimiter: string | null = null;
    let headers: string[] | null = null;
    const samples: string[][] = [];
    let rows = 0;
    let problem: unknown = null;
    let parser: Parser | null = null;
    const start = (buffer: Buffer, complete: boolean) => {
      delimiter = sniffCsv(buffer, complete).delimiter;
      parser = parse({ ...csvOptions(delimiter), info: false });
      parser.on('data', (record: string[]) => {
        if (!headers) {
          if (record.length > MAX_COLUMNS) problem = new CsvRefused(`The file has ${record.length} columns; at most ${MAX_COLUMNS} can be imported.`, 400);
          headers = record.map((h, i) => h.trim() || `Column ${i + 1}`);
        } else {
          rows++;
          if (samples.length < SAMPLE_ROWS) samples.push(record);
        }
      });
      parser.on('error', (err) => (problem = csvProblem(err)));
    };
    const flush = async (all: boolean) => {
      while (pendingBytes >= CHUNK_BYTES || (all && pendingBytes > 0)) {
        const joined = Buffer.concat(pending);
        const chunk = joined.subarray(0, CHUNK_BYTES);
        const rest = joined.subarray(chunk.length);
        pending = rest.length ? [rest] : [];
        pendingBytes = rest.length;
        await this.ds.query('INSERT INTO import_chunks (import_id, seq, data) VALUES ($1, $2, $3)', [id, seq++, chunk]);
      }
    };
    const feed = async (buffer: Buffer) => {
      parser!.write(buffer);
      if (problem) throw problem;
      pending.push(buffer);
      pendingBytes += buffer.length;
      await flush(false);
    };
    for await (const chunk of body) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      size += buffer.length;
      if (size > MAX_IMPORT_BYTES) throw new CsvRefused(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split it into smaller files.`, 413);
      if (delimiter === null) {
        head.push(buffer);
        headBytes += buffer.length;
        if (headBytes < HEAD_BYTES) continue;
        const first = Buffer.concat(head);
        head = [];
        start(first, false);
        await feed(first);
      } else {
        await feed(buffer);
      }
    }
    if (delimiter === null) {
      const all = Buffer.concat(head);
      if (!all.length) throw new CsvRefused('The file is empty: its first row should name the columns.', 400);
      start(all, true);
      await feed(all);
    }
    const ended = parser as Parser | null;
    await new Promise<void>((resolve, reject) => {
      if (problem || !ended) return reject(problem);
      ended.once('end', resolve);
      ended.once('error', (err) => reject(csvProblem(err)));
      ended.end();
    });
    if (problem) throw problem;
    await flush(true);
    if (!headers) throw new CsvRefused('The file is empty: its first row should name the columns.', 400);
    if (!rows) throw new CsvRefused('The file has a header row but no data rows.', 400);
    return { size, delimiter: delimiter!, headers: headers as string[], samples, rows };
  }

  /** One import the viewer may see, or null. */
  get(viewer: Viewer, id: string | null): Promise<ImportEntity | null> {
    if (!id) return Promise.resolve(null);
    return applyScope(this.ds.getRepository(ImportEntity).createQueryBuilder('i'), importScope(viewer, 'i')).andWhere('i.id = :id', { id }).getOne();
  }

  /** Imports the viewer may see, newest first. */
  list(viewer: Viewer, args: PageArgs & { kind?: ImportKind | null }): Promise<ImportConnection> {
    const qb = applyScope(this.ds.getRepository(ImportEntity).createQueryBuilder('i'), importScope(viewer, 'i'));
    if (args.kind) qb.andWhere('i.kind = :kind', { kind: args.kind });
    return paginate(qb, args, [
      { sql: 'i.created_at', direction: 'DESC', value: (i) => i.createdAt },
      { sql: 'i.id', direction: 'DESC', value: (i) => i.id },
    ]);
  }

  /** The fields an import of `kind` fills. */
  fieldsOf(kind: ImportKind) {
    return IMPORT_FIELDS[kind];
  }

  /** The rows of the dry run or the run (the run's once it started), in file order. */
  rows(imp: ImportEntity, args: PageArgs & { phase?: ImportPhase | null; outcome?: ImportRowOutcome | null }): Promise<ImportRowConnection> {
    const qb = this.ds
      .getRepository(ImportRowEntity)
      .createQueryBuilder('r')
      .where('r.import_id = :id AND r.phase = :phase', { id: imp.id, phase: args.phase ?? this.latestPhase(imp) });
    if (args.outcome) qb.andWhere('r.outcome = :outcome', { outcome: args.outcome });
    return paginate(qb, args, [{ sql: 'r.row_number', direction: 'ASC', value: (r) => r.rowNumber }]);
  }

  /** The run's rows once it started, else the dry run's. */
  latestPhase(imp: ImportEntity): ImportPhase {
    return imp.startedAt ? 'RUN' : 'CHECK';
  }

  /** Rejected rows of the latest phase (for the error report link). */
  rejectedCount(imp: ImportEntity): number {
    return imp.startedAt ? imp.rejectedCount : imp.checked?.reject ?? 0;
  }

  /**
   * Sets the field of each column (every field at most once; columns not given are skipped), the team new records go
   * to (resolveOwningTeam's rules) and whether matches update. Any dry run done is void: check again. The mapping is
   * remembered for the user's next import of the kind unless `save` is false.
   */
  async setMapping(viewer: Viewer, input: ImportMappingChanges): Promise<ImportResult> {
    const imp = await this.get(viewer, input.id);
    if (!imp) return notFound();
    if (!canRunImport(viewer, imp)) return refused([userError('id', 'FORBIDDEN', 'Only whoever uploaded the import, or an admin, may change it.')]);
    if (!this.reconfigurable(imp)) return refused([userError('id', 'INVALID_TRANSITION', 'This import has started: its mapping can no longer change.')]);
    const v = new Validator();
    const allowed = new Set(IMPORT_FIELDS[imp.kind].map((f) => f.field));
    const mapping: Array<ImportField | null> = imp.headers.map(() => null);
    const used = new Set<ImportField>();
    input.columns.forEach((c, i) => {
      if (c.index < 0 || c.index >= imp.headers.length) return v.add(`columns.${i}.index`, 'OUT_OF_RANGE', `The file has columns 0 to ${imp.headers.length - 1}.`);
      if (!c.field) return;
      if (!allowed.has(c.field)) return v.add(`columns.${i}.field`, 'INVALID', `An import of ${imp.kind.toLowerCase()}s has no field ${c.field}.`);
      if (used.has(c.field)) return v.add(`columns.${i}.field`, 'CONFLICT', 'Map each field from one column only.');
      used.add(c.field);
      mapping[c.index] = c.field;
    });
    const teamId = input.teamId !== undefined ? await resolveOwningTeam(this.ds, v, viewer, input.teamId) : imp.teamId;
    if (!v.ok) return refused(v.errors);
    await this.ds.transaction(async (m) => {
      await m.query(
        `UPDATE imports SET mapping = $2, team_id = $3, update_existing = $4, status = 'UPLOADED', checked = NULL, processed_rows = 0, failure = NULL, updated_at = now() WHERE id = $1`,
        [imp.id, JSON.stringify(mapping), teamId, input.updateExisting ?? imp.updateExisting],
      );
      await m.query(`DELETE FROM import_rows WHERE import_id = $1 AND phase = 'CHECK'`, [imp.id]);
      if (input.save !== false) {
        await m.query(
          `INSERT INTO import_mappings (user_id, kind, columns) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, kind) DO UPDATE SET columns = import_mappings.columns || EXCLUDED.columns, updated_at = now()`,
          [viewer.id, imp.kind, JSON.stringify(mappingToSave(imp.headers, mapping))],
        );
      }
    });
    return { import: await this.reload(imp.id), errors: [] };
  }

  /** Queues the dry run (every required field mapped; the team still one the viewer may use). */
  async check(viewer: Viewer, id: string | null): Promise<ImportResult> {
    const imp = await this.get(viewer, id);
    if (!imp) return notFound();
    if (!canRunImport(viewer, imp)) return refused([userError('id', 'FORBIDDEN', 'Only whoever uploaded the import, or an admin, may check it.')]);
    if (!this.reconfigurable(imp)) return refused([userError('id', 'INVALID_TRANSITION', `This import is ${imp.status.toLowerCase()}: it cannot be checked now.`)]);
    const v = await this.ready(viewer, imp);
    if (!v.ok) return refused(v.errors);
    await this.ds.transaction(async (m) => {
      await m.query(`UPDATE imports SET status = 'CHECKING', checked = NULL, processed_rows = 0, failure = NULL, updated_at = now() WHERE id = $1`, [imp.id]);
      await m.query(`DELETE FROM import_rows WHERE import_id = $1 AND phase = 'CHECK'`, [imp.id]);
      await this.jobs.send(IMPORT_CHECK_JOB, { importId: imp.id, actorId: viewer.id } satisfies ImportJobData, { within: m });
    });
    return { import: await this.reload(imp.id), errors: [] };
  }

  /** Queues the run after a dry run, or the rest of a failed run (after its last committed batch). */
  async run(viewer: Viewer, id: string | null): Promise<ImportResult> {
    const imp = await this.get(viewer, id);
    if (!imp) return notFound();
    if (!canRunImport(viewer, imp)) return refused([userError('id', 'FORBIDDEN', 'Only whoever uploaded the import, or an admin, may run it.')]);
    const resuming = imp.status === 'FAILED' && imp.startedAt !== null;
    if (imp.status !== 'CHECKED' && !resuming) {
      return refused([userError('id', 'INVALID_TRANSITION', imp.status === 'UPLOADED' ? 'Check the import (dry run) before running it.' : `This import is ${imp.status.toLowerCase()}: it cannot run now.`)]);
    }
    const v = await this.ready(viewer, imp);
    if (!v.ok) return refused(v.errors);
    await this.ds.transaction(async (m) => {
      if (resuming) await m.query(`UPDATE imports SET status = 'RUNNING', failure = NULL, finished_at = NULL, updated_at = now() WHERE id = $1`, [imp.id]);
      else {
        await m.query(
          `UPDATE imports SET status = 'RUNNING', started_at = now(), finished_at = NULL, processed_rows = 0, created_count = 0, updated_count = 0,
                  unchanged_count = 0, rejected_count = 0, failure = NULL, updated_at = now() WHERE id = $1`,
          [imp.id],
        );
        await m.query(`DELETE FROM import_rows WHERE import_id = $1 AND phase = 'RUN'`, [imp.id]);
      }
      await this.jobs.send(IMPORT_RUN_JOB, { importId: imp.id, actorId: viewer.id } satisfies ImportJobData, { within: m });
    });
    return { import: await this.reload(imp.id), errors: [] };
  }

  /** Removes an import that is not being checked or run, with its file and reports; what it imported stays. */
  async remove(viewer: Viewer, id: string | null): Promise<{ deletedId: string | null; errors: UserErrorData[] }> {
    const imp = await this.get(viewer, id);
    if (!imp) return { deletedId: null, errors: notFound().errors };
    if (!canRunImport(viewer, imp)) return { deletedId: null, errors: [userError('id', 'FORBIDDEN', 'Only whoever uploaded the import, or an admin, may delete it.')] };
    if (imp.status === 'CHECKING' || imp.status === 'RUNNING') return { deletedId: null, errors: [userError('id', 'INVALID_TRANSITION', 'Wait until the import has finished.')] };
    await this.ds.transaction(async (m) => {
      await m.query('DELETE FROM imports WHERE id = $1', [imp.id]);
      await this.audit.record(m, viewer, { entityType: 'Import', entityId: imp.id, action: 'HARD_DELETE', before: { kind: imp.kind, fileName: imp.fileName }, after: null, teamId: imp.teamId });
    });
    return { deletedId: imp.id, errors: [] };
  }

  /**
   * The rejected rows of the latest phase for the error report: the file's own columns, then the row number and the
   * reasons, read 1,000 at a time. Null when the viewer may not see the import.
   */
  async errorReport(viewer: Viewer, id: string | null): Promise<{ fileName: string; header: string[]; batches: AsyncGenerator<string[][]> } | null> {
    const imp = await this.get(viewer, id);
    if (!imp) return null;
    const phase = this.latestPhase(imp);
    const ds = this.ds;
    async function* batches(): AsyncGenerator<string[][]> {
      let after = 0;
      for (;;) {
        const rows: Array<{ row_number: number; cells: string[] | null; errors: Array<{ message: string }> }> = await ds.query(
          `SELECT row_number, cells, errors FROM import_rows WHERE import_id = $1 AND phase = $2 AND outcome = 'REJECT' AND row_number > $3
           ORDER BY row_number LIMIT 1000`,
          [imp!.id, phase, after],
        );
        if (!rows.length) return;
        yield rows.map((r) => [...imp!.headers.map((_, i) => r.cells?.[i] ?? ''), String(r.row_number), r.errors.map((e) => e.message).join(' ')]);
        after = rows[rows.length - 1]!.row_number;
      }
    }
    return { fileName: `${imp.fileName.replace(/\.csv$/i, '')}-errors.csv`, header: [...imp.headers, 'Row', 'Errors'], batches: batches() };
  }

  /** The dry run's job: every row planned, nothing written; the import CHECKED with what it found. */
  async runCheck(data: ImportJobData): Promise<ImportCountsData | null> {
    return this.work(data, 'CHECKING', async (imp, viewer) => {
      const counts = await processImport(this.deps(), this.targets[imp.kind], imp, viewer, 'CHECK');
      await this.ds.query(`UPDATE imports SET status = 'CHECKED', checked = $2, processed_rows = 0, updated_at = now() WHERE id = $1 AND status = 'CHECKING'`, [
        imp.id,
        JSON.stringify(counts),
      ]);
      return counts;
    });
  }

  /** The run's job: the rows written batch by batch; the import COMPLETED (audited) at the end. */
  async runImport(data: ImportJobData): Promise<ImportCountsData | null> {
    return this.work(data, 'RUNNING', async (imp, viewer) => {
      const counts = await processImport(this.deps(), this.targets[imp.kind], imp, viewer, 'RUN');
      // After a large run, the next reads of the grown table (lists, the duplicates scan, the next import) plan with its new size.
      if (imp.rowCount >= IMPORT_BATCH_ROWS * ANALYZE_EVERY_BATCHES) await this.ds.query(`ANALYZE ${this.targets[imp.kind].table}`);
      await this.ds.transaction(async (m) => {
        const done: ImportEntity[] = await m.query(
          `UPDATE imports SET status = 'COMPLETED', finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'RUNNING' RETURNING id`,
          [imp.id],
        );
        if (!done.length) return;
        await this.audit.record(m, viewer, { entityType: 'Import', entityId: imp.id, action: 'RUN', before: null, after: { kind: imp.kind, ...counts }, teamId: imp.teamId });
        await this.hooks.completed?.(m, imp);
      });
      return counts;
    });
  }

  /** Uploads abandoned for a day go; the files of imports finished 30 days ago go (their row reports stay). */
  async cleanUp(): Promise<{ abandoned: number; files: number }> {
    const [, abandoned] = (await this.ds.query(`DELETE FROM imports WHERE status = 'UPLOADING' AND created_at < now() - interval '1 day'`)) as [unknown, number];
    const [, files] = (await this.ds.query(
      `DELETE FROM import_chunks c USING imports i WHERE c.import_id = i.id AND i.status IN ('COMPLETED', 'FAILED') AND i.finished_at < now() - interval '30 days'`,
    )) as [unknown, number];
    return { abandoned, files };
  }

  private deps() {
    return { ds: this.ds, events: this.events, logger: this.logger, timeZone: this.timeZone };
  }

  /**
   * A job's work on an import in `status` (anything else: already done or superseded, nothing to do), as the user who
   * queued it. An unexpected error fails the import with its reason (no retry: `runImport` continues it by hand).
   */
  private async work(data: ImportJobData, status: 'CHECKING' | 'RUNNING', run: (imp: ImportEntity, viewer: Viewer) => Promise<ImportCountsData>): Promise<ImportCountsData | null> {
    const imp = await this.ds.getRepository(ImportEntity).findOneBy({ id: data.importId });
    if (!imp || imp.status !== status) return null;
    try {
      const viewer = await this.actor(data.actorId);
      return await run(imp, viewer);
    } catch (err) {
      if (isSuperseded(err)) return null;
      const reason = err instanceof CsvRefused ? err.message : err instanceof ActorGone ? err.message : 'An unexpected error stopped it; the rows of finished batches stay. Run it again to continue.';
      this.logger.error({ err, importId: imp.id }, 'import failed');
      await this.ds.query(`UPDATE imports SET status = 'FAILED', failure = $2, finished_at = now(), updated_at = now() WHERE id = $1 AND status = $3`, [imp.id, reason.slice(0, 500), status]);
      return null;
    }
  }

  /** The user who queued a job, as a viewer (their role and teams now); they must still be active. */
  private async actor(userId: string): Promise<Viewer> {
    const [row]: Array<{ id: string; name: string; email: string; role: Viewer['role']; team_id: string | null; managed: string[] }> = await this.ds.query(
      `SELECT u.id, u.name, u.email, u.role, u.team_id, array(SELECT t.id FROM teams t WHERE t.manager_id = u.id) AS managed FROM users u WHERE u.id = $1 AND u.active`,
      [userId],
    );
    if (!row || !IMPORTER_ROLES.includes(row.role)) throw new ActorGone('The user who started the import can no longer import.');
    return { id: row.id, sessionId: '', name: row.name, email: row.email, role: row.role, teamId: row.team_id, managedTeamIds: row.managed, accessExpiresAt: new Date(8.64e15) };
  }

  /** Whether the mapping, the team and the dry run can still change (nothing was written yet). */
  private reconfigurable(imp: ImportEntity): boolean {
    return imp.status === 'UPLOADED' || imp.status === 'CHECKED' || (imp.status === 'FAILED' && imp.startedAt === null);
  }

  /** Every required field mapped, and the team one the viewer may put records in. */
  private async ready(viewer: Viewer, imp: ImportEntity): Promise<Validator> {
    const v = new Validator();
    for (const f of IMPORT_FIELDS[imp.kind]) {
      if (f.required && !imp.mapping.includes(f.field)) v.add('columns', 'REQUIRED', `Choose the column with the ${f.label.toLowerCase()}.`);
    }
    await resolveOwningTeam(this.ds, v, viewer, imp.teamId, 'teamId');
    return v;
  }

  private async savedMapping(userId: string, kind: ImportKind): Promise<SavedMapping | null> {
    const [row]: Array<{ columns: SavedMapping }> = await this.ds.query('SELECT columns FROM import_mappings WHERE user_id = $1 AND kind = $2', [userId, kind]);
    return row?.columns ?? null;
  }

  private reload(id: string): Promise<ImportEntity> {
    return this.ds.getRepository(ImportEntity).findOneByOrFail({ id });
  }
}

class ActorGone extends Error {}

