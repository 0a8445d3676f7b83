import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { ImportColumnInput, ImportKind, ImportPhase, ImportRowOutcome } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { paginate, type Connection, type PageArgs } from '../../platform/db/pagination';
import { forbidden } from '../../platform/errors';
import type { JobSender } from '../../platform/jobs/job-queue';
import { userError, Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { resolveOwningTeam } from '../teams/owning-team';
import { checkRequiredFields, chosenMapping, IMPORT_FIELDS, mappingToSave, suggestMapping, type SavedMapping } from './import-fields';
import { storeFile } from './import-file';
import { ImportEntity, ImportRowEntity } from './import.entity';
import { canRunImport, IMPORTER_ROLES, importScope } from './import.policy';

/** The dry run and the run, queued here and done by ImportWorker (import-worker.ts, import.jobs.ts). */
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

const refused = (errors: UserErrorData[]): ImportResult => ({ import: null, errors });
const notFound = () => refused([userError('id', 'NOT_FOUND', 'No such import.')]);

/** A file name as shown: its last path segment, printable, at most 255 characters. */
const cleanName = (name: string) => path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255) || 'import.csv';

/**
 * CSV imports of customers, leads and partners as the API asks for them: the upload (streamed into the database in
 * chunks: import-file.ts), the column mapping (suggested from the headers and the user's last mapping of the kind),
 * queueing the dry run and the run (done in the background by ImportWorker: import-worker.ts), the row reports and the
 * error report.
 */
export class ImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly jobs: JobSender,
  ) {}

  /**
   * Stores an uploaded file as a new import of `kind`, streaming it into the database in 1 MB chunks while it is
   * parsed (storeFile: CSV only, at most MAX_IMPORT_BYTES, a header row and at least one data row). The mapping is
   * suggested; the team is the uploader's. Throws `CsvRefused` (nothing is kept then) or FORBIDDEN.
   */
  async upload(viewer: Viewer, kind: ImportKind, fileName: string, body: AsyncIterable<Buffer>): Promise<ImportEntity> {
    if (!IMPORTER_ROLES.includes(viewer.role)) throw forbidden('Field techs do not import records.');
    const teamId = await resolveOwningTeam(this.ds, new Validator(), viewer, null);
    const [{ id }] = (await this.ds.query(
      `INSERT INTO imports (kind, status, file_name, team_id, created_by) VALUES ($1, 'UPLOADING', $2, $3, $4) RETURNING id`,
      [kind, cleanName(fileName), teamId, viewer.id],
    )) as [{ id: string }];
    try {
      const file = await storeFile(this.ds, id, body);
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
    const mapping = chosenMapping(imp.kind, imp.headers, input.columns, v);
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

  /** Whether the mapping, the team and the dry run can still change (nothing was written yet). */
  private reconfigurable(imp: ImportEntity): boolean {
    return imp.status === 'UPLOADED' || imp.status === 'CHECKED' || (imp.status === 'FAILED' && imp.startedAt === null);
  }

  /** Every required field mapped, and the team one the viewer may put records in. */
  private async ready(viewer: Viewer, imp: ImportEntity): Promise<Validator> {
    const v = new Validator();
    checkRequiredFields(imp.kind, imp.mapping, v);
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

