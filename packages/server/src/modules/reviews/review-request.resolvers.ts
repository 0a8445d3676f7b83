import type { Resolvers, ReviewRequestChange } from '../../generated/graphql';
import { idOf, keysIn, toGlobalId } from '../../platform/graphql/global-id';
import { eventFields, liveStream } from '../realtime/live-stream';
import { reviewRequestUpdated } from './review-request.events';

const IDS = { projectId: 'Project', customerId: 'Customer' } as const;

export const reviewRequestResolvers: Resolvers = {
  Query: {
    reviewRequest: (_, { id }, { services, viewer }) => services.reviewRequests.get(viewer, idOf('ReviewRequest', id)),
    reviewRequests: (_, { filter, ...rest }, { services, viewer }) => services.reviewRequests.list(viewer, { ...rest, filter: filter && keysIn(filter, IDS) }),
    reviewSettings: (_, __, { services, viewer }) => services.reviewRequests.settings(viewer),
  },
  Mutation: {
    requestReview: async (_, { projectId }, { services, viewer, loaders }) => {
      const result = await services.reviewRequests.request(viewer, idOf('Project', projectId));
      if (result.reviewRequest) loaders.reviewRequestById.prime(result.reviewRequest.id, result.reviewRequest);
      return result;
    },
    updateReviewSettings: (_, { input }, { services, viewer }) => services.reviewRequests.updateSettings(viewer, input),
  },
  Subscription: {
    reviewRequestUpdated: liveStream([reviewRequestUpdated]),
  },
  ReviewRequestEvent: {
    ...eventFields,
    change: (e) => e.data.change as ReviewRequestChange,
    reviewRequest: (e, _, { loaders }) => (e.entityId ? loaders.reviewRequestById.load(e.entityId) : null),
  },
  ReviewRequest: {
    id: (r) => toGlobalId('ReviewRequest', r.id),
    project: (r, _, { loaders }) => loaders.projectById.load(r.projectId),
    customer: (r, _, { loaders }) => (r.customerId ? loaders.customerById.load(r.customerId) : null),
    status: (r, _, { loaders }) => loaders.reviewRequestDelivery.load(r.id).then((d) => d.status),
    sentAt: (r, _, { loaders }) => loaders.reviewRequestDelivery.load(r.id).then((d) => d.sentAt),
    remindersSent: (r, _, { loaders }) => loaders.reviewRequestDelivery.load(r.id).then((d) => d.remindersSent),
    notSentReason: (r, _, { loaders }) => loaders.reviewRequestDelivery.load(r.id).then((d) => (d.status === 'NOT_SENT' ? d.notSentReason : null)),
    cancelReason: (r) => (r.status === 'CANCELLED' ? r.cancelReason : null),
    cancelledAt: (r) => (r.status === 'CANCELLED' ? r.cancelledAt : null),
    rating: (r) => (r.status === 'ANSWERED' ? r.rating : null),
    review: (r, _, { loaders }) => (r.reviewId ? loaders.reviewById.load(r.reviewId) : null),
    referralCount: (r) => r.referrals,
    createdBy: (r, _, { loaders }) => (r.createdById ? loaders.userById.load(r.createdById) : null),
  },
  ReviewRequestConnection: {
    totalCount: (c) => c.totalCount(),
  },
  ReviewSettings: {
    updatedBy: (s, _, { loaders }) => (s.updatedById ? loaders.userById.load(s.updatedById) : null),
  },
  Project: {
    reviewRequest: (p, _, { loaders }) => loaders.reviewRequestByProjectId.load(p.id),
  },
  Customer: {
    referrals: (c, _, { loaders }) => loaders.customerReferrals.load(c.id),
  },
  Lead: {
    referringCustomer: (l, _, { loaders }) => (l.referredCustomerId ? loaders.customerById.load(l.referredCustomerId) : null),
  },
};
