import { dashboardView } from '../analytics/dashboard.events';
import { defineEvent, recordAudience, type EventDefinition, type RecordWrite, type WriteEffects } from '../realtime/event-definition';
import { LeadEntity } from './lead.entity';
import { leadScope, leadSnapshotVisible } from './lead.policy';

type LeadKeys = Pick<LeadEntity, 'id' | 'teamId' | 'assigneeId'>;

const row = ({ before, after }: RecordWrite<LeadKeys>) => {
  const lead = (after ?? before)!;
  return { entityId: lead.id, teamId: lead.teamId, data: { assigneeId: lead.assigneeId ?? null } };
};

/** Live lead events go to whoever may see the lead now. */
const leadEvent = (type: string): EventDefinition<RecordWrite<LeadKeys>> =>
  defineEvent({
    type,
    graphqlType: 'LeadEvent',
    staleFields: ['leads'],
    row,
    receive: async (_viewer, event, loaders) => event.entityId !== null && (await loaders.leadById.load(event.entityId)) !== null,
    audience: recordAudience(LeadEntity, leadScope, (loaders) => loaders.leadById),
  });

export const leadCreated = leadEvent('lead.created');
export const leadUpdated = leadEvent('lead.updated');
export const leadRestored = leadEvent('lead.restored');
export const leadDeleted = defineEvent<RecordWrite<LeadKeys>>({
  type: 'lead.deleted',
  graphqlType: 'LeadEvent',
  staleFields: ['leads'],
  row,
  // Gone from queries: whoever could see it when it was deleted.
  receive: (viewer, event) => leadSnapshotVisible(viewer, { teamId: event.teamId, assigneeId: (event.data.assigneeId as string | null | undefined) ?? null }),
});

export const leadEvents = [leadCreated, leadUpdated, leadDeleted, leadRestored];

export const leadWrites: WriteEffects<LeadEntity> = {
  events: { CREATE: leadCreated, UPDATE: leadUpdated, DELETE: leadDeleted, HARD_DELETE: leadDeleted, RESTORE: leadRestored },
  staleViews: [dashboardView],
};
