import type { DataSource, EntityManager } from 'typeorm';
import type { CreateTeamInput, UpdateTeamInput } from '../../generated/graphql';
import type { Viewer } from '../../platform/auth/viewer';
import { violates } from '../../platform/db/errors';
import { forbidden } from '../../platform/errors';
import { Validator, type UserErrorData } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { UserEntity } from '../users/user.entity';
import { viewerUpdated } from '../users/user.events';
import { TeamEntity } from './team.entity';
import { dashboardView } from '../analytics/dashboard.events';
import type { EventSink } from '../realtime/event-definition';

/** `createTeam`'s input as the service takes it: the manager's key (NO_MATCH_ID when the ID named no user). */
export interface NewTeam extends Omit<CreateTeamInput, 'managerId'> {
  managerId?: string | null;
}

/** `updateTeam`'s input as the service takes it: keys for IDs, `id` null when it named no team. */
export interface TeamChanges extends Omit<UpdateTeamInput, 'id' | 'managerId'> {
  id: string | null;
  managerId?: string | null;
}

export interface TeamResult {
  team: TeamEntity | null;
  errors: UserErrorData[];
}

const TAKEN: TeamResult = { team: null, errors: [{ field: ['name'], code: 'TAKEN', message: 'A team with this name already exists.' }] };

/** The documented bound of `teams`. */
const TEAMS_MAX = 50;

export class TeamService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly events: EventSink,
  ) {}

  /**
   * Audits a team write; a recorded one makes the dashboard (team names, leaderboards) stale. A new manager and the
   * one replaced hear of it as a change to their own account (`viewerUpdated`): the teams a viewer manages are part of
   * what they may see (and of the cached viewer, which the event makes every server forget).
   */
  private async recorded(m: EntityManager, viewer: Viewer, action: 'CREATE' | 'UPDATE', before: TeamEntity | null, team: TeamEntity): Promise<void> {
    if (await this.audit.record(m, viewer, { entityType: 'Team', entityId: team.id, action, before, after: team, teamId: team.id })) {
      await this.events.stale(m, dashboardView, team.id);
    }
    if ((before?.managerId ?? null) === team.managerId) return;
    for (const userId of [before?.managerId, team.managerId]) if (userId) await this.events.emit(m, viewerUpdated, { userId });
  }

  list(_viewer: Viewer): Promise<TeamEntity[]> {
    return this.ds.getRepository(TeamEntity).createQueryBuilder('t').orderBy('t.name').addOrderBy('t.id').take(TEAMS_MAX).getMany();
  }

  async create(viewer: Viewer, input: NewTeam): Promise<TeamResult> {
    if (viewer.role !== 'ADMIN') throw forbidden();
    const v = new Validator();
    const name = v.text('name', input.name, { max: 80, required: true });
    const managerId = await this.resolveManager(v, input.managerId);
    if ((await this.ds.getRepository(TeamEntity).count()) >= TEAMS_MAX) {
      v.add(null, 'OUT_OF_RANGE', `A company has at most ${TEAMS_MAX} teams.`);
    }
    if (!v.ok || !name) return { team: null, errors: v.errors };
    return this.write(async (m) => {
      const { identifiers } = await m.getRepository(TeamEntity).insert({ name, managerId: managerId ?? null });
      const team = await m.getRepository(TeamEntity).findOneByOrFail({ id: identifiers[0]!.id });
      await this.recorded(m, viewer, 'CREATE', null, team);
      return team;
    });
  }

  async update(viewer: Viewer, input: TeamChanges): Promise<TeamResult> {
    if (viewer.role !== 'ADMIN') throw forbidden();
    const id = input.id;
    const existing = id ? await this.ds.getRepository(TeamEntity).findOneBy({ id }) : null;
    if (!existing) return { team: null, errors: [{ field: ['id'], code: 'NOT_FOUND', message: 'No such team.' }] };
    const v = new Validator();
    const patch: Partial<TeamEntity> = {};
    if (input.name != null) patch.name = v.text('name', input.name, { max: 80, required: true }) ?? existing.name;
    if (input.managerId !== undefined) patch.managerId = (await this.resolveManager(v, input.managerId)) ?? null;
    if (!v.ok) return { team: null, errors: v.errors };
    return this.write(async (m) => {
      await m.getRepository(TeamEntity).update(existing.id, patch);
      const team = await m.getRepository(TeamEntity).findOneByOrFail({ id: existing.id });
      await this.recorded(m, viewer, 'UPDATE', existing, team);
      return team;
    });
  }

  /** A team manager must be an active MANAGER or ADMIN. */
  private async resolveManager(v: Validator, managerId: string | null | undefined): Promise<string | null | undefined> {
    if (!managerId) return managerId;
    const user = await this.ds.getRepository(UserEntity).findOneBy({ id: managerId, active: true });
    if (!user) v.add('managerId', 'NOT_FOUND', 'No such active user.');
    else if (user.role !== 'MANAGER' && user.role !== 'ADMIN') v.add('managerId', 'INVALID', 'A team manager must have the MANAGER or ADMIN role.');
    return user?.id;
  }

  private async write(run: (m: import('typeorm').EntityManager) => Promise<TeamEntity>): Promise<TeamResult> {
    try {
      return { team: await this.ds.transaction(run), errors: [] };
    } catch (err) {
      if (violates(err, 'teams_name_key')) return TAKEN;
      throw err;
    }
  }
}
