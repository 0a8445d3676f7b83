import { QueryFailedError, type DataSource } from 'typeorm';
import type { CreateTeamInput } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { forbidden } from '../../platform/errors';
import { Validator, type UserErrorData } from '../../platform/validation';
import { TeamEntity } from './team.entity';

export interface TeamResult {
  team: TeamEntity | null;
  errors: UserErrorData[];
}

export class TeamService {
  constructor(private readonly ds: DataSource) {}

  list(_viewer: Viewer): Promise<TeamEntity[]> {
    return this.ds.getRepository(TeamEntity).createQueryBuilder('t').orderBy('t.name').addOrderBy('t.id').getMany();
  }

  async create(viewer: Viewer, input: CreateTeamInput): Promise<TeamResult> {
    if (viewer.role !== 'ADMIN') throw forbidden();
    const v = new Validator();
    const name = v.text('name', input.name, { max: 80, required: true });
    if (!v.ok || !name) return { team: null, errors: v.errors };
    try {
      return { team: await this.ds.getRepository(TeamEntity).save({ name }), errors: [] };
    } catch (err) {
      if (err instanceof QueryFailedError && (err.driverError as { constraint?: string })?.constraint === 'teams_name_key') {
        v.add('name', 'TAKEN', 'A team with this name already exists.');
        return { team: null, errors: v.errors };
      }
      throw err;
    }
  }
}
