import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource } from 'typeorm';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { AppointmentService } from './modules/appointments/appointment.service';
import { CustomerService } from './modules/customers/customer.service';
import { PartnerService } from './modules/partners/partner.service';
import { InteractionService } from './modules/interactions/interaction.service';
import { LeadService } from './modules/leads/lead.service';
import { ProjectService } from './modules/projects/project.service';
import { TeamService } from './modules/teams/team.service';
import { UserService } from './modules/users/user.service';
import { DashboardService } from './modules/analytics/dashboard.service';
import { AssignmentService } from './modules/assignment/assignment.service';
import { JobService } from './modules/jobs/job.service';
import { AlertService } from './modules/notifications/alert.service';
import { NotificationService } from './modules/notifications/notification.service';
import { OutboxService } from './modules/realtime/outbox.service';
import { createLoaders, liveEvents } from './modules';
import { eventRegistry } from './modules/realtime/realtime.policy';
import { RealtimeService } from './modules/realtime/realtime.service';
import { LeadScoringService } from './modules/scoring/scoring.service';
import type { TokenService } from './platform/auth/tokens';
import { ViewerCache } from './platform/auth/viewer-cache';
import type { Cache } from './platform/cache/cache';
import type { JobSender } from './platform/jobs/job-queue';
import type { Messenger } from './platform/messaging/messenger';
import type { Config } from './platform/config';
import type { Logger } from './platform/logger';

export interface ServiceDeps {
  ds: DataSource;
  tokens: TokenService;
  /** Committed outbox events, each once and in order, on the channels of `channelOf` (platform/realtime/outbox-stream.ts). */
  outboxEvents: PubSubEngine;
  config: Config;
  logger: Logger;
  cache: Cache;
  jobs: JobSender;
  messenger: Messenger;
}

/** The application's services, created once per process. They know nothing about GraphQL. */
export function createServices(d: ServiceDeps) {
  const outbox = new OutboxService();
  const auth = new AuthService(d.ds, d.tokens, d.config.jwt, d.logger, outbox, d.outboxEvents, new ViewerCache(d.config.sessionCache));
  const audit = new AuditService(d.ds);
  const notifications = new NotificationService(d.ds, outbox);
  const scoring = new LeadScoringService(d.ds, d.jobs, audit, outbox);
  const assignment = new AssignmentService(d.ds, audit);
  return {
    cache: d.cache,
    jobs: d.jobs,
    messenger: d.messenger,
    notifications,
    realtime: new RealtimeService(d.ds, d.outboxEvents, (viewer) => createLoaders(d.ds, viewer), eventRegistry(liveEvents)),
    alerts: new AlertService(d.ds, notifications, audit),
    scoring,
    assignment,
    dashboard: new DashboardService(d.ds, d.cache),
    jobReport: new JobService(d.ds, d.jobs),
    auth,
    audit,
    users: new UserService(d.ds, auth, audit, outbox),
    teams: new TeamService(d.ds, audit, outbox),
    customers: new CustomerService(d.ds, audit, outbox),
    partners: new PartnerService(d.ds, audit, outbox),
    leads: new LeadService(d.ds, audit, { scoring, assignment, notifications }, outbox),
    projects: new ProjectService(d.ds, audit, notifications, outbox),
    appointments: new AppointmentService(d.ds, audit, notifications, outbox),
    interactions: new InteractionService(d.ds, audit, scoring, outbox),
  };
}

export type Services = ReturnType<typeof createServices>;
