import type { Feature } from '../feature';
import { authResolvers } from './auth.resolvers';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { sessionRevoked } from './auth.events';

export const auth: Feature = {
  name: 'auth',
  entities: [SessionEntity, RefreshTokenEntity],
  resolvers: authResolvers,
  events: [sessionRevoked],
};
