import type { DataSource, EntityManager } from 'typeorm';
import type { ImportKind } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import type { Logger } from '../../platform/logger';
import type { AuditService } from '../audit/audit.service';
import type { EventSink } from '../realtime/event-definition';
import type { LeadScoringService } from '../scoring/scoring.service';
import { CsvRefused } from './csv';
import { customerImport } from './customer-import';
import { ANALYZE_EVERY_BATCHES, IMPORT_BATCH_ROWS, isSuperseded, processImport } from './import-runner';
import type { ImportTarget } from './import-target';
import { ImportEntity, type ImportCountsData } from './import.entity';
import { IMPORTER_ROLES } from './import.policy';
import type { ImportJobData } from './import.service';
import { leadImport } from './lead-import';
import { partnerImport } from './partner-import';

/** Runs in an import's completing transaction (wired in services.ts: imports know no duplicates). */
export interface ImportHooks {
  completed?(m: EntityManager, imp: ImportEntity): Promise<void>;
}

/**
 * The background side of imports (import.jobs.ts): the dry run and the run queued by ImportService, each going
 * through the file in batches (import-runner.ts) as the user who queued it, and the nightly clean-up.
 */
export class ImportWorker {
  private readonly targets: Record<ImportKind, ImportTarget>;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventSink,
    scoring: LeadScoringService,
    private readonly logger: Logger,
    /** The company's time zone (COMPANY_TIME_ZONE): dates without a time are read on its clock. */
    private readonly timeZone: string,
    private readonly hooks: ImportHooks = {},
  ) {
    this.targets = { CUSTOMER: customerImport(audit), LEAD: leadImport(audit, scoring), PARTNER: partnerImport(audit) } as Record<ImportKind, ImportTarget>;
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
}

class ActorGone extends Error {}
