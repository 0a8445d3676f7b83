import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { TeamEntity } from './team.entity';

export function createTeamLoaders(ds: DataSource) {
  const repo = ds.getRepository(TeamEntity);
  return {
    teamById: new DataLoader<string, TeamEntity | null>(async (ids) => {
      const rows = await repo.createQueryBuilder('t').where('t.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
