import type { AssignmentStrategy, Role } from '../src/generated/graphql';
import { createLead, createTeam, createUser } from './factories';
import type { TestApp } from './harness';
import type { UserEntity } from '../src/modules/users/user.entity';

export interface SalesTeam {
  teamId: string;
  /** Active SALES members, in name order ("Rep A", "Rep B", ...). */
  reps: UserEntity[];
}

/** A team with `size` active sales reps named in rotation order, and the given strategy. */
export async function salesTeam(t: TestApp, size: number, strategy: AssignmentStrategy = 'ROUND_ROBIN'): Promise<SalesTeam> {
  const team = await createTeam(t.ds);
  await t.ds.query('UPDATE teams SET assignment_strategy = $2 WHERE id = $1', [team.id, strategy]);
  const reps: UserEntity[] = [];
  for (let i = 0; i < size; i++) reps.push(await createUser(t.ds, { role: 'SALES', teamId: team.id, name: `Rep ${String.fromCharCode(65 + i)}` }));
  return { teamId: team.id, reps };
}

/** Another member of the team (e.g. a manager or field tech, who never gets leads). */
export const member = (t: TestApp, teamId: string, role: Role, name: string, active = true) =>
  createUser(t.ds, { role, teamId, name, active });

/** `n` open leads assigned to `userId`, inserted directly (a starting load). */
export async function giveOpenLeads(t: TestApp, teamId: string, userId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await createLead(t.ds, { teamId, assigneeId: userId });
}

/** Open (not WON/LOST, not deleted) leads per assignee of the team. */
export async function openLoads(t: TestApp, teamId: string): Promise<Map<string, number>> {
  const rows: Array<{ assignee_id: string; n: string }> = await t.ds.query(
    `SELECT assignee_id, count(*) AS n FROM leads
     WHERE team_id = $1 AND assignee_id IS NOT NULL AND deleted_at IS NULL AND status NOT IN ('WON', 'LOST')
     GROUP BY assignee_id`,
    [teamId],
  );
  return new Map(rows.map((r) => [r.assignee_id, Number(r.n)]));
}

/** Waits until the pg-boss job ends; returns its final state ('completed' or 'failed'). */
export async function jobOutcome(t: TestApp, jobId: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.ds.query('SELECT state FROM pgboss.job WHERE id = $1', [jobId]);
    if (row && (row.state === 'completed' || row.state === 'failed')) return row.state;
    if (Date.now() > deadline) throw new Error(`job ${jobId} still ${row?.state ?? 'missing'} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
