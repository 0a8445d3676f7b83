import type { DataSource, EntityManager } from 'typeorm';
import type { MergeCustomerFieldsInput, MergeSide } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { addressOf, type AddressModel } from '../../platform/db/address';
import { EntityWriter, type DomainRecord } from '../../platform/db/entity-writer';
import { fetchOne } from '../../platform/db/hydrate';
import { userError, type UserErrorData } from '../../platform/validation';
import { AppointmentEntity } from '../appointments/appointment.entity';
import { appointmentWrites } from '../appointments/appointment.events';
import type { AuditService } from '../audit/audit.service';
import { CustomerEntity } from '../customers/customer.entity';
import { customerWrites } from '../customers/customer.events';
import { customerScope } from '../customers/customer.policy';
import { InteractionEntity } from '../interactions/interaction.entity';
import { interactionWrites } from '../interactions/interaction.events';
import { LeadEntity } from '../leads/lead.entity';
import { leadWrites } from '../leads/lead.events';
import { ProjectEntity } from '../projects/project.entity';
import { projectWrites } from '../projects/project.events';
import { writeEffects, type EventSink, type WriteEffects } from '../realtime/event-definition';
import { ReviewEntity } from '../reviews/review.entity';
import { reviewWrites } from '../reviews/review.events';
import type { LeadScoringService } from '../scoring/scoring.service';
import { mayMerge, type DuplicateService } from './duplicate.service';

/** `mergeCustomers`' input as the service takes it: keys (null for an ID that named no customer). */
export interface CustomerMergeRequest {
  survivorId: string | null;
  mergedId: string | null;
  fields?: MergeCustomerFieldsInput | null;
  dryRun?: boolean | null;
}

export interface MergedValuesModel {
  name: string;
  email: string | null;
  phone: string | null;
  address: AddressModel;
  customerType: CustomerEntity['customerType'];
  segment: string | null;
  emailOptIn: boolean;
  smsOptIn: boolean;
}

export interface MergeMovesModel {
  leads: number;
  projects: number;
  appointments: number;
  interactions: number;
  reviews: number;
  reviewRequests: number;
  messages: number;
  referredLeads: number;
  partnerReferrals: number;
}

export interface MergeResult {
  dryRun: boolean;
  survivor: CustomerEntity | null;
  merged: CustomerEntity | null;
  values: MergedValuesModel | null;
  moves: MergeMovesModel | null;
  errors: UserErrorData[];
}

const refused = (errors: UserErrorData[], dryRun: boolean): MergeResult => ({ dryRun, survivor: null, merged: null, values: null, moves: null, errors });

type Field = keyof MergeCustomerFieldsInput;
const COLUMNS: Record<Field, Array<keyof CustomerEntity>> = {
  name: ['name'],
  email: ['email'],
  phone: ['phone'],
  address: ['addressStreet', 'addressCity', 'addressState', 'addressZip'],
  customerType: ['customerType'],
  segment: ['segment'],
  emailOptIn: ['emailOptIn'],
  smsOptIn: ['smsOptIn'],
};

const blank = (c: CustomerEntity, field: Field) => COLUMNS[field].every((k) => c[k] === null || c[k] === '');

/** The survivor's columns: each field from the side chosen, else the survivor's unless it has none. */
function mergedColumns(survivor: CustomerEntity, merged: CustomerEntity, fields: MergeCustomerFieldsInput | null | undefined): Partial<CustomerEntity> {
  const patch: Partial<CustomerEntity> = {};
  for (const field of Object.keys(COLUMNS) as Field[]) {
    const side: MergeSide = fields?.[field] ?? (blank(survivor, field) && !blank(merged, field) ? 'MERGED' : 'SURVIVOR');
    const from = side === 'MERGED' ? merged : survivor;
    for (const k of COLUMNS[field]) Object.assign(patch, { [k]: from[k] });
  }
  return patch;
}

const valuesOf = (c: CustomerEntity): MergedValuesModel => ({
  name: c.name,
  email: c.email,
  phone: c.phone,
  address: addressOf(c),
  customerType: c.customerType,
  segment: c.segment,
  emailOptIn: c.emailOptIn,
  smsOptIn: c.smsOptIn,
});

/** A kind of record that follows its customer: its table, how the API names it, and its module's declared effects. */
interface Follower<T extends DomainRecord> {
  entity: new () => T;
  typeName: string;
  effects: WriteEffects<T>;
}

const FOLLOWERS = {
  leads: { entity: LeadEntity, typeName: 'Lead', effects: leadWrites },
  projects: { entity: ProjectEntity, typeName: 'Project', effects: projectWrites },
  appointments: { entity: AppointmentEntity, typeName: 'Appointment', effects: appointmentWrites },
  interactions: { entity: InteractionEntity, typeName: 'Interaction', effects: interactionWrites },
  reviews: { entity: ReviewEntity, typeName: 'Review', effects: reviewWrites },
} satisfies Record<string, Follower<DomainRecord>>;

