import type { Role } from '../src/generated/graphql';
import { fromGlobalId, toGlobalId } from '../src/platform/graphql/global-id';
import { createTeam, signedIn, type Session } from './factories';
import type { TestApp } from './harness';

/** Two teams and a signed-in staff member per role and team, as the lead tests use them. */
export interface LeadWorld {
  north: string;
  south: string;
  as: {
    admin: Session;
    /** Manager in the north team. */
    manager: Session;
    /** Manager in the south team. */
    otherManager: Session;
    /** Manager of the south team through `teams.manager_id`, without a team of their own. */
    southHead: Session;
    sales: Session;
    /** A second sales rep of the north team. */
    sales2: Session;
    /** Sales of the south team. */
    otherSales: Session;
    tech: Session;
  };
}

export async function leadWorld(t: TestApp): Promise<LeadWorld> {
  const north = (await createTeam(t.ds, 'North')).id;
  const south = (await createTeam(t.ds, 'South')).id;
  const sign = (role: Role, team: string | null) => signedIn(t, role, team);
  const southHead = await sign('MANAGER', null);
  await t.ds.query('UPDATE teams SET manager_id = $1 WHERE id = $2', [southHead.user.id, south]);
  return {
    north,
    south,
    as: {
      admin: await sign('ADMIN', null),
      manager: await sign('MANAGER', north),
      otherManager: await sign('MANAGER', south),
      southHead,
      sales: await sign('SALES', north),
      sales2: await sign('SALES', north),
      otherSales: await sign('SALES', south),
      tech: await sign('FIELD_TECH', north),
    },
  };
}

export const leadId = (id: string) => toGlobalId('Lead', id);
export const teamId = (id: string) => toGlobalId('Team', id);
export const customerId = (id: string) => toGlobalId('Customer', id);

/** The database key inside a global ID. */
export const keyOf = (globalId: string) => fromGlobalId(globalId)!.id;

export interface AuditRow {
  action: string;
  actor_id: string;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/** Audit entries of one record, oldest first. */
export async function auditOf(t: TestApp, entityType: string, entityId: string): Promise<AuditRow[]> {
  return t.ds.query('SELECT action, actor_id, changes FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id', [entityType, entityId]);
}

/** A single number from SQL (`SELECT ... AS n`). */
export async function countOf(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await t.ds.query(sql, params))[0].n);
}

export const LEAD_FIELDS = `id contactName contactEmail contactPhone propertyAddress { street city state zip } source status lostReason score
  assignee { id } owningTeam { id } customer { id name } projectType estimatedValue priority notes nextFollowUpAt convertedAt
  createdBy { id } deletedAt`;
