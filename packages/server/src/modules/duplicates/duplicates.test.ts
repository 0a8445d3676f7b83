import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createLead, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t, w } = useTestApp(twoTeamCast);

const POSSIBLE = `query($i: PossibleDuplicatesInput!) {
  possibleDuplicates(input: $i) { score reasons customer { id name } lead { id contactName } }
}`;
const QUEUE = `query($first: Int, $after: String) {
  duplicateCustomers(first: $first, after: $after) { totalCount edges { node { id score reasons customers { id name } dismissedAt } } pageInfo { hasNextPage endCursor } }
}`;
const DISMISS = `mutation($id: ID!) { dismissDuplicateCustomers(id: $id) { pair { id dismissedAt } errors { field code message } } }`;
const gid = (type: string, id: string) => toGlobalId(type, id);
const possible = (token: string, i: Record<string, unknown>) => t.gql(POSSIBLE, { i }, token).then((r) => r.body.data?.possibleDuplicates ?? r.body.errors);

describe('possibleDuplicates', () => {
  it('finds customers and open leads by e-mail (any case), phone (as typed) and a close name at the same address', async () => {
    const dana = await createCustomer(t.ds, { name: 'Dana Hansen', email: 'dana.hansen@example.com', phone: '+16125550142', addressStreet: '1208 Maple Ave', addressZip: '55401', teamId: w.north });
    const lead = await createLead(t.ds, { contactName: 'Dana H.', contactPhone: '+16125550142', teamId: w.north });
    await createLead(t.ds, { contactName: 'Dana Lost', contactPhone: '+16125550142', teamId: w.north, status: 'LOST', lostReason: 'price' });
    const byEmail = await possible(w.as.sales.accessToken, { name: 'Someone', email: 'DANA.HANSEN@example.com' });
    expect(byEmail).toEqual([{ score: 1, reasons: ['EMAIL'], customer: { id: gid('Customer', dana.id), name: 'Dana Hansen' }, lead: null }]);
    const byPhone = await possible(w.as.sales.accessToken, { phone: '(612) 555-0142' });
    expect(byPhone.map((d: any) => d.customer?.name ?? d.lead.contactName).sort()).toEqual(['Dana H.', 'Dana Hansen']);
    expect(byPhone.every((d: any) => d.reasons.join() === 'PHONE' && d.score === 0.6)).toBe(true);
    const named = await possible(w.as.sales.accessToken, { name: 'Dana Hanson', phone: '612 555 0142', address: { street: '1208 MAPLE AVE', zip: '55401' } });
    expect(named[0]).toMatchObject({ customer: { name: 'Dana Hansen' }, reasons: ['PHONE', 'NAME_AND_ADDRESS'] });
    expect(named[0].score).toBeGreaterThan(0.8);
    expect(named[1]).toMatchObject({ lead: { id: gid('Lead', lead.id) }, reasons: ['PHONE'] });
    expect(await possible(w.as.sales.accessToken, { name: 'Dana Hanson', address: { street: '1208 Maple Ave', zip: '55402' } })).toEqual([]);
    expect(await possible(w.as.sales.accessToken, { name: 'Robin Hood', address: { street: '1208 Maple Ave', zip: '55401' } })).toEqual([]);
    // The record being edited is not its own duplicate.
    expect(await possible(w.as.sales.accessToken, { email: 'dana.hansen@example.com', excludeCustomerId: gid('Customer', dana.id) })).toEqual([]);
  });

  it('answers under the row-level rules, for those who create customers and leads', async () => {
    await createCustomer(t.ds, { name: 'South Only', email: 'south.only@example.com', teamId: w.south });
    expect(await possible(w.as.sales.accessToken, { email: 'south.only@example.com' })).toEqual([]);
    expect(await possible(w.as.otherSales.accessToken, { email: 'south.only@example.com' })).toHaveLength(1);
    expect(await possible(w.as.admin.accessToken, { email: 'south.only@example.com' })).toHaveLength(1);
    expect((await possible(w.as.tech.accessToken, { email: 'south.only@example.com' }))[0].extensions.code).toBe('FORBIDDEN');
    expect(await possible(w.as.sales.accessToken, { email: 'not an address', phone: '12' })).toEqual([]);
  });
});

