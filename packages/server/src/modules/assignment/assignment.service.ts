import type { DataSource, EntityManager } from 'typeorm';
import type { AssignmentStrategy, UpdateTeamAssignmentInput } from '../../generated/graphql';
import { viewerTeamIds, type Viewer } from '../../platform/auth/viewer';
import { forbidden } from '../../platform/errors';
import { Validator, userError } from '../../platform/validation';
import type { AuditService } from '../audit/audit.service';
import { TeamEntity } from '../teams/team.entity';
import type { TeamResult } from '../teams/team.service';
import { leastOpenLeads, nextInRotation, territoryOwner } from './assignment-strategies';
import { territoryRows, type TerritoryChoice } from './territory-input';
import { TerritoryEntity } from './territory.entity';

/** What picking an assignee looks at: the lead's team and the ZIP of the property. */
export interface AssignableLead {
  teamId: string | null;
  zip: string | null;
}

/** `updateTeamAssignment`'s input as the service takes it: keys for IDs, null where an ID named nothing. */
export interface TeamAssignmentChanges extends Omit<UpdateTeamAssignmentInput, 'teamId' | 'territories'> {
  teamId: string | null;
  territories?: TerritoryChoice[] | null;
}

/** Picks the sales member a new unassigned lead goes to, by the team's strategy. */
export class AssignmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * The user the lead goes to (null: no eligible member), inside the lead's transaction. The team row stays locked
   * until that transaction ends, so parallel creates for one team pick one after the other, each seeing the leads
   * and the rotation the previous one committed. (NO KEY UPDATE: pickers exclude each other, but inserts elsewhere
   * that reference the team, whose foreign-key checks take KEY SHARE, neither wait nor deadlock with a pick.)
   */
  async pick(m: EntityManager, lead: AssignableLead): Promise<string | null> {
    if (!lead.teamId) return null;
    const [team]: Array<{ assignment_strategy: AssignmentStrategy; round_robin_last_user_id: string | null }> = await m.query(
      'SELECT assignment_strategy, round_robin_last_user_id FROM teams WHERE id = $1 FOR NO KEY UPDATE',
      [lead.teamId],
    );
    if (!team) return null;
    let userId: string | null = null;
    if (team.assignment_strategy === 'LEAST_OPEN_LEADS') {
      userId = await leastOpenLeads(m, lead.teamId);
    } else {
      if (team.assignment_strategy === 'TERRITORY') userId = await territoryOwner(m, lead.teamId, lead.zip);
      if (!userId) {
        userId = await nextInRotation(m, lead.teamId, team.round_robin_last_user_id);
        if (userId) await m.query('UPDATE teams SET round_robin_last_user_id = $2 WHERE id = $1', [lead.teamId, userId]);
      }
    }
    // clock_timestamp(): the order of the locked picks, not of their transactions' starts.
    if (userId) await m.query('UPDATE users SET last_lead_assigned_at = clock_timestamp() WHERE id = $1', [userId]);
    return userId;
  }

  /** Admins set any team's strategy and territories; managers those of the teams they belong to or manage. */
  async updateTeamAssignment(viewer: Viewer, input: TeamAssignmentChanges): Promise<TeamResult> {
    if (viewer.role !== 'ADMIN' && viewer.role !== 'MANAGER') throw forbidden();
    const id = input.teamId;
    const existing = id ? await this.ds.getRepository(TeamEntity).findOneBy({ id }) : null;
    if (!existing) return { team: null, errors: [userError('teamId', 'NOT_FOUND', 'No such team.')] };
    if (viewer.role === 'MANAGER' && !viewerTeamIds(viewer).includes(existing.id)) {
      return { team: null, errors: [userError('teamId', 'FORBIDDEN', 'Managers may only change the assignment of their own teams.')] };
    }
    const v = new Validator();
    const territories = input.territories ? await territoryRows(this.ds.manager, v, existing.id, input.territories) : null;
    if (!v.ok) return { team: null, errors: v.errors };
    const team = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(TeamEntity);
      const before = await repo.createQueryBuilder('t').setLock('for_no_key_update').where('t.id = :id', { id: existing.id }).getOneOrFail();
      const beforeTerritories = await this.territoryList(m, existing.id);
      await repo.update(existing.id, { assignmentStrategy: input.strategy });
      if (territories) {
        await m.getRepository(TerritoryEntity).delete({ teamId: existing.id });
        if (territories.length) await m.getRepository(TerritoryEntity).insert(territories);
      }
      const after = await repo.findOneByOrFail({ id: existing.id });
      await this.audit.record(m, viewer, {
        entityType: 'Team',
        entityId: existing.id,
        action: 'UPDATE',
        before: { assignmentStrategy: before.assignmentStrategy, territories: beforeTerritories },
        after: { assignmentStrategy: after.assignmentStrategy, territories: await this.territoryList(m, existing.id) },
        teamId: existing.id,
      });
      return after;
    });
    return { team, errors: [] };
  }

  private async territoryList(m: EntityManager, teamId: string): Promise<Array<{ zipPrefix: string; userId: string }>> {
    const rows = await m.getRepository(TerritoryEntity).find({ where: { teamId }, order: { zipPrefix: 'ASC' } });
    return rows.map((r) => ({ zipPrefix: r.zipPrefix, userId: r.userId }));
  }
}
