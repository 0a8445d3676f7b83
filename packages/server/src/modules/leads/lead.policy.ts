import { NONE, canWriteAssignable, roleScope, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import type { LeadEntity } from './lead.entity';

/**
 * Leads a viewer may see: admins all; managers their teams' leads; sales the leads assigned to them and the
 * unassigned leads of their team; field techs none.
 */
export const leadScope = (viewer: Viewer, alias: string): Scope => roleScope(viewer, alias, { sales: 'assigned', fieldTech: () => NONE });

/** Whether the viewer may change a lead they can see (sales: theirs or unassigned in their team). */
export const canWriteLead = (viewer: Viewer, lead: LeadEntity): boolean => canWriteAssignable(viewer, lead);

/**
 * Whether the viewer could see a lead as it was (e.g. when it was deleted, when no query returns it any more): the
 * rule of `leadScope`, applied to the snapshot's columns.
 */
export const leadSnapshotVisible = (viewer: Viewer, snapshot: { teamId: string | null; assigneeId: string | null }): boolean =>
  canWriteAssignable(viewer, snapshot);
