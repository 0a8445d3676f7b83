import { PASSWORD, createCustomer, createLead, login, signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { customerId, keyOf, leadId } from '../../../test/lead-factories';
import { salesTeam, type SalesTeam } from '../../../test/workflow-factories';
import { toGlobalId } from '../../platform/graphql/global-id';
import type { UserEntity } from '../users/user.entity';

const { t, w: admin } = useTestApp((t) => signedIn(t, 'ADMIN'));

const SCORED = `id score scoredAt scoreFactors { factor points explanation } assignee { id }`;
const CREATE = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { ${SCORED} } errors { field code message } } }`;
const UPDATE = `mutation($i: UpdateLeadInput!) { updateLead(input: $i) { lead { ${SCORED} } errors { code } } }`;
const STATUS = `mutation($i: UpdateLeadStatusInput!) { updateLeadStatus(input: $i) { lead { ${SCORED} } errors { code } } }`;
const ASSIGN = `mutation($i: AssignLeadInput!) { assignLead(input: $i) { lead { assignee { id } } errors { code } } }`;
const CONVERT = `mutation($i: ConvertLeadInput!) { convertLead(input: $i) { lead { ${SCORED} } errors { code } } }`;
const GET = `query($id: ID!) { lead(id: $id) { ${SCORED} } }`;
const LOG = `mutation($i: LogInteractionInput!) { logInteraction(input: $i) { interaction { id } errors { field code } } }`;

type Factor = { factor: string; points: number; explanation: string };
const pointsOf = (factors: Factor[], name: string) => factors.find((f) => f.factor === name)!.points;
const userGid = (u: UserEntity) => toGlobalId('User', u.id);
const as = async (u: UserEntity) => (await login(t, u.email, PASSWORD)).accessToken!;
const fetchLead = async (id: string) => (await t.gql(GET, { id: leadId(id) }, admin.accessToken)).body.data.lead;
const notificationsOf = (userId: string) =>
  t.ds.query(`SELECT kind, title, body, entity_type, entity_id, read_at FROM notifications WHERE recipient_id = $1 ORDER BY created_at, id`, [userId]);

let team: SalesTeam;
beforeEach(async () => {
  team = await salesTeam(t, 2);
});

describe('createLead', () => {
  it('scores the new lead and explains the score, factor by factor', async () => {
    const r = await t.gql(
      CREATE,
      {
        i: {
          teamId: toGlobalId('Team', team.teamId),
          contactName: 'Dana Hansen',
          contactPhone: '612-555-0142',
          contactEmail: 'dana@example.com',
          propertyAddress: { street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
          source: 'REFERRAL',
          projectType: 'STORM_DAMAGE',
          estimatedValue: '25000.00',
          priority: 'URGENT',
          notes: 'Water coming through the ceiling after the hail.',
        },
      },
      admin.accessToken,
    );
    const { lead, errors } = r.body.data.createLead;
    expect(errors).toEqual([]);
    expect(lead.scoreFactors.map((f: Factor) => f.factor)).toEqual(['source_quality', 'project_value', 'urgency', 'responsiveness', 'completeness', 'aging']);
    expect(lead.scoreFactors).toContainEqual({ factor: 'source_quality', points: 25, explanation: 'Referral leads close most often' });
    expect(pointsOf(lead.scoreFactors, 'urgency')).toBe(20);
    expect(pointsOf(lead.scoreFactors, 'completeness')).toBe(15);
    expect(lead.score).toBe(85); // 25 + 25 + 20 + 0 + 15 - 0
    expect(Date.now() - new Date(lead.scoredAt).getTime()).toBeLessThan(60_000);
    const [row] = await t.ds.query('SELECT score, jsonb_array_length(score_factors) AS n FROM leads WHERE id = $1', [keyOf(lead.id)]);
    expect(row).toEqual({ score: 85, n: 6 });
  });

  it("counts the customer's contact data for a lead about a customer", async () => {
    const customer = await createCustomer(t.ds, { teamId: team.teamId });
    const r = await t.gql(CREATE, { i: { customerId: customerId(customer.id), source: 'WEBSITE' } }, admin.accessToken);
    const factors: Factor[] = r.body.data.createLead.lead.scoreFactors;
    expect(factors.find((f) => f.factor === 'completeness')).toEqual({ factor: 'completeness', points: 15, explanation: 'Complete contact data' });
  });

  it('assigns and notifies the assignee in the same transaction; the API shows the notification', async () => {
    const r = await t.gql(
      CREATE,
      { i: { teamId: toGlobalId('Team', team.teamId), contactName: 'Erik Lund', contactPhone: '651-555-0101', source: 'WEBSITE' } },
      admin.accessToken,
    );
    const lead = r.body.data.createLead.lead;
    const [repA] = team.reps;
    expect(lead.assignee).toEqual({ id: userGid(repA!) });
    expect(await notificationsOf(repA!.id)).toEqual([
      expect.objectContaining({ kind: 'LEAD_ASSIGNED', title: 'New lead: Erik Lund', entity_type: 'Lead', entity_id: keyOf(lead.id), read_at: null }),
    ]);
    const api = await t.gql(`{ notifications(first: 5) { unreadCount edges { node { kind title subject { id } } } } }`, {}, await as(repA!));
    expect(api.body.data.notifications).toEqual({
      unreadCount: 1,
      edges: [{ node: { kind: 'LEAD_ASSIGNED', title: 'New lead: Erik Lund', subject: { id: lead.id } } }],
    });
  });

  it('names the customer in the notification, and does not notify creators who get the lead themselves', async () => {
    const customer = await createCustomer(t.ds, { teamId: team.teamId, name: 'Maple Street HOA' });
    await t.gql(CREATE, { i: { customerId: customerId(customer.id), source: 'PARTNER' } }, admin.accessToken);
    expect((await notificationsOf(team.reps[0]!.id)).map((n: { title: string }) => n.title)).toEqual(['New lead: Maple Street HOA']);
    // Rep B is next in the rotation and creates the lead: it goes to them, without a notification.
    const token = await as(team.reps[1]!);
    const mine = await t.gql(CREATE, { i: { contactName: 'Own Lead', contactPhone: '651-555-0102', source: 'DOOR_KNOCK' } }, token);
    expect(mine.body.data.createLead.lead.assignee).toEqual({ id: userGid(team.reps[1]!) });
    const given = await t.gql(CREATE, { i: { contactName: 'Claimed', contactPhone: '651-555-0103', source: 'PHONE', assigneeId: userGid(team.reps[1]!) } }, token);
    expect(given.body.data.createLead.errors).toEqual([]);
    expect(await notificationsOf(team.reps[1]!.id)).toEqual([]);
  });

  it('creates nothing, not even a notification, when the input is refused', async () => {
    const before = await t.ds.query('SELECT count(*)::int AS n FROM notifications');
    const r = await t.gql(CREATE, { i: { teamId: toGlobalId('Team', team.teamId), source: 'ADS' } }, admin.accessToken);
    expect(r.body.data.createLead.errors.length).toBeGreaterThan(0);
    expect(await t.ds.query('SELECT count(*)::int AS n FROM notifications')).toEqual(before);
    expect(await t.ds.query('SELECT round_robin_last_user_id FROM teams WHERE id = $1', [team.teamId])).toEqual([{ round_robin_last_user_id: null }]);
  });
});

describe('assignLead', () => {
  it('notifies the new assignee, but not sales claiming a lead nor an unchanged assignee', async () => {
    const manager = await signedIn(t, 'MANAGER', team.teamId);
    const [repA, repB] = team.reps as [UserEntity, UserEntity];
    const lead = await createLead(t.ds, { teamId: team.teamId, contactName: 'Reassigned Roof' });
    const go = (assignee: UserEntity, token: string) => t.gql(ASSIGN, { i: { id: leadId(lead.id), assigneeId: userGid(assignee) } }, token);
    expect((await go(repA, await as(repA))).body.data.assignLead.errors).toEqual([]);
    expect(await notificationsOf(repA.id)).toEqual([]);
    expect((await go(repB, manager.accessToken)).body.data.assignLead.errors).toEqual([]);
    await go(repB, manager.accessToken);
    const notes = await notificationsOf(repB.id);
    expect(notes).toEqual([expect.objectContaining({ kind: 'LEAD_ASSIGNED', title: 'Lead assigned to you: Reassigned Roof', entity_id: lead.id })]);
    expect(notes[0].body).toContain(manager.user.name);
  });
});

describe('rescoring', () => {
  it('follows detail and status changes', async () => {
    const lead = await createLead(t.ds, { teamId: team.teamId, source: 'ADS' });
    await t.ds.query(`UPDATE leads SET created_at = now() - interval '40 days' WHERE id = $1`, [lead.id]);
    const u = await t.gql(UPDATE, { i: { id: leadId(lead.id), priority: 'URGENT', notes: 'Active leak in the attic' } }, admin.accessToken);
    const updated = u.body.data.updateLead.lead;
    expect(pointsOf(updated.scoreFactors, 'urgency')).toBe(18);
    expect(pointsOf(updated.scoreFactors, 'aging')).toBe(-20);
    const s = await t.gql(STATUS, { i: { id: leadId(lead.id), status: 'LOST', lostReason: 'Went with a cheaper bid' } }, admin.accessToken);
    const lost = s.body.data.updateLeadStatus.lead;
    expect(lost.scoreFactors).toContainEqual({ factor: 'aging', points: 0, explanation: 'Closed leads do not age' });
    expect(lost.score).toBe(updated.score + 20);
  });

  it('follows the interactions logged with the lead, also when they are deleted and restored', async () => {
    const customer = await createCustomer(t.ds, { teamId: team.teamId });
    const lead = await createLead(t.ds, { teamId: team.teamId, customerId: customer.id, contactName: null });
    const log = await t.gql(
      LOG,
      { i: { customerId: customerId(customer.id), leadId: leadId(lead.id), type: 'CALL', direction: 'INBOUND', subject: 'Asked for a quote' } },
      admin.accessToken,
    );
    const interactionId = log.body.data.logInteraction.interaction.id;
    const after = await fetchLead(lead.id);
    expect(after.scoreFactors).toContainEqual({
      factor: 'responsiveness',
      points: 9,
      explanation: '1 interaction in the last 14 days, the customer reached out',
    });
    expect(after.score).toBeGreaterThan(0);

    await t.gql(`mutation($id: ID!) { deleteInteraction(id: $id) { errors { code } } }`, { id: interactionId }, admin.accessToken);
    expect(pointsOf((await fetchLead(lead.id)).scoreFactors, 'responsiveness')).toBe(0);
    await t.gql(`mutation($id: ID!) { restoreInteraction(id: $id) { errors { code } } }`, { id: interactionId }, admin.accessToken);
    expect(pointsOf((await fetchLead(lead.id)).scoreFactors, 'responsiveness')).toBe(9);
    await t.gql(`mutation($i: UpdateInteractionInput!) { updateInteraction(input: $i) { errors { code } } }`, { i: { id: interactionId, direction: 'OUTBOUND' } }, admin.accessToken);
    expect(pointsOf((await fetchLead(lead.id)).scoreFactors, 'responsiveness')).toBe(3);
  });

  it('rescores a converted lead', async () => {
    const lead = await createLead(t.ds, { teamId: team.teamId, status: 'WON', contactEmail: 'won@example.com' });
    const r = await t.gql(CONVERT, { i: { id: leadId(lead.id), budget: '12000.00' } }, admin.accessToken);
    const converted = r.body.data.convertLead.lead;
    expect(converted.scoredAt).not.toBeNull();
    expect(converted.scoreFactors).toContainEqual({ factor: 'aging', points: 0, explanation: 'Closed leads do not age' });
    expect(converted.score).toBeGreaterThan(0);
  });
});
