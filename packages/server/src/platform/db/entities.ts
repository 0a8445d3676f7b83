import { RefreshTokenEntity } from '../../modules/auth/refresh-token.entity';
import { SessionEntity } from '../../modules/auth/session.entity';
import { TeamEntity } from '../../modules/teams/team.entity';
import { UserEntity } from '../../modules/users/user.entity';

export const entities = [TeamEntity, UserEntity, SessionEntity, RefreshTokenEntity];
