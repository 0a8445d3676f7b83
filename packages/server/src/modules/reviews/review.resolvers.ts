import type { Resolvers } from '../../generated/graphql';
import { primeFrom } from '../../platform/db/loaders';
import { idOf, keyOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import type { Loaders } from '../loaders';
import { byId, eventFields, liveStream } from '../realtime/live-stream';
import { reviewUpdated } from './review.events';
import { MAX_NESTED_REVIEWS, type ReviewResult } from './review.service';

/** Keeps the request's loaders in step with a write, so later fields in the same response see it. */
const primed = (loaders: Loaders) => primeFrom(loaders.reviewById, (r: ReviewResult) => r.review);
const IDS = { customerId: 'Customer', projectId: 'Project' } as const;
const byReview = byId('reviewId', (g) => idOf('Review', g), (e) => e.entityId);
/** The first `first` (1 to MAX_NESTED_REVIEWS) of a nested list. */
const firstOf = <T>(rows: T[], first: number | null | undefined) => rows.slice(0, Math.min(Math.max(first ?? 20, 0), MAX_NESTED_REVIEWS));

export const reviewResolvers: Resolvers = {
  Query: {
    review: (_, { id }, { services, viewer }) => services.reviews.get(viewer, idOf('Review', id)),
    reviews: (_, { filter, ...rest }, { services, viewer }) => services.reviews.list(viewer, { ...rest, filter: filter && keysIn(filter, IDS) }),
    reputation: (_, { range, teamId }, { services, viewer }) => services.reputation.report(viewer, range, teamId ? keyOf('Team', teamId)! : null),
  },
  Mutation: {
    createReview: (_, { input }, { services, viewer, loaders }) => services.reviews.create(viewer, keysIn(input, IDS)).then(primed(loaders)),
    updateReview: (_, { input }, { services, viewer, loaders }) =>
      services.reviews.update(viewer, { ...input, id: idOf('Review', input.id) }).then(primed(loaders)),
    respondToReview: (_, { id, text }, { services, viewer, loaders }) =>
      services.reviews.respond(viewer, idOf('Review', id), text).then(primed(loaders)),
    flagReview: (_, { id, reason }, { services, viewer, loaders }) =>
      services.reviews.flag(viewer, idOf('Review', id), reason).then(primed(loaders)),
    deleteReview: (_, { id }, { services, viewer, loaders }) => services.reviews.softDelete(viewer, idOf('Review', id)).then(primed(loaders)),
    restoreReview: (_, { id }, { services, viewer, loaders }) => services.reviews.restore(viewer, idOf('Review', id)).then(primed(loaders)),
  },
  Subscription: {
    reviewUpdated: liveStream([reviewUpdated], byReview),
  },
  Review: {
    id: (r) => toGlobalId('Review', r.id),
    customer: (r, _, { loaders }) => (r.customerId ? loaders.customerById.load(r.customerId) : null),
    project: (r, _, { loaders }) => (r.projectId ? loaders.projectById.load(r.projectId) : null),
    owningTeam: (r, _, { loaders }) => (r.teamId ? loaders.teamById.load(r.teamId) : null),
    createdBy: (r, _, { loaders }) => (r.createdById ? loaders.userById.load(r.createdById) : null),
    response: (r) => (r.responseText && r.respondedAt ? { text: r.responseText, respondedAt: r.respondedAt, respondedById: r.respondedById } : null),
  },
  ReviewResponse: {
    respondedBy: (r, _, { loaders }) => {
      const id = (r as { respondedById?: string | null }).respondedById;
      return id ? loaders.userById.load(id) : null;
    },
  },
  TeamReputation: {
    team: (r, _, { loaders }) => loaders.teamById.load((r as unknown as { teamId: string }).teamId).then((t) => t!),
  },
  SalespersonReputation: {
    user: (r, _, { loaders }) => loaders.userById.load((r as unknown as { userId: string }).userId).then((u) => u!),
  },
  ReviewConnection: {
    totalCount: (c) => c.totalCount(),
  },
  Customer: {
    reviews: (c, { first }, { loaders }) => loaders.reviewsByCustomerId.load(c.id).then((rows) => firstOf(rows, first)),
  },
  Project: {
    reviews: (p, { first }, { loaders }) => loaders.reviewsByProjectId.load(p.id).then((rows) => firstOf(rows, first)),
  },
  ReviewEvent: {
    ...eventFields,
    change: (e) => e.data.change as 'CREATED' | 'UPDATED' | 'DELETED' | 'RESTORED',
    review: (e, _, { loaders }) => (e.data.change === 'DELETED' || !e.entityId ? null : loaders.reviewById.load(e.entityId)),
  },
};
