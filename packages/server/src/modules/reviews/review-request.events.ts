import type { ReviewRequestChange } from '../../generated/graphql';
import { defineEvent, recordAudience } from '../realtime/event-definition';
import { ReviewRequestEntity } from './review-request.entity';
import { reviewRequestScope } from './review-request.policy';

/** A review request that was made or cancelled. */
export interface RequestChanged {
  id: string;
  teamId: string | null;
  change: ReviewRequestChange;
}

/**
 * A review request made or cancelled (by a change to its project, or by its send job): to whoever may see it now
 * (admins, its team's managers and sales), so the office's list of requests shows it at once.
 */
export const reviewRequestUpdated = defineEvent<RequestChanged>({
  type: 'reviewRequest.updated',
  graphqlType: 'ReviewRequestEvent',
  staleFields: ['reviewRequests'],
  row: ({ id, teamId, change }) => ({ entityId: id, teamId, data: { change } }),
  receive: async (_viewer, event, loaders) => event.entityId !== null && (await loaders.reviewRequestById.load(event.entityId)) !== null,
  audience: recordAudience(ReviewRequestEntity, reviewRequestScope, (loaders) => loaders.reviewRequestById),
});
