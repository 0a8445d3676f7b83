import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type {
  AssignLeadInput,
  ConvertLeadInput,
  CreateLeadInput,
  LeadOrder,
  LeadStatus,
  UpdateLeadInput,
  UpdateLeadStatusInput,
} from '../../generated/graphql';
import { resolveOwningTeam } from '../teams/owning-team';
import { checkReferral } from '../partners/referral';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { RecordStore, type RecordResult } from '../../platform/db/record-store';
import { paginate, type Connection, type ListQuery, type PageArgs } from '../../platform/db/pagination';
import { Validator, userError, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { LeadConverter, refusedConversion, type ConvertResult } from './lead-conversion';
import { checkAssignee, checkContact, checkNewContact, leadDetails, newLeadDetails, visibleCustomer } from './lead-input';
import { filterLeads, leadOrder, type LeadListFilter } from './lead-query';
import { LeadWorkflow, type LeadWorkflowDeps } from './lead-workflow';
import { leadMoves, leadTransitionError } from './lead-transitions';
import { LeadEntity } from './lead.entity';
import { canWriteLead, leadScope } from './lead.policy';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { leadWrites } from './lead.events';

/** The `leads` list's filter and order as the service takes them. */
export interface LeadListArgs {
  filter?: LeadListFilter | null;
  orderBy?: LeadOrder | null;
}

export type LeadConnection = Connection<LeadEntity>;
export interface LeadResult {
  lead: LeadEntity | null;
  errors: UserErrorData[];
}
export type { ConvertResult };

/*
 * The inputs as the service takes them: IDs are keys. An ID that must name a record (`id`) is null when it named
 * none; an optional one is NO_MATCH_ID then, so it is reported NOT_FOUND on its field like a missing record.
 */
export interface NewLead extends Omit<CreateLeadInput, 'customerId' | 'assigneeId' | 'teamId'> {
  customerId?: string | null;
  assigneeId?: string | null;
  teamId?: string | null;
}
export interface LeadChanges extends Omit<UpdateLeadInput, 'id' | 'customerId'> {
  id: string | null;
  customerId?: string | null;
}
export interface LeadStatusChange extends Omit<UpdateLeadStatusInput, 'id'> {
  id: string | null;
}
export interface LeadAssignment extends Omit<AssignLeadInput, 'id' | 'assigneeId'> {
  id: string | null;
  assigneeId?: string | null;
}
export interface LeadConversion extends Omit<ConvertLeadInput, 'id'> {
  id: string | null;
}

const refused = (errors: UserErrorData[]): LeadResult => ({ lead: null, errors });
const notFound = (): LeadResult => refused([userError('id', 'NOT_FOUND', 'No such lead.')]);
const forbidden = (field: string, message: string): LeadResult => refused([userError(field, 'FORBIDDEN', message)]);

const asLead = (r: RecordResult<LeadEntity>): LeadResult => ({ lead: r.row, errors: r.errors });

/** Who referred a lead from outside the staff app: a partner (API key) or a customer (rating page). */
export interface Referrer {
  kind: 'partner' | 'customer';
  id: string;
  name: string;
  teamId: string | null;
}

export class LeadService {
  private readonly store: RecordStore<LeadEntity>;
  private readonly converter: LeadConverter;
  private readonly flow: LeadWorkflow;

  constructor(
    private readonly ds: DataSource,
    audit: AuditService,
    workflow: LeadWorkflowDeps,
    events: EventSink,
  ) {
    this.store = new RecordStore(ds, { entity: LeadEntity, typeName: 'Lead', noun: 'lead', alias: 'l', scope: leadScope, onWrite: writeEffects(events, leadWrites) }, audit);
    this.flow = new LeadWorkflow(workflow);
    this.converter = new LeadConverter(ds, audit, this.store.writer, this.flow, events);
  }

  /** One lead, or null when it does not exist or the viewer may not see it. Admins and managers also see deleted ones. */
  get(viewer: Viewer, id: string | null): Promise<LeadEntity | null> {
    return this.store.get(viewer, id);
  }

  async softDelete(viewer: Viewer, id: string | null): Promise<LeadResult> {
    return asLead(await this.store.softDelete(viewer, id, { mayChange: canWriteLead }));
  }

  async restore(viewer: Viewer, id: string | null): Promise<LeadResult> {
    return asLead(await this.store.restore(viewer, id, { mayChange: canWriteLead, also: (m, row) => this.flow.rescored(m, row) }));
  }

  /** Admins only: removes the lead for good. */
  hardDelete(viewer: Viewer, id: string | null): Promise<{ deletedId: string | null; errors: UserErrorData[] }> {
    return this.store.hardDelete(viewer, id);
  }

  /** Leads the viewer may see, filtered, ordered and keyset-paginated. */
  list(viewer: Viewer, args: PageArgs & LeadListArgs): Promise<LeadConnection> {
    const { query, order } = this.listQuery(viewer, args);
    return paginate(query, args, order);
  }

  /** What `list` pages through: the query (row rules and filters) and its order. Exports read it whole. */
  listQuery(viewer: Viewer, args: LeadListArgs): ListQuery<LeadEntity> {
    const query = this.store.visible(viewer, Boolean(args.filter?.deleted));
    filterLeads(query, args.filter);
    return { query, order: leadOrder(args.orderBy) };
  }

  /**
   * A new lead in stage NEW, about a visible customer (in the customer's team by default) or about a contact. In one
   * transaction: without an assignee it goes to a sales member of its team (the team's strategy), it is scored, and
   * the assignee is notified.
   */
  async create(viewer: Viewer, input: NewLead): Promise<LeadResult> {
    const v = new Validator();
    const values: Partial<LeadEntity> = { ...newLeadDetails(v, input), createdById: viewer.id };
    const customer = input.customerId ? await visibleCustomer(this.ds.manager, v, viewer, input.customerId) : null;
    values.customerId = customer?.id ?? null;
    values.teamId = customer?.teamId && !input.teamId ? customer.teamId : await resolveOwningTeam(this.ds, v, viewer, input.teamId);
    if (!input.customerId) checkNewContact(v, values);
    if (input.assigneeId) values.assigneeId = await checkAssignee(this.ds.manager, v, viewer, input.assigneeId);
    if (input.referredBy) Object.assign(values, await checkReferral(this.ds.manager, v, viewer, input.referredBy));
    referralNeedsPartnerSource(v, values.source, values.referredPartnerId);
    if (!v.ok) return refused(v.errors);
    return this.ds.transaction(async (m) => {
      const zip = values.addressZip ?? customer?.addressZip ?? null;
      if (!values.assigneeId) values.assigneeId = await this.flow.autoAssignee(m, values.teamId ?? null, zip);
      const lead = await this.flow.rescored(m, await this.store.writer.create(m, viewer, values));
      await this.flow.notifyNewLead(m, viewer, lead);
      return { lead, errors: [] };
    });
  }

  /**
   * A lead referred from outside the staff app (`values` already checked by the caller): by a partner through its API
   * key (source PARTNER), or by a customer on the review rating page (source REFERRAL, linked to that customer). In the
   * referrer's team, stage NEW, no staff creator. Like `create`, in one transaction: assigned by the team's strategy,
   * scored, its assignee notified — and the board hears of it like any new lead.
   */
  receiveReferral(referrer: Referrer, values: Partial<LeadEntity>): Promise<LeadEntity> {
    return this.ds.transaction(async (m) => {
      const lead: Partial<LeadEntity> = {
        ...values,
        source: referrer.kind === 'partner' ? 'PARTNER' : 'REFERRAL',
        status: 'NEW',
        priority: 'MEDIUM',
        score: 0,
        referredPartnerId: referrer.kind === 'partner' ? referrer.id : null,
        referredCustomerId: referrer.kind === 'customer' ? referrer.id : null,
        teamId: referrer.teamId,
        createdById: null,
      };
      lead.assigneeId = await this.flow.autoAssignee(m, referrer.teamId, lead.addressZip ?? null);
      const created = await this.flow.rescored(m, await this.store.writer.create(m, null, lead));
      await this.flow.notifyReferral(m, referrer.name, created);
      return created;
    });
  }

  /** Changes details; omitted fields stay, null clears. The result must still name a customer or a reachable contact. */
  async update(viewer: Viewer, input: LeadChanges): Promise<LeadResult> {
    const existing = await this.store.find(viewer, input.id, false);
    if (!existing) return notFound();
    if (!canWriteLead(viewer, existing)) return forbidden('id', 'You may not change this lead.');
    const v = new Validator();
    const patch = leadDetails(v, input);
    if (input.customerId) {
      const customer = await visibleCustomer(this.ds.manager, v, viewer, input.customerId);
      if (customer) patch.customerId = customer.id;
    } else if (input.customerId === null) {
      patch.customerId = null;
    }
    if (existing.convertedProjectId && patch.customerId !== undefined && patch.customerId !== existing.customerId) {
      v.add('customerId', 'CONFLICT', "A converted lead stays linked to its project's customer.");
    }
    checkContact(v, { ...existing, ...patch, customerId: input.customerId === undefined ? existing.customerId : input.customerId });
    if (input.referredBy === null) Object.assign(patch, { referredPartnerId: null, referredContactId: null });
    else if (input.referredBy) Object.assign(patch, await checkReferral(this.ds.manager, v, viewer, input.referredBy));
    referralNeedsPartnerSource(v, patch.source ?? existing.source, patch.referredPartnerId !== undefined ? patch.referredPartnerId : existing.referredPartnerId);
    if (!v.ok) return refused(v.errors);
    return this.ds.transaction(async (m) => ({ lead: await this.flow.rescored(m, await this.store.writer.update(m, viewer, existing, patch)), errors: [] }));
  }

  /**
   * The stages the viewer may move `lead` to now (see `lead-transitions.ts`): none when they may not change it or it
   * is in the trash. The board's and the lead page's moves come from here, so they offer what `updateStatus` accepts.
   */
  allowedStatuses(viewer: Viewer, lead: LeadEntity): LeadStatus[] {
    return lead.deletedAt || !canWriteLead(viewer, lead) ? [] : leadMoves(lead);
  }

  /** Moves the lead through the pipeline (see `lead-transitions.ts`); LOST needs a reason, any other stage clears it. */
  updateStatus(viewer: Viewer, input: LeadStatusChange): Promise<LeadResult> {
    return this.withLockedLead(viewer, input.id, async (m, lead) => {
      if (!canWriteLead(viewer, lead)) return forbidden('id', 'You may not change this lead.');
      const v = new Validator();
      const problem = leadTransitionError(lead, input.status);
      if (problem) v.add('status', 'INVALID_TRANSITION', problem);
      const lostReason = input.status === 'LOST' ? v.text('lostReason', input.lostReason, { max: 500, required: true }) : null;
      if (!v.ok) return refused(v.errors);
      return { lead: await this.flow.rescored(m, await this.store.writer.update(m, viewer, lead, { status: input.status, lostReason })), errors: [] };
    });
  }

  /** Admins assign to anyone, managers within their teams; sales may only claim an unassigned lead of their team. */
  assign(viewer: Viewer, input: LeadAssignment): Promise<LeadResult> {
    return this.withLockedLead(viewer, input.id, async (m, lead) => {
      if (viewer.role === 'SALES') {
        if (lead.assigneeId !== null || !canWriteLead(viewer, lead)) return forbidden('id', 'Sales may only claim unassigned leads of their team.');
        if (input.assigneeId !== viewer.id) return forbidden('assigneeId', 'Sales may only claim a lead for themselves.');
      } else if (!canWriteLead(viewer, lead)) {
        return forbidden('id', 'You may not assign this lead.');
      }
      const v = new Validator();
      const assigneeId = input.assigneeId ? await checkAssignee(m, v, viewer, input.assigneeId) : null;
      if (!v.ok) return refused(v.errors);
      const updated = await this.store.writer.update(m, viewer, lead, { assigneeId });
      await this.flow.notifyReassigned(m, viewer, lead, updated);
      return { lead: updated, errors: [] };
    });
  }

  /** Turns a WON lead into a project (see `lead-conversion.ts`). */
  async convert(viewer: Viewer, input: LeadConversion): Promise<ConvertResult> {
    const lead = await this.store.find(viewer, input.id, false);
    if (!lead) return refusedConversion(notFound().errors);
    if (!canWriteLead(viewer, lead)) return refusedConversion(forbidden('id', 'You may not convert this lead.').errors);
    return this.converter.convert(viewer, lead, input);
  }

  private scoped(m: EntityManager, viewer: Viewer, id: string): SelectQueryBuilder<LeadEntity> {
    return applyScope(m.getRepository(LeadEntity).createQueryBuilder('l'), leadScope(viewer, 'l')).andWhere('l.id = :id', { id });
  }

  /** Runs `change` in a transaction on the visible, active lead, locked so that checks and write see the same row. */
  private withLockedLead(viewer: Viewer, id: string | null, change: (m: EntityManager, lead: LeadEntity) => Promise<LeadResult>): Promise<LeadResult> {
    if (!id) return Promise.resolve(notFound());
    return this.ds.transaction(async (m) => {
      const lead = await this.scoped(m, viewer, id).setLock('pessimistic_write').getOne();
      return lead ? change(m, lead) : notFound();
    });
  }
}

/** A lead a partner referred has the source PARTNER. */
function referralNeedsPartnerSource(v: Validator, source: LeadEntity['source'] | undefined, referredPartnerId: string | null | undefined): void {
  if (referredPartnerId && source !== 'PARTNER') v.add('source', 'INVALID', 'A lead referred by a partner has the source PARTNER.');
}
