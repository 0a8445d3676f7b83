import type { Role } from '../src/generated/graphql';
import type { TeamEntity } from '../src/modules/teams/team.entity';
import { createTeam, signedIn, type Session } from './factories';
import type { TestApp } from './harness';

/** Everyone whose view of a team's projects differs: one of each role in `team`, plus a manager and sales of another. */
export interface Cast {
  team: TeamEntity;
  otherTeam: TeamEntity;
  admin: Session;
  manager: Session;
  sales: Session;
  tech: Session;
  otherManager: Session;
  otherSales: Session;
}

/** A manager who manages `team` (as teams.manager_id) without being a member of it. */
export async function managerOf(t: TestApp, team: TeamEntity): Promise<Session> {
  const s = await signedIn(t, 'MANAGER');
  await t.ds.query('UPDATE teams SET manager_id = $1 WHERE id = $2', [s.user.id, team.id]);
  return s;
}

export async function createCast(t: TestApp): Promise<Cast> {
  const [team, otherTeam] = [await createTeam(t.ds), await createTeam(t.ds)];
  const as = (role: Role, teamId: string | null) => signedIn(t, role, teamId);
  return {
    team,
    otherTeam,
    admin: await as('ADMIN', null),
    manager: await managerOf(t, team),
    sales: await as('SALES', team.id),
    tech: await as('FIELD_TECH', team.id),
    otherManager: await as('MANAGER', otherTeam.id),
    otherSales: await as('SALES', otherTeam.id),
  };
}

export const PROJECT_FIELDS = `id name status projectType budget actualCost onBudget startDate endDate completionPercentage deletedAt
  customer { id name } owningTeam { id } team { id } createdBy { id }`;

/** Sorted `[path, code]` pairs of a payload's errors. */
export const errorPairs = (errors: Array<{ field: string[] | null; code: string }>) =>
  errors.map((e) => [(e.field ?? []).join('.'), e.code]).sort();
