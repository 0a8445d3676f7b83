import type { Resolvers } from '../../generated/graphql';
import { idOf } from '../../platform/graphql/global-id';
import type { AppointmentEntity } from '../appointments/appointment.entity';
import { byId, eventFields, liveStream } from '../realtime/live-stream';
import { dashboardUpdated } from './dashboard.events';

/** Thin: the service authorizes and computes; each widget runs only when its field is asked for. */
export const dashboardResolvers: Resolvers = {
  Query: {
    dashboard: (_, { range, teamId }, { services, viewer }) =>
      services.dashboard.resolve(viewer, range, teamId == null ? null : { id: idOf('Team', teamId) }),
  },
  Dashboard: {
    team: (d, _, { loaders }) => (d.teamId ? loaders.teamById.load(d.teamId) : null),
    pipeline: (d, _, { services }) => services.dashboard.pipeline(d),
    funnel: (d, _, { services }) => services.dashboard.funnel(d),
    winRate: (d, _, { services }) => services.dashboard.winRate(d),
    averageDealSize: (d, _, { services }) => services.dashboard.averageDealSize(d),
    revenueByMonth: (d, _, { services }) => services.dashboard.revenueByMonth(d),
    sourceRoi: (d, _, { services }) => services.dashboard.sourceRoi(d),
    leaderboard: (d, _, { services }) => services.dashboard.leaderboard(d),
    topPartners: async (d, { first }, { services, loaders }) => {
      const rows = await services.dashboard.topPartners(d, first);
      // Through the viewer's loader: cached rows of partners since deleted or hidden drop out.
      const seen = await Promise.all(rows.map((r) => loaders.partnerById.load(r.partnerId)));
      return rows.filter((_, i) => seen[i] !== null);
    },
    reputation: (d, _, { services }) => services.dashboard.reputation(d),
    claims: (d, _, { services }) => services.dashboard.claims(d),
    projectStatus: (d, _, { services }) => services.dashboard.projectStatus(d),
    onBudgetRatio: (d, _, { services }) => services.dashboard.onBudgetRatio(d),
    upcomingAppointments: async (d, _, { services, loaders }) => {
      const ids = await services.dashboard.upcomingAppointmentIds(d);
      // Through the viewer's loader: cached ids of appointments since deleted or hidden drop out.
      const found = await Promise.all(ids.map((id) => loaders.appointmentById.load(id)));
      return found.filter((a): a is AppointmentEntity => a !== null);
    },
    timeSeries: (d, { metrics }, { services }) => services.dashboard.timeSeries(d, metrics),
  },
  LeaderboardRow: {
    user: async (r, _, { loaders }) => {
      const user = await loaders.userById.load(r.userId);
      if (!user) throw new Error(`leaderboard user ${r.userId} vanished`);
      return user;
    },
  },
  Subscription: {
    dashboardUpdated: liveStream([dashboardUpdated], byId('teamId', (g) => idOf('Team', g), (e) => e.teamId)),
  },
  DashboardEvent: {
    ...eventFields,
    team: (e, _, { loaders }) => (e.teamId ? loaders.teamById.load(e.teamId) : null),
  },
};
