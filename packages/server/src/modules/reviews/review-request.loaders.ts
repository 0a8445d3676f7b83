import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { ReviewRequestStatus } from '../../generated/graphql';
import { applyScope, NONE, scoped } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { fetchMany } from '../../platform/db/hydrate';
import { byIdLoader } from '../../platform/db/loaders';
import { ReviewRequestEntity } from './review-request.entity';
import { reviewRequestScope } from './review-request.policy';
import { DELIVERY_SQL } from './review-request.sql';

/** How a request's messages went (see `DELIVERY_SQL`). */
export interface Delivery {
  status: ReviewRequestStatus;
  sentAt: Date | null;
  notSentReason: string | null;
  remindersSent: number;
}

/** A customer's referrals from the rating page (see `CustomerReferrals`). */
export interface CustomerReferralsModel {
  leads: number;
  wins: number;
  wonRevenue: string;
}

export function createReviewRequestLoaders(ds: DataSource, viewer: Viewer | null) {
  return {
    /** Requests the viewer may see (null otherwise). */
    reviewRequestById: byIdLoader(ds, ReviewRequestEntity, scoped(viewer, reviewRequestScope)),
    /** Each project's request, if the viewer may see it. */
    reviewRequestByProjectId: new DataLoader<string, ReviewRequestEntity | null>(async (ids) => {
      const qb = applyScope(ds.getRepository(ReviewRequestEntity).createQueryBuilder('rr'), viewer ? reviewRequestScope(viewer, 'rr') : NONE).andWhere(
        'rr.project_id = ANY(:ids)',
        { ids },
      );
      const rows = new Map((await fetchMany(qb)).map((r) => [r.projectId, r]));
      return ids.map((id) => rows.get(id) ?? null);
    }),
    /** Each request's delivery (of requests already visible: no rule of its own). */
    reviewRequestDelivery: new DataLoader<string, Delivery>(async (ids) => {
      const rows: Array<Delivery & { id: string }> = await ds.query(DELIVERY_SQL, [ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? { status: 'NOT_SENT', sentAt: null, notSentReason: null, remindersSent: 0 });
    }),
    /** Each customer's referred leads, wins and won revenue (of customers already visible). */
    customerReferrals: new DataLoader<string, CustomerReferralsModel>(async (ids) => {
      const rows: Array<CustomerReferralsModel & { id: string }> = await ds.query(
        `SELECT l.referred_customer_id AS id, count(*)::int AS leads, count(*) FILTER (WHERE l.status = 'WON')::int AS wins,
                coalesce(sum(l.converted_revenue), 0)::numeric(16, 2)::text AS "wonRevenue"
           FROM leads l WHERE l.referred_customer_id = ANY($1::uuid[]) AND l.deleted_at IS NULL GROUP BY l.referred_customer_id`,
        [ids],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? { leads: 0, wins: 0, wonRevenue: '0.00' });
    }),
  };
}
