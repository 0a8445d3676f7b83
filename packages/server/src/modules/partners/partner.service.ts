import { Brackets, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { applyScope } from '../../platform/auth/scope';
import type {
  CreatePartnerInput,
  LeadStatus,
  PartnerContactInput,
  PartnerFilter,
  PartnerOrder,
  ReferralFeeInput,
  UpdatePartnerContactInput,
  UpdatePartnerInput,
} from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { paginate, type Connection, type ListQuery, type PageArgs } from '../../platform/db/pagination';
import { RecordStore, type RecordResult } from '../../platform/db/record-store';
import { likePattern, phoneDigits } from '../../platform/db/search';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { LeadEntity } from '../leads/lead.entity';
import { leadScope } from '../leads/lead.policy';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { resolveOwningTeam } from '../teams/owning-team';
import { UserEntity } from '../users/user.entity';
import { PartnerContactEntity } from './partner-contact.entity';
import { PartnerEntity } from './partner.entity';
import { partnerUpdated, partnerWrites } from './partner.events';
import { canWritePartner, partnerScope } from './partner.policy';
import { newPartnerValues, ownerProblem } from './partner-input';

export type PartnerConnection = Connection<PartnerEntity>;

/** Keys instead of global IDs (NO_MATCH_ID when an ID named nothing of its type). */
export interface PartnerListFilter extends Omit<PartnerFilter, 'ownerId' | 'teamId'> {
  ownerId?: string | null;
  teamId?: string | null;
}
export interface PartnerListArgs {
  filter?: PartnerListFilter | null;
  orderBy?: PartnerOrder | null;
}
export interface NewPartner extends Omit<CreatePartnerInput, 'ownerId' | 'teamId'> {
  ownerId?: string | null;
  teamId?: string | null;
}
export interface PartnerChanges extends Omit<UpdatePartnerInput, 'id' | 'ownerId' | 'teamId'> {
  id: string | null;
  ownerId?: string | null;
  teamId?: string | null;
}
export interface ContactChanges extends Omit<UpdatePartnerContactInput, 'id'> {
  id: string | null;
}

export interface PartnerResult {
  partner: PartnerEntity | null;
  errors: UserErrorData[];
}

/** A partner has at most this many contacts. */
export const MAX_CONTACTS = 20;

const ORDER_COLUMNS = {
  NAME: { sql: 'p.name', value: (p: PartnerEntity) => p.name },
  CREATED_AT: { sql: 'p.created_at', value: (p: PartnerEntity) => p.createdAt },
  UPDATED_AT: { sql: 'p.updated_at', value: (p: PartnerEntity) => p.updatedAt },
} as const;

const asPartner = (r: RecordResult<PartnerEntity>): PartnerResult => ({ partner: r.row, errors: r.errors });

/** Referral partners and their contacts: lists under the row rules, writes checked, validated and audited. */
export class PartnerService {
  private readonly store: RecordStore<PartnerEntity>;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventSink,
  ) {
    const kind = { entity: PartnerEntity, typeName: 'Partner', noun: 'partner', alias: 'p', scope: partnerScope };
    this.store = new RecordStore(ds, { ...kind, onWrite: writeEffects(events, partnerWrites) }, audit);
  }

  /** One partner, or null when it does not exist or the viewer may not see it. Admins and managers also see deleted ones. */
  get(viewer: Viewer, id: string | null): Promise<PartnerEntity | null> {
    return this.store.get(viewer, id);
  }

  /** Partners the viewer may see, filtered, ordered (by name when not told) and keyset-paginated. */
  list(viewer: Viewer, args: PageArgs & PartnerListArgs): Promise<PartnerConnection> {
    const { query, order } = this.listQuery(viewer, args);
    return paginate(query, args, order);
  }

  /** What `list` pages through: the query (row rules and filters) and its order. Exports read it whole. */
  listQuery(viewer: Viewer, args: PartnerListArgs): ListQuery<PartnerEntity> {
    const order = ORDER_COLUMNS[args.orderBy?.field ?? 'NAME'];
    return this.store.query(viewer, args, order, args.orderBy?.direction ?? 'ASC', (qb) => this.filter(qb, args.filter));
  }

  /**
   * The leads a partner (visible: its parent field checked it) referred that the viewer may see under the lead rules,
   * newest first, keyset-paginated (index `leads_referred_partner_idx`).
   */
  referrals(viewer: Viewer, partnerId: string, args: PageArgs & { statuses?: LeadStatus[] | null }): Promise<Connection<LeadEntity>> {
    const qb = applyScope(this.ds.getRepository(LeadEntity).createQueryBuilder('l'), leadScope(viewer, 'l')).andWhere('l.referred_partner_id = :partnerId', { partnerId });
    if (args.statuses?.length) qb.andWhere('l.status = ANY(:statuses)', { statuses: args.statuses });
    return paginate(qb, args, [
      { sql: 'l.created_at', direction: 'DESC', value: (l) => l.createdAt },
      { sql: 'l.id', direction: 'DESC', value: (l) => l.id },
    ]);
  }

  async create(viewer: Viewer, input: NewPartner): Promise<PartnerResult> {
    const v = new Validator();
    const teamId = await resolveOwningTeam(this.ds, v, viewer, input.teamId);
    const values: Partial<PartnerEntity> = {
      ...newPartnerValues(v, input),
      teamId,
      ownerId: await this.owner(v, input.ownerId === undefined ? viewer.id : input.ownerId, teamId),
      ...feeColumns(v, 'referralFee', input.referralFee ?? { kind: 'NONE' }),
      createdById: viewer.id,
    };
    const contacts = input.contacts ?? [];
    if (contacts.length > MAX_CONTACTS) v.add('contacts', 'OUT_OF_RANGE', `A partner has at most ${MAX_CONTACTS} contacts.`);
    const contactValues = contacts.map((c, i) => contactColumns(v, `contacts.${i}`, c));
    if (!v.ok) return { partner: null, errors: v.errors };
    return this.ds.transaction(async (m) => {
      const partner = await this.store.writer.create(m, viewer, values);
      for (const c of contactValues) await this.writeContact(m, viewer, partner, null, { ...c, partnerId: partner.id });
      return { partner, errors: [] };
    });
  }

  async update(viewer: Viewer, input: PartnerChanges): Promise<PartnerResult> {
    const existing = await this.writable(viewer, input.id);
    if (!existing.partner) return existing;
    const partner = existing.partner;
    const v = new Validator();
    const patch: Partial<PartnerEntity> = {};
    if (input.name != null) patch.name = v.text('name', input.name, { max: 200, min: 2, required: true }) ?? partner.name;
    if (input.kind != null) patch.kind = input.kind;
    if (input.status != null) patch.status = input.status;
    if (input.notes !== undefined) patch.notes = v.text('notes', input.notes, { max: 5000 });
    if (input.referralFee) Object.assign(patch, feeColumns(v, 'referralFee', input.referralFee));
    if (input.teamId !== undefined) {
      if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER') v.add('teamId', 'FORBIDDEN', 'Only admins and managers move partners between teams.');
      else patch.teamId = await resolveOwningTeam(this.ds, v, viewer, input.teamId);
    }
    const teamId = patch.teamId !== undefined ? patch.teamId : partner.teamId;
    if (input.ownerId !== undefined) patch.ownerId = await this.owner(v, input.ownerId, teamId);
    if (!v.ok) return { partner: null, errors: v.errors };
    return this.ds.transaction(async (m) => ({ partner: await this.store.writer.update(m, viewer, partner, patch), errors: [] }));
  }

  async addContact(viewer: Viewer, partnerId: string | null, input: PartnerContactInput): Promise<PartnerResult> {
    const existing = await this.writable(viewer, partnerId);
    if (!existing.partner) return existing;
    const partner = existing.partner;
    const v = new Validator();
    const values = contactColumns(v, 'input', input);
    const count = await this.ds.getRepository(PartnerContactEntity).countBy({ partnerId: partner.id });
    if (count >= MAX_CONTACTS) v.add('partnerId', 'OUT_OF_RANGE', `A partner has at most ${MAX_CONTACTS} contacts.`);
    if (!v.ok) return { partner: null, errors: v.errors };
    return this.ds.transaction(async (m) => {
      if (await this.writeContact(m, viewer, partner, null, { ...values, partnerId: partner.id })) await this.contactsChanged(m, partner);
      return { partner, errors: [] };
    });
  }

  async updateContact(viewer: Viewer, input: ContactChanges): Promise<PartnerResult> {
    const found = await this.contact(viewer, input.id);
    if (!found.contact) return found.result;
    const { contact, partner } = found;
    const v = new Validator();
    const patch: Partial<PartnerContactEntity> = {};
    if (input.name != null) patch.name = v.text('input.name', input.name, { max: 200, min: 2, required: true }) ?? contact.name;
    if (input.email !== undefined) patch.email = input.email?.trim() || null;
    if (input.phone !== undefined) patch.phone = v.phone('input.phone', input.phone);
    if (input.role !== undefined) patch.role = v.text('input.role', input.role, { max: 100 });
    if (!v.ok) return { partner: null, errors: v.errors };
    return this.ds.transaction(async (m) => {
      if (await this.writeContact(m, viewer, partner, contact, patch)) await this.contactsChanged(m, partner);
      return { partner, errors: [] };
    });
  }

  async removeContact(viewer: Viewer, id: string | null): Promise<PartnerResult> {
    const found = await this.contact(viewer, id);
    if (!found.contact) return found.result;
    const { contact, partner } = found;
    return this.ds.transaction(async (m) => {
      await m.getRepository(PartnerContactEntity).delete(contact.id);
      if (await this.audit.record(m, viewer, { entityType: 'PartnerContact', entityId: contact.id, action: 'HARD_DELETE', before: contact, after: null, teamId: partner.teamId })) {
        await this.contactsChanged(m, partner);
      }
      return { partner, errors: [] };
    });
  }

  async softDelete(viewer: Viewer, id: string | null): Promise<PartnerResult> {
    return asPartner(await this.store.softDelete(viewer, id, { mayChange: canWritePartner }));
  }

  async restore(viewer: Viewer, id: string | null): Promise<PartnerResult> {
    return asPartner(await this.store.restore(viewer, id, { mayChange: canWritePartner }));
  }

  /** The partner behind an id, if the viewer may change it (NOT_FOUND or FORBIDDEN otherwise). */
  private async writable(viewer: Viewer, id: string | null): Promise<PartnerResult> {
    const partner = await this.store.find(viewer, id, false);
    if (!partner) return asPartner(this.store.notFound());
    if (!canWritePartner(viewer, partner)) return asPartner(this.store.forbidden('You may not change this partner.'));
    return { partner, errors: [] };
  }

  /** A contact whose partner the viewer may change. */
  private async contact(viewer: Viewer, id: string | null): Promise<{ contact: PartnerContactEntity; partner: PartnerEntity } | { contact: null; result: PartnerResult }> {
    const contact = id ? await this.ds.getRepository(PartnerContactEntity).findOneBy({ id }) : null;
    const found = contact ? await this.writable(viewer, contact.partnerId) : asPartner(this.store.notFound());
    if (!contact || !found.partner) return { contact: null, result: found };
    return { contact, partner: found.partner };
  }

  /** Inserts (`before` null) or changes a contact, with its audit entry, in the caller's transaction; false when nothing changed. */
  private async writeContact(m: EntityManager, viewer: Viewer, partner: PartnerEntity, before: PartnerContactEntity | null, values: Partial<PartnerContactEntity>): Promise<boolean> {
    const repo = m.getRepository(PartnerContactEntity);
    const id = before ? before.id : ((await repo.insert(values)).identifiers[0]!.id as string);
    if (before && Object.keys(values).length) await repo.update(before.id, values);
    const after = await repo.findOneByOrFail({ id });
    const entry = { entityType: 'PartnerContact', entityId: id, action: before ? 'UPDATE' : 'CREATE', before, after, teamId: partner.teamId } as const;
    return this.audit.record(m, viewer, entry);
  }

  /** A contact added (to an existing partner), changed or removed is a change of its partner for live clients. */
  private contactsChanged(m: EntityManager, partner: PartnerEntity): Promise<void> {
    return this.events.emit(m, partnerUpdated, { action: 'UPDATE', before: partner, after: partner });
  }

  /** The relationship's owner: an active staff member of the partner's team, or an admin; null clears it. */
  private async owner(v: Validator, ownerId: string | null, teamId: string | null): Promise<string | null> {
    if (!ownerId) return null;
    const problem = ownerProblem(await this.ds.getRepository(UserEntity).findOneBy({ id: ownerId }), teamId);
    if (!problem) return ownerId;
    v.add('ownerId', ...problem);
    return null;
  }

  private filter(qb: SelectQueryBuilder<PartnerEntity>, f: PartnerListFilter | null | undefined): void {
    if (!f) return;
    const like = likePattern(f.search);
    if (like) {
      const digits = phoneDigits(f.search);
      qb.andWhere(
        new Brackets((w) => {
          w.where('lower(p.name) LIKE :like', { like });
          w.orWhere(
            `EXISTS (SELECT 1 FROM partner_contacts pc WHERE pc.partner_id = p.id AND (lower(pc.name) LIKE :like OR lower(pc.email) LIKE :like${digits ? ' OR pc.phone LIKE :digits' : ''}))`,
            digits ? { digits } : {},
          );
        }),
      );
    }
    if (f.kinds?.length) qb.andWhere('p.kind = ANY(:kinds)', { kinds: f.kinds });
    if (f.statuses?.length) qb.andWhere('p.status = ANY(:statuses)', { statuses: f.statuses });
    if (f.ownerId) qb.andWhere('p.owner_id = :ownerId', { ownerId: f.ownerId });
    if (f.teamId) qb.andWhere('p.team_id = :teamId', { teamId: f.teamId });
  }
}

