import { canWriteTeamRecord, myProjectIds, roleScope, scopeParams, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { ReviewEntity } from './review.entity';

/**
 * Reviews a viewer may see: admins all; managers and sales their teams' reviews (as customers); field techs the
 * reviews of projects they are on (read-only).
 */
export const reviewScope = (viewer: Viewer, alias: string): Scope =>
  roleScope(viewer, alias, { sales: 'team', fieldTech: (v, a) => ({ sql: `${a}.project_id IN ${myProjectIds}`, params: scopeParams(v) }) });

/** Recording, changing, responding to and flagging a review needs sales rights on its team (admins: any). */
export const canWriteReview = (viewer: Viewer, review: Pick<ReviewEntity, 'teamId'>): boolean => canWriteTeamRecord(viewer, review);
