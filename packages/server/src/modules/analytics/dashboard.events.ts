import { viewerTeamIds } from '../../platform/auth/viewer';
import { defineEvent, type ViewDefinition } from '../realtime/event-definition';

/** The dashboard's numbers of a team changed (a hint: refetch the widgets). */
export const dashboardUpdated = defineEvent<{ teamId: string | null }>({
  type: 'dashboard.updated',
  graphqlType: 'DashboardEvent',
  staleFields: ['dashboard'],
  row: ({ teamId }) => ({ teamId }),
  // Whoever may look at that team's dashboard: admins, its managers, its sales members (their own numbers).
  receive: (viewer, event) => {
    if (viewer.role === 'ADMIN') return true;
    if (viewer.role === 'FIELD_TECH') return false;
    return event.teamId !== null && (viewer.role === 'MANAGER' ? viewerTeamIds(viewer) : [viewer.teamId]).includes(event.teamId);
  },
});

/** The cached dashboard widgets: stale after every write that moves their numbers. */
export const dashboardView: ViewDefinition = { name: 'dashboard', event: dashboardUpdated };
