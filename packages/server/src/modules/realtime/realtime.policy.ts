import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import { leadSnapshotVisible } from '../leads/lead.policy';
import type { Loaders } from '../loaders';
import type { OutboxEventModel } from './outbox-event';

/**
 * Whether `viewer` may receive `event` now. Checked for every delivery (and every catch-up) with fresh loaders, so
 * the rules are those in force at delivery time: a field tech taken off a project stops getting its events.
 */
export async function canReceive(viewer: Viewer, event: OutboxEventModel, loaders: Loaders): Promise<boolean> {
  const teams = viewerTeamIds(viewer);
  switch (event.type) {
    case 'lead.created':
    case 'lead.updated':
    case 'lead.restored':
      return event.entityId !== null && (await loaders.leadById.load(event.entityId)) !== null;
    case 'lead.deleted':
      // The lead is gone from queries; decide from who could see it when it was deleted.
      return leadSnapshotVisible(viewer, { teamId: event.teamId, assigneeId: (event.data.assigneeId as string | null | undefined) ?? null });
    case 'project.updated':
      return event.entityId !== null && (await loaders.projectById.load(event.entityId)) !== null;
    case 'appointment.updated': {
      // Exactly the viewers the appointments policy lets see it; a deleted one by who could see it when it was deleted.
      if (event.entityId === null) return false;
      if (event.data.change !== 'DELETED') return (await loaders.appointmentById.load(event.entityId)) !== null;
      const { assigneeId = null, projectId = null } = event.data as { assigneeId?: string | null; projectId?: string | null };
      return loaders.appointmentSnapshotVisible.load({ teamId: event.teamId, assigneeId, projectId });
    }
    case 'notification.created':
    case 'appointment.reminder':
      return event.recipientId === viewer.id;
    case 'dashboard.updated':
      if (viewer.role === 'ADMIN') return true;
      if (viewer.role === 'FIELD_TECH') return false;
      return event.teamId !== null && (viewer.role === 'MANAGER' ? teams : [viewer.teamId]).includes(event.teamId);
    case 'session.revoked':
      return false; // for servers only (closing the sessions' sockets)
  }
}
