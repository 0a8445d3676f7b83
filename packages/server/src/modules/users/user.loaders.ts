import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { UserEntity } from './user.entity';

export function createUserLoaders(ds: DataSource) {
  const repo = ds.getRepository(UserEntity);
  return {
    userById: new DataLoader<string, UserEntity | null>(async (ids) => {
      const rows = await repo.createQueryBuilder('u').where('u.id = ANY(:ids)', { ids }).getMany();
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    usersByTeamId: new DataLoader<string, UserEntity[]>(async (teamIds) => {
      const rows = await repo
        .createQueryBuilder('u')
        .where('u.team_id = ANY(:teamIds)', { teamIds })
        .orderBy('u.name')
        .addOrderBy('u.id')
        .getMany();
      return teamIds.map((id) => rows.filter((r) => r.teamId === id));
    }),
  };
}
