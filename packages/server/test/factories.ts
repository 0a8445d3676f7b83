import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Role } from '../src/generated/graphql';
import { hashPassword } from '../src/platform/auth/passwords';
import { toGlobalId } from '../src/platform/graphql/global-id';
import { TeamEntity } from '../src/modules/teams/team.entity';
import { UserEntity } from '../src/modules/users/user.entity';
import type { TestApp } from './harness';

export const PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export async function createTeam(ds: DataSource, name = `Team ${unique()}`): Promise<TeamEntity> {
  return ds.getRepository(TeamEntity).save({ name });
}

export async function createUser(
  ds: DataSource,
  over: Partial<Pick<UserEntity, 'name' | 'email' | 'role' | 'teamId' | 'active'>> & { password?: string } = {},
): Promise<UserEntity> {
  const { password, ...fields } = over;
  passwordHash ??= hashPassword(PASSWORD);
  const hash = password ? await hashPassword(password) : await passwordHash;
  const role: Role = fields.role ?? 'SALES';
  const saved = await ds.getRepository(UserEntity).save({
    name: `${role.toLowerCase()} ${unique()}`,
    email: `${role.toLowerCase()}.${unique()}@example.com`,
    role,
    teamId: null,
    active: true,
    passwordHash: hash,
    ...fields,
  });
  return ds.getRepository(UserEntity).findOneByOrFail({ id: saved.id });
}

export interface Session {
  user: UserEntity;
  id: string;
  accessToken: string;
  refreshToken: string;
}

const LOGIN = `mutation($input: LoginInput!) {
  login(input: $input) { accessToken refreshToken user { id } errors { field code message } }
}`;

export async function login(t: TestApp, email: string, password = PASSWORD) {
  const res = await t.gql(LOGIN, { input: { email, password } });
  return res.body.data!.login as { accessToken: string | null; refreshToken: string | null; errors: any[] };
}

/** A user of `role` (in `teamId`) signed in through the API. */
export async function signedIn(t: TestApp, role: Role, teamId: string | null = null): Promise<Session> {
  const user = await createUser(t.ds, { role, teamId });
  const r = await login(t, user.email);
  if (!r.accessToken || !r.refreshToken) throw new Error(`login failed: ${JSON.stringify(r.errors)}`);
  return { user, id: toGlobalId('User', user.id), accessToken: r.accessToken, refreshToken: r.refreshToken };
}