describe('duplicateCustomers', () => {
  it('queues look-alike customers found by the scan, most alike first, under the merge rules; dismissed pairs stay out', async () => {
    const a = await createCustomer(t.ds, { name: 'Lee Park', phone: '+16515550901', addressStreet: '9 Oak St', addressZip: '55104', teamId: w.north });
    const b = await createCustomer(t.ds, { name: 'Lee Parke', phone: '+16515550901', addressStreet: '9 oak st', addressZip: '55104', teamId: w.north });
    const c = await createCustomer(t.ds, { name: 'Kim Ode', phone: '+16515550902', addressStreet: '1 Elm St', addressZip: '55105', teamId: w.north });
    const d = await createCustomer(t.ds, { name: 'Kim Odee', phone: '+16515550903', addressStreet: '1 Elm St', addressZip: '55105', teamId: w.south });
    // A number many share (an office) says nothing.
    for (let i = 0; i < 11; i++) await createCustomer(t.ds, { name: `Office Tenant ${i}`, phone: '+16515550999', addressStreet: `${i} Tower Rd`, teamId: w.north });
    await t.app.services.duplicates.scan();
    const queue = async (token: string) => (await t.gql(QUEUE, { first: 50 }, token)).body;
    const pairsOf = (body: any) => body.data.duplicateCustomers.edges.map((e: any) => e.node);
    const mine = (pairs: any[]) => pairs.filter((p: any) => p.customers.some((x: any) => [a, b, c, d].some((y) => gid('Customer', y.id) === x.id)));
    const admin = mine(pairsOf(await queue(w.as.admin.accessToken)));
    expect(admin.map((p: any) => [p.customers.map((x: any) => x.name), p.reasons])).toEqual([
      [['Lee Park', 'Lee Parke'], ['PHONE', 'NAME_AND_ADDRESS']],
      [['Kim Ode', 'Kim Odee'], ['NAME_AND_ADDRESS']],
    ]);
    expect(admin[0].score).toBeGreaterThan(admin[1].score);
    expect(pairsOf(await queue(w.as.admin.accessToken)).some((p: any) => p.customers[0].name.startsWith('Office Tenant'))).toBe(false);
    // A manager sees the pairs whose two customers are both in their teams.
    expect(mine(pairsOf(await queue(w.as.manager.accessToken))).map((p: any) => p.customers[0].name)).toEqual(['Lee Park']);
    expect(mine(pairsOf(await queue(w.as.otherManager.accessToken)))).toEqual([]);
    expect((await queue(w.as.sales.accessToken)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect((await t.gql(DISMISS, { id: admin[1].id }, w.as.manager.accessToken)).body.data.dismissDuplicateCustomers.errors[0].code).toBe('NOT_FOUND');
    const dismissed = await t.gql(DISMISS, { id: admin[0].id }, w.as.manager.accessToken);
    expect(dismissed.body.data.dismissDuplicateCustomers).toMatchObject({ pair: { id: admin[0].id, dismissedAt: expect.any(String) }, errors: [] });
    await t.app.services.duplicates.scan();
    expect(mine(pairsOf(await queue(w.as.admin.accessToken))).map((p: any) => p.customers[0].name)).toEqual(['Kim Ode']);
    // A corrected record leaves the queue at the next scan.
    await t.ds.query(`UPDATE customers SET address_street = '2 Elm St' WHERE id = $1`, [d.id]);
    await t.app.services.duplicates.scan();
    expect(mine(pairsOf(await queue(w.as.admin.accessToken)))).toEqual([]);
  });
});
