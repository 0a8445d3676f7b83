import type { DataSource } from 'typeorm';
import type { ApiCaller } from '../../platform/auth/api-caller';
import { applyScope, myProjectIds, NONE, scopeParams, teamRows, type Scope } from '../../platform/auth/scope';
import type { Viewer } from '../../platform/auth/viewer';
import { ClaimEntity } from './claim.entity';

/**
 * Claims a staff member may see — exactly as their parent: a claim on a project as the project (admins all; managers
 * and sales their teams'; field techs their crews'), a claim only on a lead as the lead (managers their teams'; sales
 * theirs or unassigned in their team; field techs none). The claim's team is its project's, else its lead's.
 */
export function claimScope(viewer: Viewer, alias: string): Scope {
  switch (viewer.role) {
    case 'ADMIN':
      return null;
    case 'MANAGER':
      return teamRows(viewer, alias);
    case 'SALES':
      // OFFSET 0 keeps the lead check a lookup by the claim's lead_id, row by row as a page is walked; without it
      // PostgreSQL hashes every lead of the teams first (a scan of leads on every page, however small).
      return {
        sql: `((${alias}.project_id IS NOT NULL AND ${alias}.team_id = ANY(:scopeTeamIds))
          OR (${alias}.project_id IS NULL AND EXISTS (SELECT 1 FROM leads cl WHERE cl.id = ${alias}.lead_id AND cl.deleted_at IS NULL
                AND (cl.assignee_id = :scopeUserId OR (cl.assignee_id IS NULL AND cl.team_id = ANY(:scopeTeamIds))) OFFSET 0)))`,
        params: scopeParams(viewer),
      };
    case 'FIELD_TECH':
      return { sql: `${alias}.project_id IN ${myProjectIds}`, params: scopeParams(viewer) };
  }
}

/** Changing a claim (details, stage, money, supplements, payments) needs office rights on it: field techs only read. */
export const canWriteClaim = (viewer: Viewer): boolean => viewer.role !== 'FIELD_TECH';

/**
 * The claims an API key's partner adjusts (`adjuster_partner_id`), not deleted: what an adjuster's key may read and
 * adjust. A company key (no partner) sees none. The attachments feature reuses it for photos shared with the adjuster.
 */
export function claimsVisibleToPartner(caller: Pick<ApiCaller, 'partnerId'>, alias: string): Scope {
  if (!caller.partnerId) return NONE;
  return { sql: `${alias}.adjuster_partner_id = :callerPartnerId AND ${alias}.deleted_at IS NULL`, params: { callerPartnerId: caller.partnerId } };
}

/** Who asks about claims: a staff member, or an API key (an adjuster partner's). */
export type ClaimReader = { viewer: Viewer } | { caller: Pick<ApiCaller, 'partnerId'> };

/**
 * Of `ids`, the claims `who` may read, in one statement: for staff under `claimScope` (active claims; admins and
 * managers also deleted ones); for a key, the claims its partner adjusts (`claimsVisibleToPartner`) — for a partner,
 * every readable claim is one it adjusts. For other features that hang records on claims (attachments).
 */
export async function readableClaimIds(ds: DataSource, who: ClaimReader, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const qb = ds.getRepository(ClaimEntity).createQueryBuilder('c').select('c.id', 'id').where('c.id = ANY(:ids)', { ids: [...ids] });
  if ('viewer' in who) {
    if (who.viewer.role === 'ADMIN' || who.viewer.role === 'MANAGER') qb.withDeleted();
    applyScope(qb, claimScope(who.viewer, 'c'));
  } else {
    qb.withDeleted(); // the partner rule names deleted_at itself
    applyScope(qb, claimsVisibleToPartner(who.caller, 'c'));
  }
  const rows: Array<{ id: string }> = await qb.getRawMany();
  return new Set(rows.map((r) => r.id));
}
