import type { NotificationService } from '../notifications/notification.service';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AppointmentOrder, CreateAppointmentInput, UpdateAppointmentInput } from '../../generated/graphql';
import { applyScope, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { RecordStore, type RecordResult } from '../../platform/db/record-store';
import { violates } from '../../platform/db/errors';
import { paginate, type Connection, type ListQuery, type PageArgs } from '../../platform/db/pagination';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { CustomerEntity } from '../customers/customer.entity';
import { canWriteCustomer, customerScope } from '../customers/customer.policy';
import { LeadEntity } from '../leads/lead.entity';
import { leadScope } from '../leads/lead.policy';
import { ProjectEntity } from '../projects/project.entity';
import { projectScope } from '../projects/project.policy';
import { checkFree, conflict } from './appointment-booking';
import { notifyBooked } from './appointment-notices';
import { applyFilter, sortKeys, type AppointmentListFilter } from './appointment-query';
import { checkSlot, checkTransition, defaultLocation, defaultTitle, resolveAssignee } from './appointment-rules';
import { AppointmentEntity } from './appointment.entity';
import { appointmentScope, canWriteAppointment } from './appointment.policy';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { appointmentWrites } from './appointment.events';

export type AppointmentConnection = Connection<AppointmentEntity>;
/** The `appointments` list's arguments as the service takes them (IDs decoded). */
export interface AppointmentListArgs {
  filter?: AppointmentListFilter | null;
  orderBy?: AppointmentOrder | null;
}
/**
 * `createAppointment`'s input as the service takes it: keys for IDs. `customerId` is null when it named no customer;
 * the optional ones are NO_MATCH_ID then, so they are reported NOT_FOUND like a missing record.
 */
export interface NewAppointment extends Omit<CreateAppointmentInput, 'customerId' | 'assigneeId' | 'leadId' | 'projectId'> {
  customerId: string | null;
  assigneeId?: string | null;
  leadId?: string | null;
  projectId?: string | null;
}

/** `updateAppointment`'s input as the service takes it: keys for IDs, `id` null when it named no appointment. */
export interface AppointmentChanges extends Omit<UpdateAppointmentInput, 'id' | 'assigneeId'> {
  id: string | null;
  assigneeId?: string | null;
}

export interface AppointmentResult {
  appointment: AppointmentEntity | null;
  errors: UserErrorData[];
}

const failed = (v: Validator): AppointmentResult => ({ appointment: null, errors: v.errors });

const asAppointment = (r: RecordResult<AppointmentEntity>): AppointmentResult => ({ appointment: r.row, errors: r.errors });

export class AppointmentService {
  private readonly store: RecordStore<AppointmentEntity>;

  constructor(
    private readonly ds: DataSource,
    audit: AuditService,
    private readonly notifications: NotificationService,
    events: EventSink,
  ) {
    const kind = { entity: AppointmentEntity, typeName: 'Appointment', noun: 'appointment', alias: 'a', scope: appointmentScope };
    this.store = new RecordStore(ds, { ...kind, onWrite: writeEffects(events, appointmentWrites) }, audit);
  }

  /** One appointment, or null when it does not exist or the viewer may not see it. Admins and managers also see deleted ones. */
  get(viewer: Viewer, id: string | null): Promise<AppointmentEntity | null> {
    return this.store.get(viewer, id);
  }

  async softDelete(viewer: Viewer, id: string | null): Promise<AppointmentResult> {
    return asAppointment(await this.store.softDelete(viewer, id, { mayChange: canWriteAppointment }));
  }

  /** Admins only: removes the appointment for good. */
  hardDelete(viewer: Viewer, id: string | null): Promise<{ deletedId: string | null; errors: UserErrorData[] }> {
    return this.store.hardDelete(viewer, id);
  }

  /** Appointments the viewer may see, filtered, ordered (soonest first by default) and keyset-paginated. */
  list(viewer: Viewer, args: PageArgs & AppointmentListArgs): Promise<AppointmentConnection> {
    const { query, order } = this.listQuery(viewer, args);
    return paginate(query, args, order);
  }

  /** What `list` pages through: the query (row rules and filters) and its order. Exports read it whole. */
  listQuery(viewer: Viewer, args: AppointmentListArgs): ListQuery<AppointmentEntity> {
    const query = this.store.visible(viewer, Boolean(args.filter?.deleted));
    applyFilter(query, args.filter);
    return { query, order: sortKeys(args.orderBy) };
  }

  /** Books an appointment with a customer the viewer may work with; the assignee must be free then. */
  async create(viewer: Viewer, input: NewAppointment): Promise<AppointmentResult> {
    const v = new Validator();
    const customer = await this.bookableCustomer(v, viewer, input.customerId);
    const assigneeId = await resolveAssignee(this.ds, v, viewer, input.assigneeId);
    const slot = { startsAt: input.startsAt, endsAt: input.endsAt, assigneeId, status: 'SCHEDULED' as const };
    const values: Partial<AppointmentEntity> = {
      customerId: customer?.id,
      leadId: await this.linked(v, viewer, customer, 'leadId', input.leadId),
      projectId: await this.linked(v, viewer, customer, 'projectId', input.projectId),
      kind: input.kind,
      title: v.text('title', input.title, { max: 200 }) ?? (customer ? defaultTitle(input.kind, customer) : ''),
      ...slot,
      location: input.location != null ? v.text('location', input.location, { max: 300 }) : customer && defaultLocation(customer),
      notes: v.text('notes', input.notes, { max: 5000 }),
      teamId: customer?.teamId ?? null,
      createdById: viewer.id,
    };
    checkSlot(v, 'endsAt', input.startsAt, input.endsAt);
    if (v.ok) await checkFree(this.ds, v, 'startsAt', slot);
    if (!v.ok) return failed(v);
    return this.booked('startsAt', () =>
      this.ds.transaction(async (m) => {
        const appointment = await this.store.writer.create(m, viewer, values);
        await notifyBooked(m, this.notifications, viewer, appointment, customer?.name);
        return { appointment, errors: [] };
      }),
    );
  }

  /** Changes, moves, reassigns, cancels or completes an appointment; the (new) assignee must be free then. */
  async update(viewer: Viewer, input: AppointmentChanges): Promise<AppointmentResult> {
    const existing = await this.store.find(viewer, input.id, false);
    if (!existing) return asAppointment(this.store.notFound());
    if (!canWriteAppointment(viewer, existing)) return asAppointment(this.store.forbidden('You may not change this appointment.'));
    const v = new Validator();
    const patch: Partial<AppointmentEntity> = {};
    if (input.kind != null) patch.kind = input.kind;
    if (input.title !== undefined) patch.title = v.text('title', input.title, { max: 200, required: true }) ?? existing.title;
    if (input.startsAt != null) patch.startsAt = input.startsAt;
    if (input.endsAt != null) patch.endsAt = input.endsAt;
    const moved = input.startsAt != null || input.endsAt != null;
    if (moved) checkSlot(v, input.endsAt != null ? 'endsAt' : 'startsAt', patch.startsAt ?? existing.startsAt, patch.endsAt ?? existing.endsAt);
    const reassigned = input.assigneeId !== undefined && (input.assigneeId || null) !== existing.assigneeId;
    if (reassigned) patch.assigneeId = await resolveAssignee(this.ds, v, viewer, input.assigneeId);
    if (input.location !== undefined) patch.location = v.text('location', input.location, { max: 300 });
    if (input.notes !== undefined) patch.notes = v.text('notes', input.notes, { max: 5000 });
    if (input.status != null) {
      checkTransition(v, existing.status, input.status);
      patch.status = input.status;
    }
    const field = moved ? 'startsAt' : reassigned ? 'assigneeId' : 'status';
    if (v.ok && (moved || reassigned || patch.status)) await checkFree(this.ds, v, field, { ...existing, ...patch }, existing.id);
    if (!v.ok) return failed(v);
    const rebooked = existing.status === 'CANCELLED' && patch.status !== undefined && patch.status !== 'CANCELLED';
    return this.booked(field, () =>
      this.ds.transaction(async (m) => {
        const appointment = await this.store.writer.update(m, viewer, existing, patch);
        if (reassigned || rebooked) await notifyBooked(m, this.notifications, viewer, appointment);
        return { appointment, errors: [] };
      }),
    );
  }

  /** Brings a deleted appointment back, unless its assignee was booked for that time meanwhile. */
  async restore(viewer: Viewer, id: string | null): Promise<AppointmentResult> {
    const existing = await this.store.find(viewer, id, true);
    if (!existing?.deletedAt) return asAppointment(this.store.notFound());
    if (!canWriteAppointment(viewer, existing)) return asAppointment(this.store.forbidden('You may not restore this appointment.'));
    const v = new Validator();
    await checkFree(this.ds, v, 'id', existing, existing.id);
    if (!v.ok) return failed(v);
    return this.booked('id', () =>
      this.ds.transaction(async (m) => ({ appointment: await this.store.writer.restore(m, viewer, existing), errors: [] })),
    );
  }

  /** The customer, if the viewer may see it (NOT_FOUND otherwise) and book for it (FORBIDDEN otherwise). */
  private async bookableCustomer(v: Validator, viewer: Viewer, id: string | null): Promise<CustomerEntity | null> {
    const customer = id ? await this.scopedQuery(CustomerEntity, customerScope(viewer, 'x')).andWhere('x.id = :id', { id }).getOne() : null;
    if (!customer) v.add('customerId', 'NOT_FOUND', 'No such customer.');
    else if (!canWriteCustomer(viewer, customer)) v.add('customerId', 'FORBIDDEN', 'You may not book appointments for this customer.');
    return customer;
  }

  /** `id` if it is a lead or project the viewer may see that belongs to `customer`; NOT_FOUND on `field` otherwise. */
  private async linked(
    v: Validator,
    viewer: Viewer,
    customer: CustomerEntity | null,
    field: 'leadId' | 'projectId',
    id: string | null | undefined,
  ): Promise<string | null> {
    if (!id || !customer) return null;
    const [entity, type, scope] =
      field === 'leadId' ? [LeadEntity, 'Lead', leadScope(viewer, 'x')] : [ProjectEntity, 'Project', projectScope(viewer, 'x')];
    const qb = this.scopedQuery<ObjectLiteral>(entity, scope).andWhere('x.id = :id AND x.customer_id = :customerId', { id, customerId: customer.id });
    if (await qb.getExists()) return id;
    v.add(field, 'NOT_FOUND', `No such ${type.toLowerCase()} of this customer.`);
    return null;
  }

  private scopedQuery<T extends ObjectLiteral>(entity: EntityTarget<T>, scope: Scope): SelectQueryBuilder<T> {
    return applyScope(this.ds.getRepository(entity).createQueryBuilder('x'), scope);
  }

  /** A double booking that slipped past the pre-check (a concurrent write) is refused by the constraint: CONFLICT. */
  private async booked(field: string, run: () => Promise<AppointmentResult>): Promise<AppointmentResult> {
    try {
      return await run();
    } catch (err) {
      if (!violates(err, 'appointments_no_double_booking')) throw err;
      return { appointment: null, errors: [conflict(field)] };
    }
  }
}
