import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { CreateCustomerInput, CustomerFilter, CustomerOrder, UpdateCustomerInput } from '../../generated/graphql';
import { resolveOwningTeam } from '../teams/owning-team';
import type { Viewer } from '../../platform/auth/viewer';
import { RecordStore, type RecordResult } from '../../platform/db/record-store';
import { violates } from '../../platform/db/errors';
import { paginate, type Connection, type ListQuery, type PageArgs } from '../../platform/db/pagination';
import { searchMatch } from '../../platform/db/search';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { CustomerEntity } from './customer.entity';
import { canWriteCustomer, customerScope } from './customer.policy';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { customerWrites } from './customer.events';
import { customerDetails, newCustomerValues } from './customer-input';

export type CustomerConnection = Connection<CustomerEntity>;

/** The `customers` filter as the service takes it: the team's key (NO_MATCH_ID when the ID named no team). */
export interface CustomerListFilter extends Omit<CustomerFilter, 'teamId'> {
  teamId?: string | null;
}

export interface CustomerListArgs {
  filter?: CustomerListFilter | null;
  orderBy?: CustomerOrder | null;
}

/** `createCustomer`'s input as the service takes it: the team's key (NO_MATCH_ID when the ID named no team). */
export interface NewCustomer extends Omit<CreateCustomerInput, 'teamId'> {
  teamId?: string | null;
}

/** `updateCustomer`'s input as the service takes it: keys for IDs, `id` null when it named no customer. */
export interface CustomerChanges extends Omit<UpdateCustomerInput, 'id' | 'teamId'> {
  id: string | null;
  teamId?: string | null;
}

export interface CustomerResult {
  customer: CustomerEntity | null;
  errors: UserErrorData[];
}

const ORDER_COLUMNS = {
  NAME: { sql: 'c.name', value: (c: CustomerEntity) => c.name },
  CREATED_AT: { sql: 'c.created_at', value: (c: CustomerEntity) => c.createdAt },
  UPDATED_AT: { sql: 'c.updated_at', value: (c: CustomerEntity) => c.updatedAt },
} as const;


const asCustomer = (r: RecordResult<CustomerEntity>): CustomerResult => ({ customer: r.row, errors: r.errors });

export class CustomerService {
  private readonly store: RecordStore<CustomerEntity>;

  constructor(
    private readonly ds: DataSource,
    audit: AuditService,
    events: EventSink,
  ) {
    const kind = { entity: CustomerEntity, typeName: 'Customer', noun: 'customer', alias: 'c', scope: customerScope };
    this.store = new RecordStore(ds, { ...kind, onWrite: writeEffects(events, customerWrites) }, audit);
  }

  /** One customer, or null when it does not exist or the viewer may not see it. Admins and managers also see deleted ones. */
  get(viewer: Viewer, id: string | null): Promise<CustomerEntity | null> {
    return this.store.get(viewer, id);
  }

  async softDelete(viewer: Viewer, id: string | null): Promise<CustomerResult> {
    return asCustomer(await this.store.softDelete(viewer, id, { mayChange: canWriteCustomer }));
  }

  /** A customer merged into another stays deleted: what it had is the survivor's now. */
  async restore(viewer: Viewer, id: string | null): Promise<CustomerResult> {
    return asCustomer(await this.store.restore(viewer, id, { mayChange: (v, c) => canWriteCustomer(v, c) && !c.mergedIntoId }));
  }

  /** Admins only: removes the customer for good. */
  hardDelete(viewer: Viewer, id: string | null): Promise<{ deletedId: string | null; errors: UserErrorData[] }> {
    return this.store.hardDelete(viewer, id);
  }

  /** Customers the viewer may see, filtered, ordered and keyset-paginated. */
  list(viewer: Viewer, args: PageArgs & CustomerListArgs): Promise<CustomerConnection> {
    const { query, order } = this.listQuery(viewer, args);
    return paginate(query, args, order);
  }

