import type { DataSource } from 'typeorm';
import { TeamEntity } from './team.entity';
import type { Validator } from '../../platform/validation';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';

/**
 * The team a new record belongs to: the one asked for if the viewer may use it (admins: any team; managers: their
 * teams; others: their own), else the viewer's own team. Reports problems on `field`. `teamId` is a key (NO_MATCH_ID
 * when the given ID named no team).
 */
export async function resolveOwningTeam(
  ds: DataSource,
  v: Validator,
  viewer: Viewer,
  teamId: string | null | undefined,
  field = 'teamId',
): Promise<string | null> {
  if (!teamId) {
    if (viewer.teamId || viewer.role === 'ADMIN') return viewer.teamId;
    v.add(field, 'REQUIRED', 'Choose a team: you do not belong to one.');
    return null;
  }
  if (!(await ds.getRepository(TeamEntity).existsBy({ id: teamId }))) {
    v.add(field, 'NOT_FOUND', 'No such team.');
    return null;
  }
  if (viewer.role !== 'ADMIN' && !viewerTeamIds(viewer).includes(teamId)) {
    v.add(field, 'FORBIDDEN', 'You can only use your own team here.');
    return null;
  }
  return teamId;
}