/**
 * Merges one customer into another (`mergeCustomers`). The records that follow a customer move through their own
 * module's writer (each audited as an UPDATE and announced with its module's live event); review requests and
 * messages (not audited records) move with one statement each; the customers get a MERGE audit entry each; the
 * survivor's timeline gets a note saying who was merged. All in one transaction.
 */
export class CustomerMerger {
  private readonly writers: { [K in keyof typeof FOLLOWERS]: EntityWriter<InstanceType<(typeof FOLLOWERS)[K]['entity']>> };
  private readonly customerEffects: ReturnType<typeof writeEffects<CustomerEntity>>;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    events: EventSink,
    private readonly scoring: LeadScoringService,
    private readonly duplicates: DuplicateService,
  ) {
    const writer = <T extends DomainRecord>(f: Follower<T>) => new EntityWriter<T>(f.entity, f.typeName, audit, writeEffects(events, f.effects));
    this.writers = {
      leads: writer(FOLLOWERS.leads),
      projects: writer(FOLLOWERS.projects),
      appointments: writer(FOLLOWERS.appointments),
      interactions: writer(FOLLOWERS.interactions),
      reviews: writer(FOLLOWERS.reviews),
    };
    this.customerEffects = writeEffects(events, customerWrites);
  }

  async merge(viewer: Viewer, input: CustomerMergeRequest): Promise<MergeResult> {
    const dryRun = Boolean(input.dryRun);
    const [survivor, merged] = await Promise.all([this.visible(this.ds.manager, viewer, input.survivorId), this.visible(this.ds.manager, viewer, input.mergedId)]);
    const errors: UserErrorData[] = [];
    if (!survivor) errors.push(userError('survivorId', 'NOT_FOUND', 'No such customer.'));
    if (!merged) errors.push(userError('mergedId', 'NOT_FOUND', 'No such customer.'));
    if (survivor && merged && survivor.id === merged.id) errors.push(userError('mergedId', 'INVALID', 'Choose two different customers.'));
    if (errors.length || !survivor || !merged) return refused(errors, dryRun);
    if (!mayMerge(viewer, survivor, merged)) return refused([userError(null, 'FORBIDDEN', "Admins, and managers of both customers' teams, merge customers.")], dryRun);
    const patch = mergedColumns(survivor, merged, input.fields);
    const preview = Object.assign(new CustomerEntity(), survivor, patch);
    if (dryRun) return { dryRun, survivor, merged, values: valuesOf(preview), moves: await this.count(this.ds.manager, merged.id), errors: [] };

    return this.ds.transaction(async (m) => {
      // Both rows locked (in id order, as any other merge of them would) and read again under the lock.
      const locked = await m.query('SELECT id FROM customers WHERE id = ANY($1) AND deleted_at IS NULL ORDER BY id FOR UPDATE', [[survivor.id, merged.id]]);
      const [s, g] = await Promise.all([this.visible(m, viewer, survivor.id), this.visible(m, viewer, merged.id)]);
      if (locked.length !== 2 || !s || !g) return refused([userError(null, 'CONFLICT', 'One of the customers changed meanwhile: look again.')], dryRun);
      const moves = await this.count(m, g.id);
      const columns = mergedColumns(s, g, input.fields);
      // The merged customer's e-mail address is freed first: addresses are unique, and the survivor may take it.
      await m.query('UPDATE customers SET email = NULL, merged_into_id = $2, deleted_at = now(), updated_at = now() WHERE id = $1', [g.id, s.id]);
      await m.getRepository(CustomerEntity).update(s.id, columns);
      const [survivorAfter, mergedAfter] = await Promise.all([this.reload(m, s.id), this.reload(m, g.id)]);
      const movedLeadIds = await this.moveFollowers(m, viewer, g.id, s.id);
      await m.query('UPDATE review_requests SET customer_id = $2 WHERE customer_id = $1', [g.id, s.id]);
      await m.query('UPDATE messages SET customer_id = $2 WHERE customer_id = $1', [g.id, s.id]);
      await this.scoring.scoreMany(m, movedLeadIds);
      await this.audit.record(m, viewer, { entityType: 'Customer', entityId: s.id, action: 'MERGE', before: s, after: { ...survivorAfter, mergedCustomerId: g.id, moved: moves }, teamId: s.teamId });
      await this.audit.record(m, viewer, { entityType: 'Customer', entityId: g.id, action: 'MERGE', before: g, after: mergedAfter, teamId: g.teamId });
      await this.customerEffects(m, { action: 'UPDATE', before: s, after: survivorAfter });
      await this.customerEffects(m, { action: 'DELETE', before: g, after: mergedAfter });
      await this.writers.interactions.create(m, viewer, {
        customerId: s.id,
        leadId: null,
        projectId: null,
        type: 'NOTE',
        direction: 'INTERNAL',
        subject: `Merged with ${g.name}`,
        notes: `${viewer.name} merged ${g.name}${g.email ? ` (${g.email})` : ''} into this customer: ${describe(moves)} moved here.`,
        userId: viewer.id,
        teamId: s.teamId,
        occurredAt: new Date(),
      });
      await this.duplicates.forget(m, g.id);
      return { dryRun, survivor: survivorAfter, merged: mergedAfter, values: valuesOf(survivorAfter), moves, errors: [] };
    });
  }

  /** Every record of the merged customer (deleted ones too) to the survivor, each through its module's writer. */
  private async moveFollowers(m: EntityManager, viewer: Viewer, from: string, to: string): Promise<string[]> {
    const leadIds: string[] = [];
    const move = async <T extends DomainRecord>(writer: EntityWriter<T>, entity: new () => T, column: string, patch: Partial<T>) => {
      const rows = await m.getRepository(entity).createQueryBuilder('r').withDeleted().where(`r.${column} = :from`, { from }).orderBy('r.id').getMany();
      for (const row of rows) await writer.update(m, viewer, row, patch);
      return rows;
    };
    for (const lead of await move(this.writers.leads, LeadEntity, 'customer_id', { customerId: to })) leadIds.push(lead.id);
    for (const lead of await move(this.writers.leads, LeadEntity, 'referred_customer_id', { referredCustomerId: to })) leadIds.push(lead.id);
    await move(this.writers.projects, ProjectEntity, 'customer_id', { customerId: to });
    await move(this.writers.appointments, AppointmentEntity, 'customer_id', { customerId: to });
    await move(this.writers.interactions, InteractionEntity, 'customer_id', { customerId: to });
    await move(this.writers.reviews, ReviewEntity, 'customer_id', { customerId: to });
    return [...new Set(leadIds)];
  }

  /** What follows the customer (deleted records included). */
  private async count(m: EntityManager, id: string): Promise<MergeMovesModel> {
    const [row] = (await m.query(
      `SELECT (SELECT count(*) FROM leads WHERE customer_id = $1)::int AS leads,
              (SELECT count(*) FROM projects WHERE customer_id = $1)::int AS projects,
              (SELECT count(*) FROM appointments WHERE customer_id = $1)::int AS appointments,
              (SELECT count(*) FROM interactions WHERE customer_id = $1)::int AS interactions,
              (SELECT count(*) FROM reviews WHERE customer_id = $1)::int AS reviews,
              (SELECT count(*) FROM review_requests WHERE customer_id = $1)::int AS "reviewRequests",
              (SELECT count(*) FROM messages WHERE customer_id = $1)::int AS messages,
              (SELECT count(*) FROM leads WHERE referred_customer_id = $1)::int AS "referredLeads",
              (SELECT count(*) FROM leads WHERE customer_id = $1 AND referred_partner_id IS NOT NULL)::int AS "partnerReferrals"`,
      [id],
    )) as [MergeMovesModel];
    return row;
  }

  /** An active customer the viewer may see. */
  private visible(m: EntityManager, viewer: Viewer, id: string | null): Promise<CustomerEntity | null> {
    if (!id) return Promise.resolve(null);
    return fetchOne(applyScope(m.getRepository(CustomerEntity).createQueryBuilder('c'), customerScope(viewer, 'c')).andWhere('c.id = :id', { id }));
  }

  private reload(m: EntityManager, id: string): Promise<CustomerEntity> {
    return m.getRepository(CustomerEntity).createQueryBuilder('c').withDeleted().where('c.id = :id', { id }).getOneOrFail();
  }
}

/** "2 leads, 1 project and 14 interactions" (nothing: "nothing else"). */
function describe(moves: MergeMovesModel): string {
  const parts = (
    [
      [moves.leads, 'lead'],
      [moves.projects, 'project'],
      [moves.appointments, 'appointment'],
      [moves.interactions, 'interaction'],
      [moves.reviews, 'review'],
      [moves.reviewRequests, 'review request'],
      [moves.messages, 'message'],
      [moves.referredLeads, 'referred lead'],
    ] as Array<[number, string]>
  )
    .filter(([n]) => n > 0)
    .map(([n, noun]) => `${n} ${noun}${n === 1 ? '' : 's'}`);
  if (!parts.length) return 'nothing else';
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
