import type { EntityManager } from 'typeorm';
import { openLead } from '../leads/open-lead';

/** Who may get a team's leads: its active SALES members. `u` is the users alias, $1 the team id. */
const ELIGIBLE = `u.team_id = $1 AND u.role = 'SALES' AND u.active`;

const first = (rows: Array<{ id: string }>): string | null => rows[0]?.id ?? null;

/**
 * The next eligible member by (name, id) after the team's previous round-robin pick, wrapping to the first. The
 * previous pick may since have left or been deactivated: the order still continues after where they stood.
 */
export async function nextInRotation(m: EntityManager, teamId: string, lastUserId: string | null): Promise<string | null> {
  const rows: Array<{ id: string }> = await m.query(
    `SELECT u.id FROM users u
     LEFT JOIN users last ON last.id = $2
     WHERE ${ELIGIBLE}
     ORDER BY ((u.name, u.id) > (last.name, last.id)) IS TRUE DESC, u.name, u.id
     LIMIT 1`,
    [teamId, lastUserId],
  );
  return first(rows);
}

/** The eligible member with the fewest open (not WON/LOST, not deleted) leads; ties: assigned longest ago, then name. */
export async function leastOpenLeads(m: EntityManager, teamId: string): Promise<string | null> {
  const rows: Array<{ id: string }> = await m.query(
    `SELECT u.id FROM users u
     CROSS JOIN LATERAL (
       SELECT count(*) AS n FROM leads l
       WHERE l.assignee_id = u.id AND ${openLead('l')}
     ) open
     WHERE ${ELIGIBLE}
     ORDER BY open.n, u.last_lead_assigned_at ASC NULLS FIRST, u.name, u.id
     LIMIT 1`,
    [teamId],
  );
  return first(rows);
}

/** The eligible owner of the team's longest ZIP prefix that `zip` starts with; null when none matches. */
export async function territoryOwner(m: EntityManager, teamId: string, zip: string | null): Promise<string | null> {
  if (!zip) return null;
  const rows: Array<{ id: string }> = await m.query(
    `SELECT u.id FROM territories t
     JOIN users u ON u.id = t.user_id
     WHERE t.team_id = $1 AND ${ELIGIBLE} AND left($2, length(t.zip_prefix)) = t.zip_prefix
     ORDER BY length(t.zip_prefix) DESC
     LIMIT 1`,
    [teamId, zip],
  );
  return first(rows);
}
