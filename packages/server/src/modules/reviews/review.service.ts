import { Brackets, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { applyScope, canWriteTeamRecord } from '../../platform/auth/scope';
import type { CreateReviewInput, ReviewFilter, ReviewOrder, UpdateReviewInput } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchOne } from '../../platform/db/hydrate';
import { paginate, type Connection, type ListQuery, type PageArgs } from '../../platform/db/pagination';
import { RecordStore, type RecordResult } from '../../platform/db/record-store';
import { likePattern } from '../../platform/db/search';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { CustomerEntity } from '../customers/customer.entity';
import { customerScope } from '../customers/customer.policy';
import { ProjectEntity } from '../projects/project.entity';
import { projectScope } from '../projects/project.policy';
import { writeEffects, type EventSink } from '../realtime/event-definition';
import { resolveOwningTeam } from '../teams/owning-team';
import { ReviewEntity } from './review.entity';
import { reviewWrites } from './review.events';
import { canWriteReview, reviewScope } from './review.policy';

export type ReviewConnection = Connection<ReviewEntity>;

/** Keys instead of global IDs (NO_MATCH_ID when an ID named nothing of its type). */
export interface ReviewListFilter extends Omit<ReviewFilter, 'customerId' | 'projectId'> {
  customerId?: string | null;
  projectId?: string | null;
}
export interface ReviewListArgs {
  filter?: ReviewListFilter | null;
  orderBy?: ReviewOrder | null;
}
export interface NewReview extends Omit<CreateReviewInput, 'customerId' | 'projectId'> {
  customerId?: string | null;
  projectId?: string | null;
}
export interface ReviewChanges extends Omit<UpdateReviewInput, 'id'> {
  id: string | null;
}

export interface ReviewResult {
  review: ReviewEntity | null;
  errors: UserErrorData[];
}

/** Longest review or response text. */
export const MAX_REVIEW_TEXT = 5000;
/** At most this many reviews under one customer or project (`Customer.reviews`, `Project.reviews`). */
export const MAX_NESTED_REVIEWS = 50;

const ORDER_COLUMNS = {
  POSTED_AT: { sql: 'r.posted_at', value: (r: ReviewEntity) => r.postedAt },
  RATING: { sql: 'r.rating', value: (r: ReviewEntity) => r.rating },
} as const;

const asReview = (r: RecordResult<ReviewEntity>): ReviewResult => ({ review: r.row, errors: r.errors });

/** Customer reviews: lists under the row rules; recording, responding, flagging and the trash checked and audited. */
export class ReviewService {
  private readonly store: RecordStore<ReviewEntity>;

  constructor(
    private readonly ds: DataSource,
    audit: AuditService,
    events: EventSink,
  ) {
    const kind = { entity: ReviewEntity, typeName: 'Review', noun: 'review', alias: 'r', scope: reviewScope };
    this.store = new RecordStore(ds, { ...kind, onWrite: writeEffects(events, reviewWrites) }, audit);
  }

  /** One review, or null when it does not exist or the viewer may not see it. Admins and managers also see deleted ones. */
  get(viewer: Viewer, id: string | null): Promise<ReviewEntity | null> {
    return this.store.get(viewer, id);
  }

  /** Reviews the viewer may see, filtered, ordered (newest posted first when not told) and keyset-paginated. */
  list(viewer: Viewer, args: PageArgs & ReviewListArgs): Promise<ReviewConnection> {
    const { query, order } = this.listQuery(viewer, args);
    return paginate(query, args, order);
  }

  /** What `list` pages through: the query (row rules and filters) and its order. Exports read it whole. */
  listQuery(viewer: Viewer, args: ReviewListArgs): ListQuery<ReviewEntity> {
    const order = ORDER_COLUMNS[args.orderBy?.field ?? 'POSTED_AT'];
    return this.store.query(viewer, args, order, args.orderBy?.direction ?? 'DESC', (qb) => this.filter(qb, args.filter));
  }

  async create(viewer: Viewer, input: NewReview): Promise<ReviewResult> {
    const v = new Validator();
    const values: Partial<ReviewEntity> = { ...this.details(v, input), status: 'NEW', createdById: viewer.id };
    const project = input.projectId ? await this.linked(v, viewer, ProjectEntity, 'projectId', input.projectId) : null;
    let customerId = input.customerId ?? project?.customerId ?? null;
    const customer = customerId ? await this.linked(v, viewer, CustomerEntity, 'customerId', customerId) : null;
    if (project && customer && project.customerId !== customer.id) v.add('projectId', 'INVALID', "The project is not the customer's.");
    if (input.customerId && !customer) customerId = null;
    const teamId = project ? project.teamId : customer ? customer.teamId : await resolveOwningTeam(this.ds, v, viewer, undefined);
    if (!v.ok) return { review: null, errors: v.errors };
    Object.assign(values, { projectId: project?.id ?? null, customerId: customer?.id ?? null, teamId });
    return this.ds.transaction(async (m) => ({ review: await this.store.writer.create(m, viewer, values), errors: [] }));
  }

  /** Records a customer's answer on the rating page as an INTERNAL review, in the caller's transaction (no staff author). */
  recordAnswer(m: EntityManager, a: { rating: number; text: string | null; authorName: string; customerId: string | null; projectId: string; teamId: string | null }): Promise<ReviewEntity> {
    return this.store.writer.create(m, null, { ...a, platform: 'INTERNAL', status: 'NEW', postedAt: new Date(), url: null, createdById: null });
  }

