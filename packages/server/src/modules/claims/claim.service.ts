import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ClaimStatus, CreateClaimInput, InsuranceClaimFilter, InsuranceClaimOrder, UpdateClaimInput } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchOne } from '../../platform/db/hydrate';
import type { Connection, PageArgs } from '../../platform/db/pagination';
import { RecordStore, type RecordResult } from '../../platform/db/record-store';
import { likePattern } from '../../platform/db/search';
import { dateIn } from '../../platform/time-zone';
import { userError, Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { LeadEntity } from '../leads/lead.entity';
import { canWriteLead, leadScope } from '../leads/lead.policy';
import { ProjectEntity } from '../projects/project.entity';
import { canWriteProject, projectScope } from '../projects/project.policy';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { addDays, adjusterColumns, DEPRECIATION_DAYS, moneyColumns, ownerColumn, type AdjusterValues } from './claim-input';
import { claimNumberTaken, withUniqueNumber } from './claim-number';
import { ClaimStatusChangeEntity } from './claim-status-change.entity';
import { claimTransitionError, CLAIM_STAGE_NAMES, CLAIM_TRANSITIONS, needsReason } from './claim-transitions';
import { ClaimEntity } from './claim.entity';
import { claimUpdated, claimWrites } from './claim.events';
import { canWriteClaim, claimScope } from './claim.policy';

export type ClaimConnection = Connection<ClaimEntity>;

/** Keys instead of global IDs (NO_MATCH_ID when an ID named nothing of its type). */
export interface ClaimListFilter extends Omit<InsuranceClaimFilter, 'leadId' | 'projectId' | 'adjusterPartnerId' | 'ownerId'> {
  leadId?: string | null;
  projectId?: string | null;
  adjusterPartnerId?: string | null;
  ownerId?: string | null;
}
export interface NewClaim extends Omit<CreateClaimInput, 'leadId' | 'projectId' | 'ownerId' | 'adjuster'> {
  leadId?: string | null;
  projectId?: string | null;
  ownerId?: string | null;
  adjuster?: AdjusterValues | null;
}
export interface ClaimChanges extends Omit<UpdateClaimInput, 'id' | 'ownerId' | 'adjuster'> {
  id: string | null;
  ownerId?: string | null;
  adjuster?: AdjusterValues | null;
}

export interface ClaimResult {
  claim: ClaimEntity | null;
  errors: UserErrorData[];
}

/** Who writes a claim: a staff member, or (null) an adjuster's API key. Status history names staff only. */
export type ClaimActor = Viewer | null;

type Direction = 'ASC' | 'DESC';
type OrderColumn = (d: Direction) => { sql: string; value: (c: ClaimEntity) => string | Date };

/** Stands in for a missing deadline: after every real one in either direction (claims without one come last). */
const DATE_LAST = { ASC: 'infinity', DESC: '-infinity' } as const;

/** Each order's leading key (the id breaks ties); indexed for keyset pages (migrations InsuranceClaims, ClaimNumbers). */
const ORDER_COLUMNS: Record<InsuranceClaimOrder['field'], OrderColumn> = {
  CREATED_AT: () => ({ sql: 'c.created_at', value: (c) => c.createdAt }),
  UPDATED_AT: () => ({ sql: 'c.updated_at', value: (c) => c.updatedAt }),
  DATE_OF_LOSS: () => ({ sql: 'c.date_of_loss', value: (c) => c.dateOfLoss }),
  DEPRECIATION_DEADLINE: (d) => ({
    sql: `COALESCE(c.depreciation_deadline, '${DATE_LAST[d]}'::date)`,
    value: (c) => c.depreciationDeadline ?? DATE_LAST[d],
  }),
};

const asClaim = (r: RecordResult<ClaimEntity>): ClaimResult => ({ claim: r.row, errors: r.errors });
const refused = (errors: UserErrorData[]): ClaimResult => ({ claim: null, errors });

/**
 * Insurance claims: lists under the row rules, writes checked, validated and audited, stages moved only along
 * `CLAIM_TRANSITIONS` with their history. GraphQL-free.
 */
export class ClaimService {
  readonly store: RecordStore<ClaimEntity>;

  constructor(
    private readonly ds: DataSource,
    audit: AuditService,
    private readonly events: EventSink,
    /** The company's time zone: "today" for dates of loss and deadlines. */
    private readonly timeZone: string,
  ) {
    const kind = { entity: ClaimEntity, typeName: 'InsuranceClaim', noun: 'claim', alias: 'c', scope: claimScope };
    this.store = new RecordStore(ds, { ...kind, onWrite: writeEffects(events, claimWrites) }, audit);
  }

  /** One claim, or null when it does not exist or the viewer may not see it. Admins and managers also see deleted ones. */
  get(viewer: Viewer, id: string | null): Promise<ClaimEntity | null> {
    return this.store.get(viewer, id);
  }

  /** Claims the viewer may see, filtered, newest first unless told, keyset-paginated. */
  list(viewer: Viewer, args: PageArgs & { filter?: ClaimListFilter | null; orderBy?: InsuranceClaimOrder | null }): Promise<ClaimConnection> {
    const direction = args.orderBy?.direction ?? 'DESC';
    const order = ORDER_COLUMNS[args.orderBy?.field ?? 'CREATED_AT'](direction);
    return this.store.page(viewer, args, order, direction, (qb) => filter(qb, args.filter));
  }

  /** The stages the viewer may move the claim to now (none when they may not change it, or it is deleted). */
  allowedStatuses(viewer: Viewer, claim: ClaimEntity): ClaimStatus[] {
    if (!canWriteClaim(viewer) || claim.deletedAt) return [];
    return [...CLAIM_TRANSITIONS[claim.status]];
  }

  /** The allowed moves, each with whether `updateStatus` asks a reason for it. */
  allowedMoves(viewer: Viewer, claim: ClaimEntity): { status: ClaimStatus; reasonRequired: boolean }[] {
    return this.allowedStatuses(viewer, claim).map((status) => ({ status, reasonRequired: needsReason(claim.status, status) }));
  }

  async create(viewer: Viewer, input: NewClaim): Promise<ClaimResult> {
    const v = new Validator();
    const parent = await this.parent(v, viewer, input);
    const teamId = parent?.teamId ?? null;
    const dateOfLoss = this.pastDate(v, 'dateOfLoss', input.dateOfLoss);
    const values: Partial<ClaimEntity> = {
      leadId: parent?.leadId ?? null,
      projectId: parent?.projectId ?? null,
      teamId,
      ownerId: await ownerColumn(this.ds, v, input.ownerId === undefined ? viewer.id : input.ownerId, teamId),
      carrier: v.text('carrier', input.carrier, { max: 200, min: 2, required: true }) ?? '',
      claimNumber: v.text('claimNumber', input.claimNumber, { max: 100 }),
      policyNumber: v.text('policyNumber', input.policyNumber, { max: 100 }),
      dateOfLoss,
      causeOfLoss: input.causeOfLoss,
      status: input.inspectionAt ? 'INSPECTION_SCHEDULED' : 'FILED',
      inspectionAt: input.inspectionAt ?? null,
      ...(await adjusterColumns(this.ds, v, viewer, input.adjuster ?? null)),
      recoverableDepreciation: '0',
      nonRecoverableDepreciation: '0',
      deductible: '0',
      rcv: null,
      overheadAndProfit: null,
      approvedTotal: null,
      depreciationDeadline: input.depreciationDeadline ?? addDays(dateOfLoss, DEPRECIATION_DAYS),
      notes: v.text('notes', input.notes, { max: 5000 }),
      createdById: viewer.id,
    };
    Object.assign(values, moneyColumns(v, input.money, values as ClaimEntity));
    if (!v.ok) return refused(v.errors);
    const key = { carrier: values.carrier!, claimNumber: values.claimNumber ?? null };
    const taken = await claimNumberTaken(this.ds, viewer, key, null);
    if (taken) return refused([taken]);
    const write = () =>
      this.ds.transaction(async (m): Promise<ClaimResult> => {
        const claim = await this.store.writer.create(m, viewer, values);
        await this.history(m, viewer, claim.id, null, claim.status, null);
        return { claim, errors: [] };
      });
    return withUniqueNumber(this.ds, viewer, key, null, write, refused);
  }

  async update(viewer: Viewer, input: ClaimChanges): Promise<ClaimResult> {
    const found = await this.writable(viewer, input.id);
    if (!found.claim) return found;
    const claim = found.claim;
    const v = new Validator();
    const patch: Partial<ClaimEntity> = {};
    if (input.carrier != null) patch.carrier = v.text('carrier', input.carrier, { max: 200, min: 2, required: true }) ?? claim.carrier;
    if (input.claimNumber !== undefined) patch.claimNumber = v.text('claimNumber', input.claimNumber, { max: 100 });
    if (input.policyNumber !== undefined) patch.policyNumber = v.text('policyNumber', input.policyNumber, { max: 100 });
    if (input.dateOfLoss != null) patch.dateOfLoss = this.pastDate(v, 'dateOfLoss', input.dateOfLoss);
    if (input.causeOfLoss != null) patch.causeOfLoss = input.causeOfLoss;
    if (input.inspectionAt !== undefined) patch.inspectionAt = input.inspectionAt;
    if (input.adjuster !== undefined) Object.assign(patch, await adjusterColumns(this.ds, v, viewer, input.adjuster));
    if (input.depreciationDeadline !== undefined) patch.depreciationDeadline = input.depreciationDeadline;
    if (input.ownerId !== undefined) patch.ownerId = await ownerColumn(this.ds, v, input.ownerId, claim.teamId);
    if (input.notes !== undefined) patch.notes = v.text('notes', input.notes, { max: 5000 });
    Object.assign(patch, moneyColumns(v, input.money, claim));
    if (!v.ok) return refused(v.errors);
    const key = { carrier: patch.carrier ?? claim.carrier, claimNumber: patch.claimNumber === undefined ? claim.claimNumber : patch.claimNumber };
    const renumbered = 'carrier' in patch || 'claimNumber' in patch;
    const taken = renumbered ? await claimNumberTaken(this.ds, viewer, key, claim.id) : null;
    if (taken) return refused([taken]);
    const write = () => this.ds.transaction(async (m): Promise<ClaimResult> => ({ claim: await this.write(m, viewer, claim, patch), errors: [] }));
    return withUniqueNumber(this.ds, viewer, key, claim.id, write, refused);
  }

  /** Moves the claim along its road; a move not allowed, or without a reason it needs, is an INVALID_TRANSITION/REQUIRED UserError. */
  async updateStatus(viewer: Viewer, id: string | null, to: ClaimStatus, reasonText: string | null | undefined): Promise<ClaimResult> {
    const found = await this.writable(viewer, id);
    if (!found.claim) return found;
    const claim = found.claim;
    const v = new Validator();
    const reason = v.text('reason', reasonText, { max: 500 });
    const why = claimTransitionError(claim.status, to);
    if (why) return refused([userError('status', 'INVALID_TRANSITION', why)]);
    if (!reason && needsReason(claim.status, to)) {
      v.add('reason', 'REQUIRED', `Moving a claim from ${CLAIM_STAGE_NAMES[claim.status]} to ${CLAIM_STAGE_NAMES[to]} needs a reason.`);
    }
    if (!v.ok) return refused(v.errors);
    return this.ds.transaction(async (m) => ({ claim: await this.write(m, viewer, claim, { status: to }, reason), errors: [] }));
  }

  softDelete(viewer: Viewer, id: string | null): Promise<ClaimResult> {
    return this.store.softDelete(viewer, id).then(asClaim);
  }

  /** Brings a claim back from the trash, unless another claim has taken its carrier's claim number meanwhile (TAKEN). */
  async restore(viewer: Viewer, id: string | null): Promise<ClaimResult> {
    const trashed = await this.store.find(viewer, id, true);
    const taken = trashed?.deletedAt ? await claimNumberTaken(this.ds, viewer, trashed, trashed.id) : null;
    if (taken) return refused([taken]);
    const restore = () => this.store.restore(viewer, id).then(asClaim);
    return trashed ? withUniqueNumber(this.ds, viewer, trashed, trashed.id, restore, refused) : restore();
  }

  hardDelete(viewer: Viewer, id: string | null): Promise<{ deletedId: string | null; errors: UserErrorData[] }> {
    return this.store.hardDelete(viewer, id);
  }

  /**
   * Writes a change of `claim` in the caller's transaction, audited and announced: a status in `patch` is recorded in
   * the history (with `reason`); booking an inspection on a FILED claim moves it to INSPECTION_SCHEDULED.
   */
  async write(m: EntityManager, actor: ClaimActor, claim: ClaimEntity, patch: Partial<ClaimEntity>, reason: string | null = null): Promise<ClaimEntity> {
    if (patch.inspectionAt && claim.status === 'FILED' && !patch.status) patch.status = 'INSPECTION_SCHEDULED';
    const after = await this.store.writer.update(m, actor, claim, patch);
    if (after.status !== claim.status) await this.history(m, actor, claim.id, claim.status, after.status, reason);
    return after;
  }

  /**
   * A change of one of the claim's parts (a supplement, a payment): the claim's `updatedAt` moves, live clients and the
   * dashboard hear of it, in the caller's transaction. Returns the claim as it is now.
   */
  async touched(m: EntityManager, claim: ClaimEntity): Promise<ClaimEntity> {
    await m.query('UPDATE insurance_claims SET updated_at = now() WHERE id = $1', [claim.id]);
    await this.events.emit(m, claimUpdated, { action: 'UPDATE', before: claim, after: claim });
    for (const view of claimWrites.staleViews ?? []) await this.events.stale(m, view, claim.teamId);
    return m.getRepository(ClaimEntity).findOneByOrFail({ id: claim.id });
  }

  /** The claim behind an id, if the viewer may change it (NOT_FOUND or FORBIDDEN otherwise). */
  async writable(viewer: Viewer, id: string | null): Promise<ClaimResult> {
    const claim = await this.store.find(viewer, id, false);
    if (!claim) return asClaim(this.store.notFound());
    if (!canWriteClaim(viewer)) return asClaim(this.store.forbidden('You may not change this claim.'));
    return { claim, errors: [] };
  }

  private history(m: EntityManager, actor: ClaimActor, claimId: string, from: ClaimStatus | null, to: ClaimStatus, reason: string | null) {
    return m.getRepository(ClaimStatusChangeEntity).insert({ claimId, fromStatus: from, toStatus: to, reason, changedById: actor?.id ?? null });
  }

  /** The lead and project a new claim is on, and its team: one of them, visible to and changeable by the viewer. */
  private async parent(v: Validator, viewer: Viewer, input: NewClaim): Promise<{ leadId: string | null; projectId: string | null; teamId: string | null } | null> {
    if (input.leadId && input.projectId) {
      v.add('projectId', 'INVALID', 'Give the lead or the project the claim is on, not both.');
      return null;
    }
    if (input.projectId) {
      const project = await fetchOne(applyScope(this.ds.getRepository(ProjectEntity).createQueryBuilder('p'), projectScope(viewer, 'p')).andWhere('p.id = :id', { id: input.projectId }));
      if (!project) v.add('projectId', 'NOT_FOUND', 'No such project.');
      else if (!canWriteProject(viewer, project)) v.add('projectId', 'FORBIDDEN', 'You may not change this project.');
      return project && { leadId: project.leadId, projectId: project.id, teamId: project.teamId };
    }
    if (!input.leadId) {
      v.add('leadId', 'REQUIRED', 'A claim is on a lead or a project: give one.');
      return null;
    }
    const lead = await fetchOne(applyScope(this.ds.getRepository(LeadEntity).createQueryBuilder('l'), leadScope(viewer, 'l')).andWhere('l.id = :id', { id: input.leadId }));
    if (!lead) v.add('leadId', 'NOT_FOUND', 'No such lead.');
    else if (!canWriteLead(viewer, lead)) v.add('leadId', 'FORBIDDEN', 'You may not change this lead.');
    if (!lead) return null;
    const project = lead.convertedProjectId ? await this.ds.getRepository(ProjectEntity).findOneBy({ id: lead.convertedProjectId }) : null;
    return { leadId: lead.id, projectId: project?.id ?? null, teamId: project ? project.teamId : lead.teamId };
  }

  /** A date not after today (company time). */
  private pastDate(v: Validator, field: string, date: string): string {
    if (date > dateIn(new Date(), this.timeZone)) v.add(field, 'OUT_OF_RANGE', 'The date of loss cannot be in the future.');
    return date;
  }
}

function filter(qb: SelectQueryBuilder<ClaimEntity>, f: ClaimListFilter | null | undefined): void {
  if (!f) return;
  const like = likePattern(f.search);
  if (like) qb.andWhere('(lower(c.carrier) LIKE :like OR lower(c.claim_number) LIKE :like OR lower(c.policy_number) LIKE :like)', { like });
  const carrier = likePattern(f.carrier);
  if (carrier) qb.andWhere('lower(c.carrier) LIKE :carrier', { carrier });
  if (f.statuses?.length) qb.andWhere('c.status = ANY(:statuses)', { statuses: f.statuses });
  if (f.leadId) qb.andWhere('c.lead_id = :leadId', { leadId: f.leadId });
  if (f.projectId) qb.andWhere('c.project_id = :projectId', { projectId: f.projectId });
  if (f.adjusterPartnerId) qb.andWhere('c.adjuster_partner_id = :adjusterPartnerId', { adjusterPartnerId: f.adjusterPartnerId });
  if (f.ownerId) qb.andWhere('c.owner_id = :ownerId', { ownerId: f.ownerId });
  const range = f.depreciationDeadline;
  if (range?.from) qb.andWhere('c.depreciation_deadline >= (:deadlineFrom)::date', { deadlineFrom: new Date(range.from).toISOString().slice(0, 10) });
  if (range?.to) qb.andWhere('c.depreciation_deadline <= (:deadlineTo)::date', { deadlineTo: new Date(range.to).toISOString().slice(0, 10) });
}
