import type { AppointmentChange, LeadEventType, Resolvers } from '../../generated/graphql';
import type { GraphQLContext, SignedIn } from '../../graphql-context';
import { idOf } from '../../platform/graphql/global-id';
import type { OutboxEventModel, OutboxEventType } from './outbox-event';
import type { Delivery } from './realtime.service';

const LEAD_EVENT_TYPES: Record<string, LeadEventType> = {
  'lead.created': 'CREATED',
  'lead.updated': 'UPDATED',
  'lead.deleted': 'DELETED',
  'lead.restored': 'RESTORED',
};

/** An optional ID argument as a filter on the event: no argument matches everything; a foreign or bad ID nothing. */
const byId = (type: string, globalId: string | null | undefined, pick: (e: OutboxEventModel) => string | null) => {
  if (!globalId) return () => true;
  const id = idOf(type, globalId);
  return (e: OutboxEventModel) => id !== null && pick(e) === id;
};

/**
 * Subscription field: a filtered event stream, resolved as the event itself. Each event's payload resolves with the
 * fresh loaders it was checked with (current data, current rules), not those of the subscription's start.
 */
function stream(types: OutboxEventType[], filter?: (args: Record<string, unknown>) => (e: OutboxEventModel) => boolean) {
  return {
    subscribe: (_: unknown, args: Record<string, unknown>, ctx: SignedIn<GraphQLContext>) => ctx.services.realtime.subscribe(ctx.viewer, types, filter?.(args)),
    resolve: ({ event, loaders }: Delivery, _args: unknown, ctx: GraphQLContext) => {
      ctx.loaders = loaders;
      return event;
    },
  };
}

const common = {
  eventId: (e: OutboxEventModel) => e.seq,
  occurredAt: (e: OutboxEventModel) => e.occurredAt,
};

export const realtimeResolvers: Resolvers = {
  Query: {
    missedEvents: (_, { since, first }, ctx) => ctx.services.realtime.missed(ctx.viewer, ctx.loaders, since, first ?? 200),
    latestEventId: (_, __, { services }) => services.realtime.latest(),
  },
  Subscription: {
    leadCreated: stream(['lead.created'], (a) => byId('Team', a.teamId as string | null, (e) => e.teamId)),
    leadUpdated: stream(['lead.updated', 'lead.deleted', 'lead.restored'], (a) => byId('Team', a.teamId as string | null, (e) => e.teamId)),
    projectUpdated: stream(['project.updated'], (a) => byId('Project', a.projectId as string | null, (e) => e.entityId)),
    appointmentUpdated: stream(['appointment.updated'], (a) => byId('Team', a.teamId as string | null, (e) => e.teamId)),
    appointmentReminder: stream(['appointment.reminder']),
    notificationReceived: stream(['notification.created']),
    dashboardUpdated: stream(['dashboard.updated'], (a) => byId('Team', a.teamId as string | null, (e) => e.teamId)),
  },
  RealtimeEvent: {
    __resolveType: (e, { services }) => services.realtime.graphqlTypeOf(e.type) as never,
  },
  LeadEvent: {
    ...common,
    type: (e) => LEAD_EVENT_TYPES[e.type]!,
    lead: (e, _, { loaders }) => (e.type === 'lead.deleted' || !e.entityId ? null : loaders.leadById.load(e.entityId)),
  },
  ProjectEvent: {
    ...common,
    project: (e, _, { loaders }) => (e.entityId ? loaders.projectById.load(e.entityId) : null),
  },
  AppointmentEvent: {
    ...common,
    change: (e) => e.data.change as AppointmentChange,
    appointment: (e, _, { loaders }) => (e.data.change === 'DELETED' || !e.entityId ? null : loaders.appointmentById.load(e.entityId)),
  },
  NotificationEvent: {
    ...common,
    notification: async (e, _, { services, viewer }) => {
      // Reached only through a subscription or missedEvents, both signed in.
      const n = await services.notifications.get(viewer!, e.entityId);
      if (!n) throw new Error(`notification ${e.entityId} not found for its recipient`);
      return n;
    },
  },
  AppointmentReminderEvent: {
    ...common,
    leadTime: (e) => String(e.data.leadTime ?? ''),
    appointment: (e, _, { loaders }) => (e.entityId ? loaders.appointmentById.load(e.entityId) : null),
  },
  DashboardEvent: {
    ...common,
    team: (e, _, { loaders }) => (e.teamId ? loaders.teamById.load(e.teamId) : null),
  },
};
