import type { DataSource } from 'typeorm';
import type { Role } from '../generated/graphql';
import { hashPassword } from '../platform/auth/passwords';
import type { Logger } from '../platform/logger';
import { TeamEntity } from '../modules/teams/team.entity';
import { UserEntity } from '../modules/users/user.entity';

export const DEMO_PASSWORD = 'RoofDemo!2026';

const TEAMS = ['North Metro', 'South Metro', 'Storm Response'];

/** [name, email, role, team index or null] */
const STAFF: Array<[string, string, Role, number | null]> = [
  ['Avery Admin', 'admin@iswitchroofs.test', 'ADMIN', null],
  ['Morgan Reyes', 'manager@iswitchroofs.test', 'MANAGER', 0],
  ['Jordan Blake', 'jordan.blake@iswitchroofs.test', 'MANAGER', 1],
  ['Casey Nguyen', 'casey.nguyen@iswitchroofs.test', 'MANAGER', 2],
  ['Sam Carter', 'sales@iswitchroofs.test', 'SALES', 0],
  ['Riley Brooks', 'riley.brooks@iswitchroofs.test', 'SALES', 0],
  ['Drew Patel', 'drew.patel@iswitchroofs.test', 'SALES', 1],
  ['Jamie Ortiz', 'jamie.ortiz@iswitchroofs.test', 'SALES', 1],
  ['Quinn Foster', 'quinn.foster@iswitchroofs.test', 'SALES', 2],
  ['Taylor Kim', 'tech@iswitchroofs.test', 'FIELD_TECH', 0],
  ['Rowan Hayes', 'rowan.hayes@iswitchroofs.test', 'FIELD_TECH', 1],
  ['Emerson Diaz', 'emerson.diaz@iswitchroofs.test', 'FIELD_TECH', 2],
];

export interface DemoLogin {
  role: Role;
  email: string;
  password: string;
}

/** Creates the demo company's teams and staff. Returns one login per role for printing. */
export async function seedDemo(ds: DataSource, logger: Logger): Promise<DemoLogin[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  await ds.transaction(async (m) => {
    const teams = await m.getRepository(TeamEntity).save(TEAMS.map((name) => ({ name })));
    await m.getRepository(UserEntity).insert(
      STAFF.map(([name, email, role, team]) => ({
        name,
        email,
        role,
        teamId: team === null ? null : teams[team]!.id,
        passwordHash: hash,
      })),
    );
  });
  logger.info({ teams: TEAMS.length, users: STAFF.length }, 'seeded demo company');
  const seen = new Set<Role>();
  return STAFF.filter(([, , role]) => !seen.has(role) && seen.add(role)).map(([, email, role]) => ({
    role,
    email,
    password: DEMO_PASSWORD,
  }));
}

export function printDemoLogins(logins: DemoLogin[]): void {
  const lines = logins.map((l) => `  ${l.role.padEnd(10)} ${l.email.padEnd(34)} ${l.password}`);
  process.stdout.write(`\nDemo logins (role, e-mail, password):\n${lines.join('\n')}\n\n`);
}
