import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource } from 'typeorm';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { AppointmentService } from './modules/appointments/appointment.service';
import { CustomerService } from './modules/customers/customer.service';
import { InteractionService } from './modules/interactions/interaction.service';
import { LeadService } from './modules/leads/lead.service';
import { ProjectService } from './modules/projects/project.service';
import { TeamService } from './modules/teams/team.service';
import { UserService } from './modules/users/user.service';
import type { TokenService } from './platform/auth/tokens';
import type { Config } from './platform/config';
import type { Logger } from './platform/logger';

export interface ServiceDeps {
  ds: DataSource;
  tokens: TokenService;
  events: PubSubEngine;
  config: Config;
  logger: Logger;
}

/** The application's services, created once per process. They know nothing about GraphQL. */
export function createServices(d: ServiceDeps) {
  const auth = new AuthService(d.ds, d.tokens, d.config.jwt, d.logger);
  const audit = new AuditService(d.ds);
  return {
    auth,
    audit,
    users: new UserService(d.ds, auth, d.events, audit),
    teams: new TeamService(d.ds, audit),
    customers: new CustomerService(d.ds, audit),
    leads: new LeadService(d.ds, audit),
    projects: new ProjectService(d.ds, audit),
    appointments: new AppointmentService(d.ds, audit),
    interactions: new InteractionService(d.ds, audit),
    events: d.events,
  };
}

export type Services = ReturnType<typeof createServices>;
