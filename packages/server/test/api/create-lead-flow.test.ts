import { toGlobalId } from '../../src/platform/graphql/global-id';
import { createTeam, createUser, signedIn, type Session } from '../factories';
import { useTestApp } from '../harness';

/**
 * The original design's create-lead flow end to end, against real PostgreSQL and Redis:
 * validate → score → assign → notify → persist → invalidate the dashboard cache → respond.
 */
const { t } = useTestApp();
let manager: Session;
let rep: Session;

beforeAll(async () => {
  const team = await createTeam(t.ds, 'Storm Crew');
  await t.ds.query('UPDATE teams SET manager_id = $1 WHERE id = $2', [(manager = await signedIn(t, 'MANAGER', team.id)).user.id, team.id]);
  rep = await signedIn(t, 'SALES', team.id);
  await createUser(t.ds, { role: 'SALES', teamId: team.id, active: false, name: 'Away Rep' });
});

const DASHBOARD = '{ dashboard(range: LAST_7_DAYS) { pipeline { status count value } } }';
const CREATE = `mutation($i: CreateLeadInput!) {
  createLead(input: $i) { lead { id score scoreFactors { factor points explanation } assignee { id } status } errors { field code message } }
}`;

it('scores, assigns, notifies the assignee and refreshes the dashboard in one request', async () => {
  expect(t.cache.kind).toBe(process.env.REDIS_URL ? 'redis' : 'memory');
  const newCount = async () =>
    (await t.gql(DASHBOARD, {}, manager.accessToken)).body.data.dashboard.pipeline.find((p: { status: string }) => p.status === 'NEW')?.count ?? 0;
  const before = await newCount();
  const cachedQueries = t.queries.length;
  expect(await newCount()).toBe(before); // served from the cache: no widget SQL ran
  expect(t.queries.length - cachedQueries).toBeLessThanOrEqual(1); // only the viewer lookup

  const r = await t.gql(
    CREATE,
    { i: { contactName: 'Hail Damage Homeowner', contactPhone: '612-555-0190', contactEmail: 'hail@example.com', source: 'REFERRAL', projectType: 'STORM_DAMAGE', priority: 'URGENT', estimatedValue: '18500.00', notes: 'Active leak over the garage', propertyAddress: { street: '5 Elm St', city: 'Minneapolis', state: 'MN', zip: '55401' } } },
    manager.accessToken,
  );
  const lead = r.body.data.createLead.lead;
  expect(r.body.data.createLead.errors).toEqual([]);
  expect(lead.score).toBeGreaterThan(50);
  expect(lead.scoreFactors.map((f: { factor: string }) => f.factor)).toEqual(expect.arrayContaining(['source_quality', 'urgency', 'completeness']));
  expect(lead.assignee).toEqual({ id: rep.id }); // the only active sales member

  const inbox = await t.gql('{ notifications(first: 5) { unreadCount edges { node { kind title subject { id } } } } }', {}, rep.accessToken);
  expect(inbox.body.data.notifications.unreadCount).toBe(1);
  expect(inbox.body.data.notifications.edges[0].node).toMatchObject({ kind: 'LEAD_ASSIGNED', subject: { id: lead.id } });

  expect(await newCount()).toBe(before + 1); // the commit invalidated the cached widget
  const [row] = await t.ds.query('SELECT score, assignee_id FROM leads WHERE id = $1', [Buffer.from(lead.id, 'base64url').toString().split(':')[1]]);
  expect(row).toEqual({ score: lead.score, assignee_id: rep.user.id });
  expect(toGlobalId('User', row.assignee_id)).toBe(rep.id);
});
