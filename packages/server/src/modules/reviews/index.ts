import type { Feature } from '../feature';
import { reviewExport } from './review.export';
import { ReviewEntity } from './review.entity';
import { reviewEvents } from './review.events';
import { createReviewLoaders } from './review.loaders';
import { reviewResolvers } from './review.resolvers';
import { ReviewRequestEntity } from './review-request.entity';
import { reviewRequestUpdated } from './review-request.events';
import { createReviewRequestLoaders } from './review-request.loaders';
import { reviewRequestResolvers } from './review-request.resolvers';

export const reviews: Feature = {
  name: 'reviews',
  exports: [reviewExport],
  entities: [ReviewEntity, ReviewRequestEntity],
  resolvers: [reviewResolvers, reviewRequestResolvers],
  loaders: (ds, viewer) => ({ ...createReviewLoaders(ds, viewer), ...createReviewRequestLoaders(ds, viewer) }),
  events: [...reviewEvents, reviewRequestUpdated],
  nodeTypes: [
    { typeName: 'Review', entity: ReviewEntity, load: (id, _g, { loaders }) => loaders.reviewById.load(id) },
    { typeName: 'ReviewRequest', entity: ReviewRequestEntity, load: (id, _g, { loaders }) => loaders.reviewRequestById.load(id) },
  ],
};

declare module '../loaders' {
  interface Loaders extends ReturnType<typeof createReviewLoaders>, ReturnType<typeof createReviewRequestLoaders> {}
}
