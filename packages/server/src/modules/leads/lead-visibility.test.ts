import { createCustomer, createLead } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { leadId, leadWorld, type LeadWorld } from '../../../test/lead-factories';

const { t, w } = useTestApp(leadWorld);
/** Lead global IDs by name: north unassigned / of sales / of sales2, south unassigned / of otherSales, north deleted. */
const L: Record<string, string> = {};

beforeAll(async () => {
  const make = async (name: string, teamId: string, assigneeId: string | null, over: { deletedAt?: Date; customerId?: string } = {}) => {
    L[name] = leadId((await createLead(t.ds, { teamId, assigneeId, contactName: name, ...over })).id);
  };
  // The north rep's lead is about a customer of the south team, which that rep may not see.
  const southCustomer = await createCustomer(t.ds, { teamId: w.south });
  await make('northOpen', w.north, null);
  await make('northSales', w.north, w.as.sales.user.id, { customerId: southCustomer.id });
  await make('northSales2', w.north, w.as.sales2.user.id);
  await make('southOpen', w.south, null);
  await make('southSales', w.south, w.as.otherSales.user.id);
  await make('northDeleted', w.north, null, { deletedAt: new Date() });
});

const ALL = ['northOpen', 'northSales', 'northSales2', 'southOpen', 'southSales'];
const VISIBLE: Record<keyof LeadWorld['as'], string[]> = {
  admin: ALL,
  manager: ['northOpen', 'northSales', 'northSales2'],
  otherManager: ['southOpen', 'southSales'],
  southHead: ['southOpen', 'southSales'],
  sales: ['northOpen', 'northSales'],
  sales2: ['northOpen', 'northSales2'],
  otherSales: ['southOpen', 'southSales'],
  tech: [],
};
const roles = Object.keys(VISIBLE) as Array<keyof LeadWorld['as']>;

describe.each(roles)('as %s', (who) => {
  const token = () => w.as[who].accessToken;
  const visible = VISIBLE[who];

  it('lists exactly the visible leads, totalCount included', async () => {
    const r = await t.gql(`{ leads(first: 100) { totalCount edges { node { id contactName } } } }`, {}, token());
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.leads.totalCount).toBe(visible.length);
    expect(r.body.data.leads.edges.map((e: { node: { contactName: string } }) => e.node.contactName).sort()).toEqual([...visible].sort());
  });

  it.each(ALL)('reads %s by id and as a node only when visible', async (name) => {
    const q = `query($id: ID!) { lead(id: $id) { id } node(id: $id) { id ... on Lead { contactName } } }`;
    const r = await t.gql(q, { id: L[name] }, token());
    const expected = visible.includes(name) ? { lead: { id: L[name] }, node: { id: L[name], contactName: name } } : { lead: null, node: null };
    expect(r.body.data).toEqual(expected);
  });

  it('sees deleted leads only as an admin or manager of the team', async () => {
    const r = await t.gql(`{ leads(filter: { deleted: true }) { totalCount } }`, {}, token());
    expect(r.body.data.leads.totalCount).toBe(['admin', 'manager'].includes(who) ? 1 : 0);
    const byId = await t.gql(`query($id: ID!) { lead(id: $id) { id } node(id: $id) { id } }`, { id: L.northDeleted }, token());
    expect(byId.body.data.lead).toEqual(['admin', 'manager'].includes(who) ? { id: L.northDeleted } : null);
    expect(byId.body.data.node).toBeNull();
  });

  it('changes only visible leads; others are NOT_FOUND (field techs are refused by role)', async () => {
    const UPDATE = `mutation($i: UpdateLeadInput!) { updateLead(input: $i) { lead { id } errors { field code } } }`;
    for (const name of ALL) {
      const r = await t.gql(UPDATE, { i: { id: L[name], notes: `checked by ${who}` } }, token());
      if (who === 'tech') {
        expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        continue;
      }
      const expected = visible.includes(name) ? { lead: { id: L[name] }, errors: [] } : { lead: null, errors: [{ field: ['id'], code: 'NOT_FOUND' }] };
      expect(r.body.data.updateLead).toEqual(expected);
    }
    const [{ n }] = await t.ds.query('SELECT count(*)::int AS n FROM leads WHERE notes = $1', [`checked by ${who}`]);
    expect(n).toBe(visible.length);
  });
});

it("a lead's customer shows only when the viewer may see that customer too", async () => {
  const q = `query($id: ID!) { lead(id: $id) { customer { id } } }`;
  expect((await t.gql(q, { id: L.northSales }, w.as.sales.accessToken)).body.data.lead).toEqual({ customer: null });
  expect((await t.gql(q, { id: L.northSales }, w.as.admin.accessToken)).body.data.lead.customer).toEqual({ id: expect.any(String) });
});