  /** What `list` pages through: the query (row rules and filters) and its order. Exports read it whole. */
  listQuery(viewer: Viewer, args: CustomerListArgs): ListQuery<CustomerEntity> {
    const order = ORDER_COLUMNS[args.orderBy?.field ?? 'CREATED_AT'];
    return this.store.query(viewer, args, order, args.orderBy?.direction ?? (args.orderBy ? 'ASC' : 'DESC'), (qb) => this.filter(qb, args.filter));
  }

  async create(viewer: Viewer, input: NewCustomer): Promise<CustomerResult> {
    const v = new Validator();
    const values: Partial<CustomerEntity> = {
      ...newCustomerValues(v, input),
      teamId: await resolveOwningTeam(this.ds, v, viewer, input.teamId),
      createdById: viewer.id,
    };
    if (values.email) await this.checkEmailFree(v, values.email, null);
    if (!v.ok) return { customer: null, errors: v.errors };
    return this.unique(() => this.ds.transaction(async (m) => ({ customer: await this.store.writer.create(m, viewer, values), errors: [] })));
  }

  async update(viewer: Viewer, input: CustomerChanges): Promise<CustomerResult> {
    const existing = await this.store.find(viewer, input.id, false);
    if (!existing) return asCustomer(this.store.notFound());
    if (!canWriteCustomer(viewer, existing)) return asCustomer(this.store.forbidden('You may not change this customer.'));
    const v = new Validator();
    const { id: _id, teamId: _teamId, ...details } = input;
    const patch = customerDetails(v, details);
    if (patch.email) await this.checkEmailFree(v, patch.email, existing.id);
    if (input.teamId !== undefined) {
      if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER') v.add('teamId', 'FORBIDDEN', 'Only admins and managers move customers between teams.');
      else patch.teamId = await resolveOwningTeam(this.ds, v, viewer, input.teamId);
    }
    if (!v.ok) return { customer: null, errors: v.errors };
    return this.unique(() =>
      this.ds.transaction(async (m) => ({ customer: await this.store.writer.update(m, viewer, existing, patch), errors: [] })),
    );
  }

  private filter(qb: SelectQueryBuilder<CustomerEntity>, f: CustomerListFilter | null | undefined): void {
    if (!f) return;
    const search = searchMatch(f.search, { text: 'c.search_text', phone: 'c.phone' });
    if (search) qb.andWhere(search);
    if (f.customerTypes?.length) qb.andWhere('c.customer_type = ANY(:types)', { types: f.customerTypes });
    if (f.segment?.trim()) qb.andWhere('lower(c.segment) = lower(:segment)', { segment: f.segment.trim() });
    if (f.teamId) qb.andWhere('c.team_id = :teamId', { teamId: f.teamId });
    if (f.createdAt?.from) qb.andWhere('c.created_at >= :createdFrom', { createdFrom: f.createdAt.from });
    if (f.createdAt?.to) qb.andWhere('c.created_at <= :createdTo', { createdTo: f.createdAt.to });
  }

  private async checkEmailFree(v: Validator, email: string, exceptId: string | null): Promise<void> {
    const qb = this.ds.getRepository(CustomerEntity).createQueryBuilder('c').withDeleted().where('lower(c.email) = lower(:email)', { email });
    if (exceptId) qb.andWhere('c.id <> :exceptId', { exceptId });
    if (await qb.getExists()) v.add('email', 'TAKEN', 'Another customer already has this e-mail address.');
  }

  /** A concurrent write that slipped past the pre-check still reports TAKEN, not an internal error. */
  private async unique(run: () => Promise<CustomerResult>): Promise<CustomerResult> {
    try {
      return await run();
    } catch (err) {
      if (!violates(err, 'customers_email_key')) throw err;
      return { customer: null, errors: [{ field: ['email'], code: 'TAKEN', message: 'Another customer already has this e-mail address.' }] };
    }
  }
}