  async update(viewer: Viewer, input: ReviewChanges): Promise<ReviewResult> {
    const existing = await this.writable(viewer, input.id);
    if (!existing.review) return existing;
    const v = new Validator();
    const patch = this.details(v, input);
    if (!v.ok) return { review: null, errors: v.errors };
    return this.ds.transaction(async (m) => ({ review: await this.store.writer.update(m, viewer, existing.review!, patch), errors: [] }));
  }

  async respond(viewer: Viewer, id: string | null, text: string): Promise<ReviewResult> {
    const existing = await this.writable(viewer, id);
    if (!existing.review) return existing;
    const v = new Validator();
    const responseText = v.text('text', text, { max: MAX_REVIEW_TEXT, required: true });
    if (!v.ok) return { review: null, errors: v.errors };
    const patch: Partial<ReviewEntity> = { responseText, respondedById: viewer.id, respondedAt: new Date(), status: 'RESPONDED', flagReason: null };
    return this.ds.transaction(async (m) => ({ review: await this.store.writer.update(m, viewer, existing.review!, patch), errors: [] }));
  }

  async flag(viewer: Viewer, id: string | null, reason: string): Promise<ReviewResult> {
    const existing = await this.writable(viewer, id);
    if (!existing.review) return existing;
    const v = new Validator();
    const flagReason = v.text('reason', reason, { max: 1000, required: true });
    if (!v.ok) return { review: null, errors: v.errors };
    return this.ds.transaction(async (m) => ({ review: await this.store.writer.update(m, viewer, existing.review!, { status: 'FLAGGED', flagReason }), errors: [] }));
  }

  async softDelete(viewer: Viewer, id: string | null): Promise<ReviewResult> {
    return asReview(await this.store.softDelete(viewer, id, { mayChange: canWriteReview }));
  }

  async restore(viewer: Viewer, id: string | null): Promise<ReviewResult> {
    return asReview(await this.store.restore(viewer, id, { mayChange: canWriteReview }));
  }

  /** The given details, validated (the ones not given are left out). */
  private details(v: Validator, input: Omit<UpdateReviewInput, 'id'> & { id?: unknown }): Partial<ReviewEntity> {
    const patch: Partial<ReviewEntity> = {};
    if (input.platform != null) patch.platform = input.platform;
    if (input.rating != null) {
      patch.rating = input.rating;
      if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) v.add('rating', 'OUT_OF_RANGE', 'Rating must be between 1 and 5 stars.');
    } else if ('rating' in input && input.rating === null) v.add('rating', 'REQUIRED', 'Rating is required.');
    if (input.text !== undefined) patch.text = v.text('text', input.text, { max: MAX_REVIEW_TEXT });
    if (input.authorName !== undefined || !('id' in input)) patch.authorName = v.text('authorName', input.authorName, { max: 200, required: true }) ?? '';
    if (input.postedAt != null) {
      if (input.postedAt.getTime() > Date.now() + 60_000) v.add('postedAt', 'OUT_OF_RANGE', 'The posting time must not be in the future.');
      patch.postedAt = input.postedAt;
    }
    if (input.url !== undefined) patch.url = v.url('url', input.url, { max: 2000 });
    if (!('id' in input) && patch.postedAt === undefined) patch.postedAt = new Date();
    return patch;
  }

  /** A customer or project to link, which the viewer must be able to see (NOT_FOUND) and change (FORBIDDEN). */
  private async linked<T extends CustomerEntity | ProjectEntity>(v: Validator, viewer: Viewer, entity: new () => T, field: string, id: string): Promise<T | null> {
    const scope = entity === (CustomerEntity as unknown) ? customerScope(viewer, 'x') : projectScope(viewer, 'x');
    const row = (await fetchOne(applyScope(this.ds.getRepository(entity).createQueryBuilder('x'), scope).andWhere('x.id = :id', { id }))) as T | null;
    if (!row) v.add(field, 'NOT_FOUND', `No such ${field === 'customerId' ? 'customer' : 'project'}.`);
    else if (!canWriteTeamRecord(viewer, row)) v.add(field, 'FORBIDDEN', 'You may not record reviews for it.');
    else return row;
    return null;
  }

  /** The review behind an id, if the viewer may change it (NOT_FOUND or FORBIDDEN otherwise). */
  private async writable(viewer: Viewer, id: string | null): Promise<ReviewResult> {
    const review = await this.store.find(viewer, id, false);
    if (!review) return asReview(this.store.notFound());
    if (!canWriteReview(viewer, review)) return asReview(this.store.forbidden('You may not change this review.'));
    return { review, errors: [] };
  }

  private filter(qb: SelectQueryBuilder<ReviewEntity>, f: ReviewListFilter | null | undefined): void {
    if (!f) return;
    const like = likePattern(f.search);
    if (like) qb.andWhere(new Brackets((w) => w.where('lower(r.author_name) LIKE :like', { like }).orWhere('lower(r.text) LIKE :like', { like })));
    if (f.platforms?.length) qb.andWhere('r.platform = ANY(:platforms)', { platforms: f.platforms });
    if (f.statuses?.length) qb.andWhere('r.status = ANY(:statuses)', { statuses: f.statuses });
    if (f.minRating != null) qb.andWhere('r.rating >= :minRating', { minRating: f.minRating });
    if (f.maxRating != null) qb.andWhere('r.rating <= :maxRating', { maxRating: f.maxRating });
    if (f.customerId) qb.andWhere('r.customer_id = :customerId', { customerId: f.customerId });
    if (f.projectId) qb.andWhere('r.project_id = :projectId', { projectId: f.projectId });
  }
}
