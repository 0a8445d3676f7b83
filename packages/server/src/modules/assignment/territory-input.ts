import type { EntityManager } from 'typeorm';
import type { Validator } from '../../platform/validation';
import type { TerritoryEntity } from './territory.entity';

/** One entry of `territories` as the service takes it: the user's key, null when the given ID named no user. */
export interface TerritoryChoice {
  zipPrefix: string;
  userId: string | null;
}

const ZIP_PREFIX = /^[0-9]{1,5}$/;
/** The documented bound of `Team.territories`. */
const TERRITORIES_MAX = 200;

/**
 * Checks a complete territory list for `teamId`: each prefix 1–5 digits and listed once, each user an active SALES
 * member of the team. Reports problems on `territories.<index>.<field>`; returns the rows to store.
 */
export async function territoryRows(m: EntityManager, v: Validator, teamId: string, input: readonly TerritoryChoice[]): Promise<TerritoryEntity[]> {
  if (input.length > TERRITORIES_MAX) {
    v.add('territories', 'TOO_LONG', `A team has at most ${TERRITORIES_MAX} territories.`);
    return [];
  }
  const ids = input.map((t) => t.userId);
  const known = ids.filter((id): id is string => id !== null);
  const users: Array<{ id: string; role: string; active: boolean; team_id: string | null }> = known.length
    ? await m.query('SELECT id, role, active, team_id FROM users WHERE id = ANY($1)', [known])
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const seen = new Set<string>();
  return input.map((t, i) => {
    const zipPrefix = t.zipPrefix.trim();
    if (!ZIP_PREFIX.test(zipPrefix)) v.add(`territories.${i}.zipPrefix`, 'INVALID', 'A ZIP prefix is 1 to 5 digits.');
    else if (seen.has(zipPrefix)) v.add(`territories.${i}.zipPrefix`, 'TAKEN', `The ZIP prefix ${zipPrefix} is listed twice.`);
    seen.add(zipPrefix);
    const user = ids[i] ? byId.get(ids[i]) : undefined;
    if (!user) v.add(`territories.${i}.userId`, 'NOT_FOUND', 'No such user.');
    else if (user.team_id !== teamId || user.role !== 'SALES' || !user.active) {
      v.add(`territories.${i}.userId`, 'INVALID', 'Territories go to active sales members of the team.');
    }
    return { teamId, zipPrefix, userId: user?.id ?? '' };
  });
}
