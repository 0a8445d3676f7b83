import type { ReviewChange } from '../../generated/graphql';
import { dashboardView } from '../analytics/dashboard.events';
import { viewerTeamIds } from '../../platform/auth/viewer';
import { defineEvent, recordAudience, type RecordWrite, type WriteEffects } from '../realtime/event-definition';
import { ReviewEntity } from './review.entity';
import { reviewScope } from './review.policy';

const CHANGES = { CREATE: 'CREATED', UPDATE: 'UPDATED', DELETE: 'DELETED', HARD_DELETE: 'DELETED', RESTORE: 'RESTORED' } as const satisfies Record<
  RecordWrite<unknown>['action'],
  ReviewChange
>;

const currentReview = recordAudience(ReviewEntity, reviewScope, (loaders) => loaders.reviewById);

/**
 * A review recorded, changed (details, response, flag), deleted or restored: to whoever may see it now (admins, its
 * team's managers and sales, the crew of its project); a deleted one to whoever could see it when it was deleted.
 */
export const reviewUpdated = defineEvent<RecordWrite<Pick<ReviewEntity, 'id' | 'teamId' | 'projectId'>>>({
  type: 'review.updated',
  graphqlType: 'ReviewEvent',
  staleFields: ['reviews', 'reputation'],
  row: ({ action, before, after }) => {
    const r = (after ?? before)!;
    return { entityId: r.id, teamId: r.teamId, data: { change: CHANGES[action], projectId: r.projectId } };
  },
  receive: async (viewer, event, loaders) => {
    if (event.entityId === null) return false;
    if (event.data.change === 'DELETED') {
      if (viewer.role === 'ADMIN') return true;
      const projectId = (event.data.projectId as string | null | undefined) ?? null;
      if (viewer.role === 'FIELD_TECH') return projectId !== null && (await loaders.projectById.load(projectId)) !== null;
      return event.teamId !== null && viewerTeamIds(viewer).includes(event.teamId);
    }
    return (await loaders.reviewById.load(event.entityId)) !== null;
  },
  audience: (event, viewers, lookup) => {
    if (event.entityId === null || event.data.change !== 'DELETED') return currentReview(event, viewers, lookup);
    const projectId = (event.data.projectId as string | null | undefined) ?? null;
    return lookup.snapshot({ team_id: event.teamId, project_id: projectId }, reviewScope).then((sees) => ({ sees }));
  },
});

export const reviewEvents = [reviewUpdated];

/** Review writes are live and move the dashboard's reputation widget. */
export const reviewWrites: WriteEffects<ReviewEntity> = {
  events: { CREATE: reviewUpdated, UPDATE: reviewUpdated, DELETE: reviewUpdated, HARD_DELETE: reviewUpdated, RESTORE: reviewUpdated },
  staleViews: [dashboardView],
};
