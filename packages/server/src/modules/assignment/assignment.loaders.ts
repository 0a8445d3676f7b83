import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { TerritoryEntity } from './territory.entity';

export function createAssignmentLoaders(ds: DataSource) {
  return {
    /** Each team's territories by ZIP prefix (at most 200: validated on input), all teams of a list in one statement. */
    territoriesByTeamId: new DataLoader<string, TerritoryEntity[]>(async (teamIds) => {
      const rows = await ds.getRepository(TerritoryEntity).createQueryBuilder('t').where('t.team_id = ANY(:teamIds)', { teamIds }).orderBy('t.zipPrefix').getMany();
      const byTeam = new Map<string, TerritoryEntity[]>(teamIds.map((id) => [id, []]));
      for (const row of rows) byTeam.get(row.teamId)?.push(row);
      return teamIds.map((id) => byTeam.get(id)!);
    }),
  };
}
