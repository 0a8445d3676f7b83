import { createCustomer, createLead, createTeam, signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { keyOf } from '../../../test/lead-factories';
import { giveOpenLeads, member, salesTeam } from '../../../test/workflow-factories';
import { toGlobalId } from '../../platform/graphql/global-id';

const { t, w: admin } = useTestApp((t) => signedIn(t, 'ADMIN'));

const CREATE = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id assignee { id } } errors { field code message } } }`;
const ASSIGNMENT = `mutation($i: UpdateTeamAssignmentInput!) {
  updateTeamAssignment(input: $i) {
    team { id assignmentStrategy territories { zipPrefix user { id name } } }
    errors { field code message }
  }
}`;
const gid = (type: string, id: string) => toGlobalId(type, id);

/** Creates a contact lead in `teamId` as the admin; returns the assignee's database id (or null). */
async function newLead(teamId: string, over: Record<string, unknown> = {}): Promise<string | null> {
  const r = await t.gql(CREATE, { i: { teamId: gid('Team', teamId), contactName: 'Pat Lee', contactPhone: '651-555-0101', source: 'WEBSITE', ...over } }, admin.accessToken);
  expect(r.body.data.createLead.errors).toEqual([]);
  const assignee = r.body.data.createLead.lead.assignee;
  return assignee ? keyOf(assignee.id) : null;
}

describe('ROUND_ROBIN', () => {
  it('takes turns through the active sales members by name, skipping deactivated users and other roles', async () => {
    const { teamId, reps } = await salesTeam(t, 3);
    await member(t, teamId, 'MANAGER', 'Rep AA manager');
    await member(t, teamId, 'FIELD_TECH', 'Rep AB tech');
    const gone = await member(t, teamId, 'SALES', 'Rep AC gone', false);
    const picks: Array<string | null> = [];
    for (let i = 0; i < 7; i++) picks.push(await newLead(teamId));
    const [a, b, c] = reps.map((r) => r.id);
    expect(picks).toEqual([a, b, c, a, b, c, a]);
    expect(picks).not.toContain(gone.id);
    const [team] = await t.ds.query('SELECT round_robin_last_user_id FROM teams WHERE id = $1', [teamId]);
    expect(team.round_robin_last_user_id).toBe(a);
    const stamped = await t.ds.query('SELECT count(*)::int AS n FROM users WHERE team_id = $1 AND last_lead_assigned_at IS NOT NULL', [teamId]);
    expect(stamped[0].n).toBe(3);
  });

  it('continues after the previous pick even when that member was deactivated since', async () => {
    const { teamId, reps } = await salesTeam(t, 3);
    expect(await newLead(teamId)).toBe(reps[0]!.id);
    expect(await newLead(teamId)).toBe(reps[1]!.id);
    await t.ds.query('UPDATE users SET active = false WHERE id = $1', [reps[1]!.id]);
    expect(await newLead(teamId)).toBe(reps[2]!.id);
    expect(await newLead(teamId)).toBe(reps[0]!.id);
    expect(await newLead(teamId)).toBe(reps[2]!.id);
  });

  it('leaves the lead unassigned when the team has no active sales member, and keeps a given assignee', async () => {
    const team = await createTeam(t.ds);
    await member(t, team.id, 'SALES', 'Rep Z', false);
    expect(await newLead(team.id)).toBeNull();
    const { teamId, reps } = await salesTeam(t, 2);
    expect(await newLead(teamId, { assigneeId: gid('User', reps[1]!.id) })).toBe(reps[1]!.id);
    expect(await newLead(teamId)).toBe(reps[0]!.id); // the explicit assignment did not move the rotation
  });
});

describe('LEAST_OPEN_LEADS', () => {
  it('gives the lead to the member with the fewest open leads; closed and deleted leads do not count', async () => {
    const { teamId, reps } = await salesTeam(t, 3, 'LEAST_OPEN_LEADS');
    const [a, b, c] = reps.map((r) => r.id) as [string, string, string];
    await giveOpenLeads(t, teamId, a, 2);
    await giveOpenLeads(t, teamId, b, 1);
    await giveOpenLeads(t, teamId, c, 1);
    await createLead(t.ds, { teamId, assigneeId: b, status: 'WON' });
    await createLead(t.ds, { teamId, assigneeId: c, status: 'LOST' });
    await createLead(t.ds, { teamId, assigneeId: c, deletedAt: new Date() });
    // b and c tie on one open lead: neither got one yet (nulls first), then by name.
    expect(await newLead(teamId)).toBe(b);
    // c now has 1 and was never assigned; a and b have 2.
    expect(await newLead(teamId)).toBe(c);
    // All at 2: the one assigned longest ago goes first (a: never, by the API).
    expect(await newLead(teamId)).toBe(a);
    expect(await newLead(teamId)).toBe(b);
    expect(await newLead(teamId)).toBe(c);
  });
});

describe('TERRITORY', () => {
  it('uses the longest matching ZIP prefix of an active member, else round robin', async () => {
    const { teamId, reps } = await salesTeam(t, 3, 'TERRITORY');
    const [a, b, c] = reps.map((r) => r.id) as [string, string, string];
    const r = await t.gql(
      ASSIGNMENT,
      {
        i: {
          teamId: gid('Team', teamId),
          strategy: 'TERRITORY',
          territories: [
            { zipPrefix: '55', userId: gid('User', a) },
            { zipPrefix: '554', userId: gid('User', b) },
            { zipPrefix: '5510', userId: gid('User', c) },
          ],
        },
      },
      admin.accessToken,
    );
    expect(r.body.data.updateTeamAssignment.errors).toEqual([]);
    const at = (zip: string) => newLead(teamId, { propertyAddress: { street: '1 Main St', city: 'Minneapolis', state: 'MN', zip } });
    expect(await at('55401')).toBe(b);
    expect(await at('55105-1234')).toBe(c);
    expect(await at('55901')).toBe(a);
    // No match: round robin (a, b, c in turn).
    expect(await at('60601')).toBe(a);
    expect(await newLead(teamId)).toBe(b);
    // The ZIP of the lead's customer counts when the lead has no address.
    const customer = await createCustomer(t.ds, { teamId, addressZip: '55412' });
    expect(await newLead(teamId, { customerId: gid('Customer', customer.id), contactName: null, contactPhone: null })).toBe(b);
    // A deactivated owner's territory is skipped: the next shorter match wins.
    await t.ds.query('UPDATE users SET active = false WHERE id = $1', [b]);
    expect(await at('55401')).toBe(a);
  });
});

describe('updateTeamAssignment', () => {
  const input = (teamId: string, over: Record<string, unknown> = {}) => ({ i: { teamId: gid('Team', teamId), strategy: 'TERRITORY', ...over } });

  it('sets the strategy and replaces the territories (listed by prefix), audited', async () => {
    const { teamId, reps } = await salesTeam(t, 2);
    const [a, b] = reps.map((r) => gid('User', r.id)) as [string, string];
    const first = await t.gql(ASSIGNMENT, input(teamId, { territories: [{ zipPrefix: '554', userId: b }, { zipPrefix: '55', userId: a }] }), admin.accessToken);
    expect(first.body.data.updateTeamAssignment).toEqual({
      team: {
        id: gid('Team', teamId),
        assignmentStrategy: 'TERRITORY',
        territories: [
          { zipPrefix: '55', user: { id: a, name: 'Rep A' } },
          { zipPrefix: '554', user: { id: b, name: 'Rep B' } },
        ],
      },
      errors: [],
    });
    // Omitted territories stay; a list replaces them.
    const second = await t.gql(ASSIGNMENT, input(teamId, { strategy: 'LEAST_OPEN_LEADS' }), admin.accessToken);
    expect(second.body.data.updateTeamAssignment.team.territories).toHaveLength(2);
    const third = await t.gql(ASSIGNMENT, input(teamId, { territories: [{ zipPrefix: '60', userId: b }] }), admin.accessToken);
    expect(third.body.data.updateTeamAssignment.team.territories).toEqual([{ zipPrefix: '60', user: { id: b, name: 'Rep B' } }]);
    const audit = await t.ds.query(`SELECT changes FROM audit_log WHERE entity_type = 'Team' AND entity_id = $1 ORDER BY id`, [teamId]);
    expect(audit).toHaveLength(3);
    expect(audit[0].changes.assignmentStrategy).toEqual({ before: 'ROUND_ROBIN', after: 'TERRITORY' });
    expect(audit[2].changes.territories.after).toEqual([{ zipPrefix: '60', userId: reps[1]!.id }]);
  });

  it('lets managers change their own teams only; sales not at all', async () => {
    const { teamId } = await salesTeam(t, 1);
    const other = await salesTeam(t, 1);
    const manager = await signedIn(t, 'MANAGER', teamId);
    const ok = await t.gql(ASSIGNMENT, input(teamId, { strategy: 'LEAST_OPEN_LEADS' }), manager.accessToken);
    expect(ok.body.data.updateTeamAssignment.team.assignmentStrategy).toBe('LEAST_OPEN_LEADS');
    const refused = await t.gql(ASSIGNMENT, input(other.teamId), manager.accessToken);
    expect(refused.body.data.updateTeamAssignment).toEqual({ team: null, errors: [expect.objectContaining({ field: ['teamId'], code: 'FORBIDDEN' })] });
    const sales = await signedIn(t, 'SALES', teamId);
    const denied = await t.gql(ASSIGNMENT, input(teamId), sales.accessToken);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [row] = await t.ds.query('SELECT assignment_strategy FROM teams WHERE id = $1', [other.teamId]);
    expect(row.assignment_strategy).toBe('ROUND_ROBIN');
  });

  it('reports bad prefixes, duplicates and users who are not active sales members of the team, changing nothing', async () => {
    const { teamId, reps } = await salesTeam(t, 2);
    const outsider = (await salesTeam(t, 1)).reps[0]!;
    const manager = await member(t, teamId, 'MANAGER', 'Boss');
    const inactive = await member(t, teamId, 'SALES', 'Rep Gone', false);
    const a = gid('User', reps[0]!.id);
    const r = await t.gql(
      ASSIGNMENT,
      input(teamId, {
        territories: [
          { zipPrefix: '554', userId: a },
          { zipPrefix: '554', userId: a },
          { zipPrefix: '5540a', userId: a },
          { zipPrefix: '123456', userId: a },
          { zipPrefix: '', userId: a },
          { zipPrefix: '1', userId: gid('User', outsider.id) },
          { zipPrefix: '2', userId: gid('User', manager.id) },
          { zipPrefix: '3', userId: gid('User', inactive.id) },
          { zipPrefix: '4', userId: 'nonsense' },
        ],
      }),
      admin.accessToken,
    );
    const { team, errors } = r.body.data.updateTeamAssignment;
    expect(team).toBeNull();
    expect(errors.map((e: { field: string[]; code: string }) => `${e.field.join('.')}:${e.code}`)).toEqual([
      'territories.1.zipPrefix:TAKEN',
      'territories.2.zipPrefix:INVALID',
      'territories.3.zipPrefix:INVALID',
      'territories.4.zipPrefix:INVALID',
      'territories.5.userId:INVALID',
      'territories.6.userId:INVALID',
      'territories.7.userId:INVALID',
      'territories.8.userId:NOT_FOUND',
    ]);
    const [row] = await t.ds.query('SELECT assignment_strategy, (SELECT count(*)::int FROM territories WHERE team_id = $1) AS n FROM teams WHERE id = $1', [teamId]);
    expect(row).toEqual({ assignment_strategy: 'ROUND_ROBIN', n: 0 });
    const missing = await t.gql(ASSIGNMENT, { i: { teamId: gid('Team', '00000000-0000-0000-0000-000000000000'), strategy: 'ROUND_ROBIN' } }, admin.accessToken);
    expect(missing.body.data.updateTeamAssignment.errors).toEqual([expect.objectContaining({ field: ['teamId'], code: 'NOT_FOUND' })]);
  });

  it('loads the territories of a whole team list in one statement', async () => {
    for (let i = 0; i < 3; i++) {
      const { teamId, reps } = await salesTeam(t, 1);
      await t.ds.query('INSERT INTO territories (team_id, zip_prefix, user_id) VALUES ($1, $2, $3)', [teamId, `9${i}`, reps[0]!.id]);
    }
    const before = t.queries.length;
    const r = await t.gql('{ teams { name assignmentStrategy territories { zipPrefix user { name } } } }', {}, admin.accessToken);
    expect(r.body.errors).toBeUndefined();
    const teams = r.body.data.teams as Array<{ territories: unknown[] }>;
    expect(teams.filter((x) => x.territories.length).length).toBeGreaterThanOrEqual(3);
    expect(t.queries.slice(before).filter((q) => /FROM "territories"/.test(q))).toHaveLength(1);
  });
});
