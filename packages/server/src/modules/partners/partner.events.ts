import type { PartnerChange, ReferralFeeChange } from '../../generated/graphql';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import { dashboardView } from '../analytics/dashboard.events';
import { defineEvent, recordAudience, type RecordWrite, type WriteEffects } from '../realtime/event-definition';
import { PartnerEntity } from './partner.entity';
import { partnerScope, referralFeeScope } from './partner.policy';
import { ReferralFeeEntity } from './referral-fee.entity';

const CHANGES = { CREATE: 'CREATED', UPDATE: 'UPDATED', DELETE: 'DELETED', HARD_DELETE: 'DELETED', RESTORE: 'RESTORED' } as const satisfies Record<
  RecordWrite<unknown>['action'],
  PartnerChange
>;

const currentPartner = recordAudience(PartnerEntity, partnerScope, (loaders) => loaders.partnerById);

/** Whether the viewer could see a partner of `teamId` (the rule of `partnerScope` on a snapshot, e.g. a deleted one). */
const partnerSnapshotVisible = (viewer: Viewer, teamId: string | null): boolean =>
  viewer.role === 'ADMIN' || (viewer.role !== 'FIELD_TECH' && teamId !== null && viewerTeamIds(viewer).includes(teamId));

/**
 * A partner created, changed (its details, terms or contacts), deleted or restored: to whoever may see it now (admins,
 * its team's managers and sales); a deleted one to whoever could see it when it was deleted.
 */
export const partnerUpdated = defineEvent<RecordWrite<Pick<PartnerEntity, 'id' | 'teamId'>>>({
  type: 'partner.updated',
  graphqlType: 'PartnerEvent',
  staleFields: ['partners', 'partnerPerformance'],
  row: ({ action, before, after }) => {
    const p = (after ?? before)!;
    return { entityId: p.id, teamId: p.teamId, data: { change: CHANGES[action] } };
  },
  receive: async (viewer, event, loaders) => {
    if (event.entityId === null) return false;
    if (event.data.change === 'DELETED') return partnerSnapshotVisible(viewer, event.teamId);
    return (await loaders.partnerById.load(event.entityId)) !== null;
  },
  audience: (event, viewers, lookup) => {
    if (event.entityId === null || event.data.change !== 'DELETED') return currentPartner(event, viewers, lookup);
    return lookup.snapshot({ team_id: event.teamId }, partnerScope).then((sees) => ({ sees }));
  },
});

/** A referral fee accrued, approved, paid or voided: to admins and the managers of its team (whoever may see it now). */
export const referralFeeUpdated = defineEvent<RecordWrite<Pick<ReferralFeeEntity, 'id' | 'teamId' | 'partnerId' | 'status'>>>({
  type: 'referralFee.updated',
  graphqlType: 'ReferralFeeEvent',
  staleFields: ['referralFees', 'partnerPerformance'],
  row: ({ after, before }) => {
    const f = (after ?? before)!;
    const change: ReferralFeeChange = f.status;
    return { entityId: f.id, teamId: f.teamId, data: { change, partnerId: f.partnerId } };
  },
  receive: async (_viewer, event, loaders) => event.entityId !== null && (await loaders.referralFeeById.load(event.entityId)) !== null,
  audience: recordAudience(ReferralFeeEntity, referralFeeScope, (loaders) => loaders.referralFeeById),
});

export const partnerEvents = [partnerUpdated, referralFeeUpdated];

/** Partner writes are live; deleting or restoring one moves the dashboard's top partners. */
export const partnerWrites: WriteEffects<PartnerEntity> = {
  events: { CREATE: partnerUpdated, UPDATE: partnerUpdated, DELETE: partnerUpdated, HARD_DELETE: partnerUpdated, RESTORE: partnerUpdated },
  staleViews: [dashboardView],
};

/** Fee writes are live and move the fee sums of partner performance (the dashboard's top partners). */
export const referralFeeWrites: WriteEffects<ReferralFeeEntity> = {
  events: { CREATE: referralFeeUpdated, UPDATE: referralFeeUpdated },
  staleViews: [dashboardView],
};