/** The fee columns for terms as given: `kind` decides which amount is required; the others are cleared. */
function feeColumns(v: Validator, field: string, fee: ReferralFeeInput): Pick<PartnerEntity, 'feeKind' | 'feePercent' | 'feeFlat' | 'feeCap'> {
  const cap = v.money(`${field}.cap`, fee.cap);
  if (cap !== null && Number(cap) <= 0) v.add(`${field}.cap`, 'OUT_OF_RANGE', 'The cap must be more than 0.');
  if (fee.kind === 'PERCENT') {
    if (fee.percent == null) v.add(`${field}.percent`, 'REQUIRED', 'A percentage fee needs its percent.');
    else if (!(fee.percent >= 0.01 && fee.percent <= 100)) v.add(`${field}.percent`, 'OUT_OF_RANGE', 'The percent must be between 0.01 and 100.');
    return { feeKind: 'PERCENT', feePercent: fee.percent == null ? null : fee.percent.toFixed(2), feeFlat: null, feeCap: cap };
  }
  if (fee.kind === 'FLAT') {
    const flat = v.money(`${field}.flatAmount`, fee.flatAmount);
    if (flat === null) v.add(`${field}.flatAmount`, 'REQUIRED', 'A flat fee needs its amount.');
    else if (Number(flat) <= 0) v.add(`${field}.flatAmount`, 'OUT_OF_RANGE', 'The flat amount must be more than 0.');
    return { feeKind: 'FLAT', feePercent: null, feeFlat: flat, feeCap: cap };
  }
  return { feeKind: 'NONE', feePercent: null, feeFlat: null, feeCap: null };
}

function contactColumns(v: Validator, field: string, c: PartnerContactInput): Pick<PartnerContactEntity, 'name' | 'email' | 'phone' | 'role'> {
  return {
    name: v.text(`${field}.name`, c.name, { max: 200, min: 2, required: true }) ?? '',
    email: c.email?.trim() || null,
    phone: v.phone(`${field}.phone`, c.phone),
    role: v.text(`${field}.role`, c.role, { max: 100 }),
  };
}
