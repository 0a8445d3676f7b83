import { createLead, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

/** `Lead.referredBy`: who referred a lead, checked against what the writer may see. */
const { t, w } = useTestApp(twoTeamCast);

const CREATE_PARTNER = `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id contacts { id name } } errors { code } } }`;
const LEAD = `referredBy { partner { name } contact { name } } source`;
const CREATE_LEAD = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id ${LEAD} } errors { field code message } } }`;
const UPDATE_LEAD = `mutation($i: UpdateLeadInput!) { updateLead(input: $i) { lead { id ${LEAD} } errors { field code message } } }`;

let lakes: { id: string; contacts: Array<{ id: string; name: string }> };
let south: { id: string; contacts: Array<{ id: string; name: string }> };
let ended: { id: string };

beforeAll(async () => {
  const partner = async (token: string, input: Record<string, unknown>) => (await t.gql(CREATE_PARTNER, { i: input }, token)).body.data.createPartner.partner;
  lakes = await partner(w.as.sales.accessToken, { name: 'Lakes Realty', kind: 'REALTOR', contacts: [{ name: 'Maya Lund' }] });
  south = await partner(w.as.otherSales.accessToken, { name: 'South Claims', kind: 'INSURANCE_ADJUSTER', contacts: [{ name: 'Ola Berg' }] });
  ended = await partner(w.as.sales.accessToken, { name: 'Old Friends Realty', kind: 'REALTOR', status: 'ENDED' });
});

const lead = (referredBy: Record<string, unknown> | null, source = 'PARTNER') => ({ contactName: 'Pat Lee', contactPhone: '651-555-0101', source, referredBy });

it('records the referring partner and contact on a new lead, shown with them', async () => {
  const r = await t.gql(CREATE_LEAD, { i: lead({ partnerId: lakes.id, contactId: lakes.contacts[0]!.id }) }, w.as.sales.accessToken);
  expect(r.body.data.createLead).toMatchObject({ errors: [], lead: { source: 'PARTNER', referredBy: { partner: { name: 'Lakes Realty' }, contact: { name: 'Maya Lund' } } } });
  // A viewer who may not see the partner sees no referral (admins see it).
  const id = r.body.data.createLead.lead.id;
  const asAdmin = await t.gql(`query($id: ID!) { lead(id: $id) { ${LEAD} } }`, { id }, w.as.admin.accessToken);
  expect(asAdmin.body.data.lead.referredBy.partner.name).toBe('Lakes Realty');
});

it.each([
  ['a partner of another team', () => lead({ partnerId: south.id }), 'referredBy.partnerId', 'NOT_FOUND'],
  ['a contact of another partner', () => lead({ partnerId: lakes.id, contactId: south.contacts[0]!.id }), 'referredBy.contactId', 'NOT_FOUND'],
  ['a partnership that has ended', () => lead({ partnerId: ended.id }), 'referredBy.partnerId', 'INVALID'],
  ['another source', () => lead({ partnerId: lakes.id }, 'WEBSITE'), 'source', 'INVALID'],
])('refuses %s as a UserError naming the field, and creates nothing', async (_name, input, field, code) => {
  const before = Number((await t.ds.query('SELECT count(*) AS n FROM leads'))[0].n);
  const r = await t.gql(CREATE_LEAD, { i: input() }, w.as.sales.accessToken);
  expect(r.body.data.createLead.lead).toBeNull();
  expect(r.body.data.createLead.errors).toContainEqual(expect.objectContaining({ field: field.split('.'), code }));
  expect(Number((await t.ds.query('SELECT count(*) AS n FROM leads'))[0].n)).toBe(before);
});

it('sets and clears the referral on an existing lead', async () => {
  const created = await t.gql(CREATE_LEAD, { i: lead(null, 'PHONE') }, w.as.sales.accessToken);
  const id = created.body.data.createLead.lead.id;
  const set = await t.gql(UPDATE_LEAD, { i: { id, source: 'PARTNER', referredBy: { partnerId: lakes.id } } }, w.as.sales.accessToken);
  expect(set.body.data.updateLead).toMatchObject({ errors: [], lead: { referredBy: { partner: { name: 'Lakes Realty' }, contact: null } } });
  const wrongSource = await t.gql(UPDATE_LEAD, { i: { id, source: 'ADS' } }, w.as.sales.accessToken);
  expect(wrongSource.body.data.updateLead.errors).toContainEqual(expect.objectContaining({ field: ['source'], code: 'INVALID' }));
  const cleared = await t.gql(UPDATE_LEAD, { i: { id, referredBy: null } }, w.as.sales.accessToken);
  expect(cleared.body.data.updateLead).toMatchObject({ errors: [], lead: { referredBy: null } });
});

it("scores a referred lead's source by its partner's record, explained", async () => {
  const partner = (await t.gql(CREATE_PARTNER, { i: { name: 'Record Realty', kind: 'REALTOR' } }, w.as.sales.accessToken)).body.data.createPartner.partner;
  const key = Buffer.from(partner.id, 'base64url').toString().split(':')[1]!;
  const past = (status: 'WON' | 'LOST' | 'NEW', n: number) =>
    Promise.all(Array.from({ length: n }, () => createLead(t.ds, { source: 'PARTNER', referredPartnerId: key, status, teamId: w.north })));
  await past('WON', 1);
  await past('LOST', 4);
  await past('NEW', 3); // open ones are no record yet
  const SOURCE = `scoreFactors { factor points explanation }`;
  const r = await t.gql(`mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { ${SOURCE} } errors { code } } }`, { i: lead({ partnerId: partner.id }) }, w.as.sales.accessToken);
  const source = r.body.data.createLead.lead.scoreFactors.find((f: any) => f.factor === 'source_quality');
  // 1 of 5 won: a rate of 0.2, 0.4 of the full one, blended with the base share: (5 * 0.4 + 5) / 10 = 0.7 of 25.
  expect(source).toEqual({ factor: 'source_quality', points: 18, explanation: 'Referred by Record Realty: 1 of 5 referrals won' });
});
