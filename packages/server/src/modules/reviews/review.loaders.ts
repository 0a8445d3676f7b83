import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { applyScope, NONE, scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchMany } from '../../platform/db/hydrate';
import { byIdLoader } from '../../platform/db/loaders';
import { ReviewEntity } from './review.entity';
import { reviewScope } from './review.policy';
import { MAX_NESTED_REVIEWS } from './review.service';

/** Active reviews the viewer may see with `column` among `keys`, newest posted first, at most MAX_NESTED_REVIEWS each. */
function reviewsBy(ds: DataSource, viewer: Viewer | null, column: 'customer_id' | 'project_id', key: 'customerId' | 'projectId') {
  return new DataLoader<string, ReviewEntity[]>(async (keys) => {
    const qb = applyScope(ds.getRepository(ReviewEntity).createQueryBuilder('r'), viewer ? reviewScope(viewer, 'r') : NONE)
      .andWhere(`r.${column} = ANY(:keys)`, { keys })
      .orderBy('r.posted_at', 'DESC')
      .addOrderBy('r.id', 'DESC');
    const groups = new Map<string, ReviewEntity[]>(keys.map((k) => [k, []]));
    for (const r of await fetchMany(qb)) {
      const list = groups.get(r[key]!);
      if (list && list.length < MAX_NESTED_REVIEWS) list.push(r);
    }
    return keys.map((k) => groups.get(k)!);
  });
}

export function createReviewLoaders(ds: DataSource, viewer: Viewer | null) {
  return {
    /** Reviews the viewer may see (null otherwise). */
    reviewById: byIdLoader(ds, ReviewEntity, scoped(viewer, reviewScope)),
    /** Each customer's reviews that the viewer may see. */
    reviewsByCustomerId: reviewsBy(ds, viewer, 'customer_id', 'customerId'),
    /** Each project's reviews that the viewer may see. */
    reviewsByProjectId: reviewsBy(ds, viewer, 'project_id', 'projectId'),
  };
}
