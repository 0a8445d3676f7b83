import type { NotificationService } from '../notifications/notification.service';
import type { DataSource, EntityManager } from 'typeorm';
import type { AssignProjectTeamInput, CreateProjectInput, ProjectOrder } from '../../generated/graphql';
import { applyScope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { WriteHook } from '../../platform/db/entity-writer';
import { RecordStore, type RecordResult } from '../../platform/db/record-store';
import { paginate, type Connection, type ListQuery, type PageArgs } from '../../platform/db/pagination';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { CustomerEntity } from '../customers/customer.entity';
import { canWriteCustomer, customerScope } from '../customers/customer.policy';
import { replaceCrew, resolveCrew } from './project-crew';
import { notifyStatusChanged } from './project-notices';
import { checkDates, fieldTechChanges, projectPatch, type ProjectChanges } from './project-patch';
import { filterProjects, projectOrder, type ProjectListFilter } from './project-query';
import { ProjectEntity } from './project.entity';
import { canWriteProject, projectScope } from './project.policy';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { projectWrites } from './project.events';

/** The `projects` list's filter and order as the service takes them. */
export interface ProjectListArgs {
  filter?: ProjectListFilter | null;
  orderBy?: ProjectOrder | null;
}

export type ProjectConnection = Connection<ProjectEntity>;
/** `createProject`'s input as the service takes it: keys for IDs, null where an ID named nothing. */
export interface NewProject extends Omit<CreateProjectInput, 'customerId' | 'memberIds'> {
  customerId: string | null;
  memberIds?: (string | null)[] | null;
}

/** `assignProjectTeam`'s input as the service takes it: keys for IDs, null where an ID named nothing. */
export interface ProjectCrewChange extends Omit<AssignProjectTeamInput, 'id' | 'memberIds'> {
  id: string | null;
  memberIds: (string | null)[];
}

export interface ProjectResult {
  project: ProjectEntity | null;
  errors: UserErrorData[];
}

const invalid = (v: Validator): ProjectResult => ({ project: null, errors: v.errors });

const asProject = (r: RecordResult<ProjectEntity>): ProjectResult => ({ project: r.row, errors: r.errors });

/**
 * How a project stopped being a completed project in use: moved from COMPLETED to CANCELLED or back to an open stage
 * (the status moves refuse both today: COMPLETED is final), moved to the trash, or about to be deleted for good.
 */
export type ProjectExit = 'CANCELLED' | 'REOPENED' | 'TRASHED' | 'DELETED';

/** What other features do in the transaction of a project change (wired by the composition root). */
export interface ProjectHooks {
  /** The project just became COMPLETED (e.g. the review request). */
  completed?: (m: EntityManager, project: ProjectEntity) => Promise<void>;
  /**
   * The project left COMPLETED, or (whatever its status) went to the trash or is about to be deleted for good: e.g. its
   * queued review request is cancelled. Restoring a project calls nothing: what was cancelled stays so.
   */
  left?: (m: EntityManager, viewer: Viewer, project: ProjectEntity, exit: ProjectExit) => Promise<void>;
}

export class ProjectService {
  private readonly store: RecordStore<ProjectEntity>;
  /** The declared effects of a project write (live `project.updated`, stale dashboard). */
  private readonly projectWritten: WriteHook<ProjectEntity>;

  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
    events: EventSink,
    private readonly hooks: ProjectHooks = {},
  ) {
    this.projectWritten = writeEffects(events, projectWrites);
    this.store = new RecordStore(ds, { entity: ProjectEntity, typeName: 'Project', noun: 'project', alias: 'p', scope: projectScope, onWrite: this.projectWritten }, audit);
  }

  /** One project, or null when it does not exist or the viewer may not see it. Admins and managers also see deleted ones. */
  get(viewer: Viewer, id: string | null): Promise<ProjectEntity | null> {
    return this.store.get(viewer, id);
  }

  async softDelete(viewer: Viewer, id: string | null): Promise<ProjectResult> {
    const also = async (m: EntityManager, project: ProjectEntity) => {
      await this.hooks.left?.(m, viewer, project, 'TRASHED');
      return project;
    };
    return asProject(await this.store.softDelete(viewer, id, { mayChange: canWriteProject, also }));
  }

  async restore(viewer: Viewer, id: string | null): Promise<ProjectResult> {
    return asProject(await this.store.restore(viewer, id, { mayChange: canWriteProject }));
  }

  /** Admins only: removes the project for good. */
  hardDelete(viewer: Viewer, id: string | null): Promise<{ deletedId: string | null; errors: UserErrorData[] }> {
    return this.store.hardDelete(viewer, id, { first: async (m, project) => this.hooks.left?.(m, viewer, project, 'DELETED') });
  }

  /** Projects the viewer may see, filtered, ordered and keyset-paginated. */
  list(viewer: Viewer, args: PageArgs & ProjectListArgs): Promise<ProjectConnection> {
    const { query, order } = this.listQuery(viewer, args);
    return paginate(query, args, order);
  }

  /** What `list` pages through: the query (row rules and filters) and its order. Exports read it whole. */
  listQuery(viewer: Viewer, args: ProjectListArgs): ListQuery<ProjectEntity> {
    const query = this.store.visible(viewer, Boolean(args.filter?.deleted));
    filterProjects(query, args.filter);
    return { query, order: projectOrder(args.orderBy) };
  }

  /** A new project (PLANNING, no cost, no progress) of a customer the viewer may change, owned by the customer's team. */
  async create(viewer: Viewer, input: NewProject): Promise<ProjectResult> {
    const v = new Validator();
    const customer = await this.writableCustomer(viewer, v, input.customerId);
    const values: Partial<ProjectEntity> = {
      customerId: customer?.id,
      name: v.text('name', input.name, { max: 200, min: 2, required: true }) ?? '',
      projectType: input.projectType,
      status: 'PLANNING',
      budget: v.money('budget', input.budget),
      actualCost: '0',
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      completionPercentage: 0,
      teamId: customer?.teamId ?? null,
      createdById: viewer.id,
    };
    checkDates(v, 'endDate', values.startDate ?? null, values.endDate ?? null);
    const crew = await resolveCrew(this.ds, v, 'memberIds', input.memberIds ?? []);
    if (!v.ok) return invalid(v);
    return this.ds.transaction(async (m) => {
      const project = await this.store.writer.create(m, viewer, values);
      if (crew.length) await replaceCrew(m, this.audit, this.projectWritten, viewer, project, crew);
      return { project, errors: [] };
    });
  }

  /** Full changes for those who may write the project; progress reporting (status, completion, cost) for its crew. */
  async update(viewer: Viewer, input: ProjectChanges): Promise<ProjectResult> {
    const existing = await this.store.find(viewer, input.id, false);
    if (!existing) return asProject(this.store.notFound());
    const full = canWriteProject(viewer, existing);
    // A field tech who sees a project is on its crew (see projectScope).
    if (!full && viewer.role !== 'FIELD_TECH') return asProject(this.store.forbidden('You may not change this project.'));
    const v = new Validator();
    const patch = projectPatch(v, existing, full ? input : fieldTechChanges(v, input));
    if (!v.ok) return invalid(v);
    return this.ds.transaction(async (m) => {
      const project = await this.store.writer.update(m, viewer, existing, patch);
      if (project.status !== existing.status) await notifyStatusChanged(m, this.notifications, viewer, project);
      if (project.status === 'COMPLETED' && existing.status !== 'COMPLETED') await this.hooks.completed?.(m, project);
      if (existing.status === 'COMPLETED' && project.status !== 'COMPLETED') {
        await this.hooks.left?.(m, viewer, project, project.status === 'CANCELLED' ? 'CANCELLED' : 'REOPENED');
      }
      return { project, errors: [] };
    });
  }

  /** Replaces the crew with `memberIds` (active users; duplicates ignored) and records the change. */
  async assignTeam(viewer: Viewer, input: ProjectCrewChange): Promise<ProjectResult> {
    const existing = await this.store.find(viewer, input.id, false);
    if (!existing) return asProject(this.store.notFound());
    if (!canWriteProject(viewer, existing)) return asProject(this.store.forbidden('You may not change the crew of this project.'));
    const v = new Validator();
    const crew = await resolveCrew(this.ds, v, 'memberIds', input.memberIds);
    if (!v.ok) return invalid(v);
    return this.ds.transaction(async (m) => {
      await replaceCrew(m, this.audit, this.projectWritten, viewer, existing, crew);
      return { project: await m.getRepository(ProjectEntity).findOneByOrFail({ id: existing.id }), errors: [] };
    });
  }

  /** The customer a new project is for: visible to the viewer (else NOT_FOUND) and theirs to change (else FORBIDDEN). */
  private async writableCustomer(viewer: Viewer, v: Validator, id: string | null): Promise<CustomerEntity | null> {
    const customer = id
      ? await applyScope(this.ds.getRepository(CustomerEntity).createQueryBuilder('c'), customerScope(viewer, 'c')).andWhere('c.id = :id', { id }).getOne()
      : null;
    if (!customer) v.add('customerId', 'NOT_FOUND', 'No such customer.');
    else if (!canWriteCustomer(viewer, customer)) v.add('customerId', 'FORBIDDEN', 'You may not add projects for this customer.');
    else return customer;
    return null;
  }
}
