import type { Role } from '../src/generated/graphql';
import { fromGlobalId } from '../src/platform/graphql/global-id';
import { createTeam, signedIn, type Session } from './factories';
import type { TestApp } from './harness';

/** Two teams (North, South) and a signed-in user for each role that matters to team-scoped records. */
export interface World {
  north: string;
  south: string;
  admin: Session;
  manager: Session;
  otherManager: Session;
  sales: Session;
  otherSales: Session;
  tech: Session;
}

export async function createWorld(t: TestApp): Promise<World> {
  const north = (await createTeam(t.ds)).id;
  const south = (await createTeam(t.ds)).id;
  const as = (role: Role, team: string | null) => signedIn(t, role, team);
  return {
    north,
    south,
    admin: await as('ADMIN', null),
    manager: await as('MANAGER', north),
    otherManager: await as('MANAGER', south),
    sales: await as('SALES', north),
    otherSales: await as('SALES', south),
    tech: await as('FIELD_TECH', north),
  };
}

/** The database key inside a global ID. */
export const keyOf = (globalId: string): string => fromGlobalId(globalId)!.id;

/** `field:CODE` of each UserError, sorted, for compact assertions. */
export const errorCodes = (errors: Array<{ field: string[] | null; code: string }>): string[] =>
  errors.map((e) => `${e.field?.join('.') ?? ''}:${e.code}`).sort();
