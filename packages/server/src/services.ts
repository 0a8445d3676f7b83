import type { PubSubEngine } from 'graphql-subscriptions';
import type { DataSource } from 'typeorm';
import { AuthService } from './modules/auth/auth.service';
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
  return {
    auth,
    users: new UserService(d.ds, auth, d.events),
    teams: new TeamService(d.ds),
    events: d.events,
  };
}

export type Services = ReturnType<typeof createServices>;
