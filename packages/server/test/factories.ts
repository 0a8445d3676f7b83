import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AppointmentEntity } from '../src/modules/appointments/appointment.entity';
import { CustomerEntity } from '../src/modules/customers/customer.entity';
import { InteractionEntity } from '../src/modules/interactions/interaction.entity';
import { LeadEntity } from '../src/modules/leads/lead.entity';
import { ProjectMemberEntity } from '../src/modules/projects/project-member.entity';
import { ProjectEntity } from '../src/modules/projects/project.entity';
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

/** The usual cast of two teams: an admin, each team's manager and sales, and a field tech of the first team. */
export interface TwoTeamCast {
  north: string;
  south: string;
  as: Record<'admin' | 'manager' | 'otherManager' | 'sales' | 'otherSales' | 'tech', Session>;
}

export async function twoTeamCast(t: TestApp): Promise<TwoTeamCast> {
  const north = (await createTeam(t.ds, 'North')).id;
  const south = (await createTeam(t.ds, 'South')).id;
  const roles = [
    ['admin', 'ADMIN', null],
    ['manager', 'MANAGER', north],
    ['otherManager', 'MANAGER', south],
    ['sales', 'SALES', north],
    ['otherSales', 'SALES', south],
    ['tech', 'FIELD_TECH', north],
  ] as const;
  const as = {} as TwoTeamCast['as'];
  for (const [key, role, team] of roles) as[key] = await signedIn(t, role, team);
  return { north, south, as };
}

/* Domain records, inserted directly (fast, and independent of the mutations under test). */


async function insert<T extends { id: string }>(ds: DataSource, entity: new () => T, values: Partial<T>): Promise<T> {
  const result = await ds.getRepository(entity).insert(values as never);
  return ds.getRepository(entity).createQueryBuilder('e').withDeleted().where('e.id = :id', { id: result.identifiers[0]!.id }).getOneOrFail();
}

export function createCustomer(ds: DataSource, over: Partial<CustomerEntity> = {}): Promise<CustomerEntity> {
  return insert(ds, CustomerEntity, {
    name: `Customer ${unique()}`,
    email: `customer.${unique()}@example.com`,
    phone: '+16125550100',
    addressStreet: '100 Main St',
    addressCity: 'Minneapolis',
    addressState: 'MN',
    addressZip: '55401',
    customerType: 'RESIDENTIAL',
    teamId: null,
    ...over,
  });
}

export function createLead(ds: DataSource, over: Partial<LeadEntity> = {}): Promise<LeadEntity> {
  return insert(ds, LeadEntity, {
    contactName: `Prospect ${unique()}`,
    contactPhone: '+16125550111',
    source: 'WEBSITE',
    status: 'NEW',
    priority: 'MEDIUM',
    score: 0,
    teamId: null,
    ...over,
  });
}

/** A project of `customer` (its team by default), with `memberIds` as crew. */
export async function createProject(
  ds: DataSource,
  customer: CustomerEntity,
  over: Partial<ProjectEntity> = {},
  memberIds: string[] = [],
): Promise<ProjectEntity> {
  const project = await insert(ds, ProjectEntity, {
    customerId: customer.id,
    name: `Project ${unique()}`,
    projectType: 'FULL_REPLACEMENT',
    status: 'PLANNING',
    budget: '10000.00',
    actualCost: '0',
    completionPercentage: 0,
    teamId: customer.teamId,
    ...over,
  });
  if (memberIds.length) await ds.getRepository(ProjectMemberEntity).insert(memberIds.map((userId) => ({ projectId: project.id, userId })));
  return project;
}

let slot = 0;
/** An appointment of `customer`; each call gets its own hour far in the future unless times are given. */
export function createAppointment(ds: DataSource, customer: CustomerEntity, over: Partial<AppointmentEntity> = {}): Promise<AppointmentEntity> {
  const start = new Date(Date.UTC(2030, 0, 1) + ++slot * 3_600_000);
  return insert(ds, AppointmentEntity, {
    customerId: customer.id,
    kind: 'INSPECTION',
    title: 'Inspection',
    startsAt: start,
    endsAt: new Date(start.getTime() + 3_600_000),
    status: 'SCHEDULED',
    teamId: customer.teamId,
    ...over,
  });
}

export function createInteraction(ds: DataSource, customer: CustomerEntity, over: Partial<InteractionEntity> = {}): Promise<InteractionEntity> {
  return insert(ds, InteractionEntity, {
    customerId: customer.id,
    type: 'CALL',
    direction: 'OUTBOUND',
    subject: 'Called about the estimate',
    occurredAt: new Date(),
    teamId: customer.teamId,
    ...over,
  });
}
