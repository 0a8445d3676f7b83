import type { DataSource, EntityManager } from 'typeorm';
import type { LeadScoringWeightsInput } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { forbidden } from '../../platform/errors';
import type { JobSender } from '../../platform/jobs/job-queue';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { scoreLead, type ScoreFactorData } from './lead-score';
import { loadScoringInputs, storeScores } from './scoring-store';
import { leadUpdated } from '../leads/lead.events';
import { readSetting, writeSetting } from '../settings/setting-store';
import type { EventSink } from '../realtime/event-definition';
import {
  SCORING_WEIGHTS_KEY,
  WEIGHT_NAMES,
  weightsFrom,
  type LeadScoringWeightsModel,
  type ScoringWeights,
} from './scoring-weights';
import { openLead } from '../leads/open-lead';

/** The job that rescores every open lead (see scoring.jobs.ts). */
export const RESCORE_JOB = 'rescore-leads';

export interface ScoredLead {
  score: number;
  scoreFactors: ScoreFactorData[];
  scoredAt: Date;
}

export interface WeightsResult {
  weights: LeadScoringWeightsModel | null;
  rescoreJobId: string | null;
  errors: UserErrorData[];
}

/** Scores leads 0–100 with reasons (see lead-score.ts); the weights are a setting admins change. */
export class LeadScoringService {
  /** Stateless; created here so the scoring service needs no more than the database and the job queue. */

  constructor(
    private readonly ds: DataSource,
    private readonly jobs: JobSender,
    private readonly audit: AuditService,
    private readonly events: EventSink,
  ) {}

  /**
   * Computes and stores the lead's score inside the caller's transaction. The lead row is locked first, so that
   * concurrent rescores of one lead run one after the other and the later one sees what the earlier committed.
   * Null when the lead does not exist. `announce`: emit `lead.updated` when the score changed (for rescores that no
   * write of the lead itself announces).
   */
  async rescore(m: EntityManager, leadId: string, announce = false): Promise<ScoredLead | null> {
    await m.query('SELECT 1 FROM leads WHERE id = $1 FOR NO KEY UPDATE', [leadId]);
    const [input] = await loadScoringInputs(m, [leadId]);
    if (!input) return null;
    const { weights } = await this.read(m);
    const result = scoreLead(input.facts, input.stats, weights);
    const { scoredAt, changed } = await storeScores(m, [{ id: leadId, ...result }]);
    // A write of the lead itself announces it; a rescore caused by something else (an interaction) does here.
    if (announce) for (const lead of changed) await this.events.emit(m, leadUpdated, { action: 'UPDATE', before: lead, after: lead });
    return { score: result.score, scoreFactors: result.factors, scoredAt };
  }

  /**
   * Scores many leads at once inside the caller's transaction (one read of their facts, one write of their scores),
   * without announcing them: for bulk writes such as imports, which announce themselves. Returns how many were scored.
   */
  async scoreMany(m: EntityManager, leadIds: string[]): Promise<number> {
    if (!leadIds.length) return 0;
    const { weights } = await this.read(m);
    const now = new Date();
    const inputs = await loadScoringInputs(m, leadIds);
    await storeScores(m, inputs.map((i) => ({ id: i.id, ...scoreLead(i.facts, i.stats, weights, now) })));
    return inputs.length;
  }

  /**
   * Rescores every open lead (not WON/LOST, not deleted) in batches of `batchSize`, one transaction each with the
   * weights current at that moment. Rows locked by a write are skipped: that write rescores them itself. Idempotent.
   * Returns how many leads were rescored.
   */
  async rescoreOpenLeads(batchSize = 500): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    for (;;) {
      const count = await this.ds.transaction(async (m) => {
        const rows: Array<{ id: string }> = await m.query(
          `SELECT id FROM leads WHERE ${openLead()} AND id > $1
           ORDER BY id LIMIT $2 FOR NO KEY UPDATE SKIP LOCKED`,
          [after, batchSize],
        );
        if (!rows.length) return 0;
        after = rows[rows.length - 1]!.id;
        const { weights } = await this.read(m);
        const now = new Date();
        const inputs = await loadScoringInputs(m, rows.map((r) => r.id));
        const { changed } = await storeScores(m, inputs.map((i) => ({ id: i.id, ...scoreLead(i.facts, i.stats, weights, now) })));
        for (const lead of changed) await this.events.emit(m, leadUpdated, { action: 'UPDATE', before: lead, after: lead });
        return rows.length;
      });
      total += count;
      if (count < batchSize) return total;
    }
  }

  /** The weights in force (the defaults until an admin changes them). Admins and managers. */
  async getWeights(viewer: Viewer): Promise<LeadScoringWeightsModel> {
    if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER') throw forbidden();
    const { weights, updatedAt, updatedById } = await this.read(this.ds.manager);
    return { ...weights, updatedAt, updatedById };
  }

  /** Admins only: saves new weights (each 0–100, audited) and queues the rescore of every open lead. */
  async updateWeights(viewer: Viewer, input: LeadScoringWeightsInput): Promise<WeightsResult> {
    if (viewer.role !== 'ADMIN') throw forbidden();
    const v = new Validator();
    for (const name of WEIGHT_NAMES) v.intRange(name, input[name], 0, 100);
    if (!v.ok) return { weights: null, rescoreJobId: null, errors: v.errors };
    const next = Object.fromEntries(WEIGHT_NAMES.map((name) => [name, input[name]])) as unknown as ScoringWeights;
    const weights = await this.ds.transaction(async (m) => {
      const saved = await writeSetting(m, this.audit, viewer, SCORING_WEIGHTS_KEY, weightsFrom, () => next);
      return { ...saved.value, updatedAt: saved.updatedAt, updatedById: viewer.id };
    });
    return { weights, rescoreJobId: await this.jobs.send(RESCORE_JOB, {}), errors: [] };
  }

  private async read(m: EntityManager): Promise<{ weights: ScoringWeights; updatedAt: Date | null; updatedById: string | null }> {
    const stored = await readSetting(m, SCORING_WEIGHTS_KEY);
    return { weights: weightsFrom(stored.value), updatedAt: stored.updatedAt, updatedById: stored.updatedById };
  }
}
