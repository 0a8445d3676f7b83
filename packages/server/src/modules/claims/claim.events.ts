import type { ClaimChange } from '../../generated/graphql';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import { dashboardView } from '../analytics/dashboard.events';
import type { Loaders } from '../loaders';
import { defineEvent, recordAudience, type RecordWrite, type WriteEffects } from '../realtime/event-definition';
import type { OutboxEventModel } from '../realtime/outbox-event';
import { ClaimEntity } from './claim.entity';
import { claimScope } from './claim.policy';

const CHANGES = { CREATE: 'CREATED', UPDATE: 'UPDATED', DELETE: 'DELETED', HARD_DELETE: 'DELETED', RESTORE: 'RESTORED' } as const satisfies Record<
  RecordWrite<unknown>['action'],
  ClaimChange
>;

type ClaimSnapshot = Pick<ClaimEntity, 'id' | 'teamId' | 'leadId' | 'projectId'>;

const currentClaim = recordAudience(ClaimEntity, claimScope, (loaders) => loaders.claimById);
const parentOf = (event: OutboxEventModel, key: 'leadId' | 'projectId') => (event.data[key] as string | null | undefined) ?? null;

/** Whether the viewer could see a claim as it was when deleted: `claimScope` on the snapshot's columns. */
async function snapshotVisible(viewer: Viewer, event: OutboxEventModel, loaders: Loaders): Promise<boolean> {
  const projectId = parentOf(event, 'projectId');
  const inTeam = event.teamId !== null && viewerTeamIds(viewer).includes(event.teamId);
  switch (viewer.role) {
    case 'ADMIN':
      return true;
    case 'MANAGER':
      return inTeam;
    case 'SALES': {
      if (projectId) return inTeam;
      const leadId = parentOf(event, 'leadId');
      return leadId !== null && (await loaders.leadById.load(leadId)) !== null;
    }
    case 'FIELD_TECH':
      return projectId !== null && (await loaders.projectById.load(projectId)) !== null;
  }
}

/**
 * A claim recorded, changed (details, money, stage, adjuster, its supplements or payments), deleted or restored: to
 * whoever may see it now; a deleted one to whoever could see it when it was deleted.
 */
export const claimUpdated = defineEvent<RecordWrite<ClaimSnapshot>>({
  type: 'claim.updated',
  graphqlType: 'ClaimEvent',
  staleFields: ['claims'],
  row: ({ action, before, after }) => {
    const c = (after ?? before)!;
    return { entityId: c.id, teamId: c.teamId, data: { change: CHANGES[action], leadId: c.leadId, projectId: c.projectId } };
  },
  receive: async (viewer, event, loaders) => {
    if (event.entityId === null) return false;
    if (event.data.change === 'DELETED') return snapshotVisible(viewer, event, loaders);
    return (await loaders.claimById.load(event.entityId)) !== null;
  },
  audience: (event, viewers, lookup) => {
    if (event.entityId === null || event.data.change !== 'DELETED') return currentClaim(event, viewers, lookup);
    const columns = { team_id: event.teamId, lead_id: parentOf(event, 'leadId'), project_id: parentOf(event, 'projectId') };
    return lookup.snapshot(columns, claimScope).then((sees) => ({ sees }));
  },
});

export const claimEvents = [claimUpdated];

/** Claim writes are live and move the dashboard's claims widget. */
export const claimWrites: WriteEffects<ClaimEntity> = {
  events: { CREATE: claimUpdated, UPDATE: claimUpdated, DELETE: claimUpdated, HARD_DELETE: claimUpdated, RESTORE: claimUpdated },
  staleViews: [dashboardView],
};
