import { createKey, keyCall, runRegistered } from '../../../test/api-keys';
import { createLead, twoTeamCast } from '../../../test/factories';
import { subscribed, useTestApp } from '../../../test/harness';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';

/** What a partner's key does: send referrals (leads of its partner's team) and follow its own, nothing else. */
const { t, w } = useTestApp(twoTeamCast);

const CREATE_PARTNER = `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id contacts { id name } } errors { code } } }`;
const FULL_SCOPES = ['PARTNER_READ', 'REFERRALS_READ', 'REFERRALS_WRITE'];

let lakes: { id: string; contacts: Array<{ id: string; name: string }> };
let south: { id: string; contacts: Array<{ id: string; name: string }> };
let lakesKey: string;
let southKey: string;
let lakesKeyId: string;
let southKeyId: string;

const partner = async (token: string, input: Record<string, unknown>) => (await t.gql(CREATE_PARTNER, { i: input }, token)).body.data.createPartner.partner;
const submit = (key: string, input: Record<string, unknown>) => runRegistered(t, key, 'SubmitReferral', { input });
const referral = (over: Record<string, unknown> = {}) => ({ contactName: 'Pat Lee', contactPhone: '651-555-0101', propertyAddress: { zip: '55401' }, ...over });
const leadCount = async () => Number((await t.ds.query('SELECT count(*) AS n FROM leads'))[0].n);

beforeAll(async () => {
  lakes = await partner(w.as.manager.accessToken, { name: 'Lakes Realty', kind: 'REALTOR', contacts: [{ name: 'Maya Lund', email: 'maya@lakes.example' }] });
  south = await partner(w.as.otherManager.accessToken, { name: 'South Claims', kind: 'INSURANCE_ADJUSTER', contacts: [{ name: 'Ola Berg' }] });
  ({ secret: lakesKey, id: lakesKeyId } = await createKey(t, w.as.admin.accessToken, { name: 'Lakes form', partnerId: lakes.id, scopes: FULL_SCOPES }));
  ({ secret: southKey, id: southKeyId } = await createKey(t, w.as.admin.accessToken, { name: 'South form', partnerId: south.id, scopes: FULL_SCOPES }));
});

it("turns a referral into a PARTNER lead of the partner's team: assigned, scored, notified, live on the board, audited", async () => {
  const board = t.wsClient(w.as.sales.accessToken);
  const live = await subscribed(t, board, 'subscription { leadCreated { lead { id } } }');
  const r = await submit(lakesKey, referral({ contactEmail: 'pat@example.com', referredByContactId: lakes.contacts[0]!.id, message: 'Hail last week.', externalReference: 'LK-1' }));
  expect(r.body.data.submitReferral).toEqual({
    errors: [],
    referral: { id: expect.any(String), contactName: 'Pat Lee', stage: 'RECEIVED', externalReference: 'LK-1', submittedAt: expect.any(String) },
  });
  const id = r.body.data.submitReferral.referral.id;
  await live.waitFor(1);
  expect(live.results[0]!.data.leadCreated.lead.id).toBe(id);
  await board.dispose();
  const staff = await t.gql(`query($id: ID!) { lead(id: $id) { source status score assignee { id } owningTeam { id } notes referredBy { partner { name } contact { name } } createdBy { id } } }`, { id }, w.as.sales.accessToken);
  expect(staff.body.data.lead).toMatchObject({
    source: 'PARTNER',
    status: 'NEW',
    assignee: { id: w.as.sales.id },
    owningTeam: { id: toGlobalId('Team', w.north) },
    notes: 'Hail last week.',
    referredBy: { partner: { name: 'Lakes Realty' }, contact: { name: 'Maya Lund' } },
    createdBy: null,
  });
  expect(staff.body.data.lead.score).toBeGreaterThan(0);
  const notes = await t.gql(`query { notifications(first: 5) { edges { node { title } } } }`, {}, w.as.sales.accessToken);
  expect(notes.body.data.notifications.edges.map((e: any) => e.node.title)).toContain('New referral: Pat Lee');
  const [audit] = await t.ds.query(`SELECT action, actor_id, api_key_id FROM audit_log WHERE entity_type = 'Lead' AND entity_id = $1`, [idOf('Lead', id)]);
  expect(audit).toMatchObject({ action: 'CREATE', actor_id: null, api_key_id: idOf('ApiKey', lakesKeyId) });
});

it("audits a referral as its key's: admins see which key, managers the entry without it; staff changes stay the staff's", async () => {
  const id = (await submit(lakesKey, referral({ contactName: 'Audit Home' }))).body.data.submitReferral.referral.id;
  const LOG = `query($f: AuditLogFilter) { auditLog(first: 20, filter: $f) { edges { node { action actor { id } apiKey { id name partner { name } } byApiKey } } } }`;
  const log = async (token: string, f: Record<string, unknown>) => (await t.gql(LOG, { f }, token)).body.data.auditLog.edges.map((e: any) => e.node);
  const byKey = { action: 'CREATE', actor: null, apiKey: { id: lakesKeyId, name: 'Lakes form', partner: { name: 'Lakes Realty' } }, byApiKey: true };
  expect(await log(w.as.admin.accessToken, { entityId: id, actions: ['CREATE'] })).toEqual([byKey]);
  expect(await log(w.as.admin.accessToken, { entityId: id, apiKeyId: lakesKeyId })).toContainEqual(byKey);
  expect(await log(w.as.admin.accessToken, { entityId: id, apiKeyId: southKeyId })).toEqual([]);
  // The lead is the manager's team's, so its entries are theirs to read; which key is not (keys are the admins'), nor a
  // filter by it: only that a key did it.
  expect(await log(w.as.manager.accessToken, { entityId: id, actions: ['CREATE'] })).toEqual([{ action: 'CREATE', actor: null, apiKey: null, byApiKey: true }]);
  expect(await log(w.as.manager.accessToken, { entityId: id, apiKeyId: lakesKeyId })).toEqual([]);
  const moved = await t.gql(`mutation($i: UpdateLeadStatusInput!) { updateLeadStatus(input: $i) { errors { code } } }`, { i: { id, status: 'CONTACTED' } }, w.as.manager.accessToken);
  expect(moved.body.data.updateLeadStatus.errors).toEqual([]);
  expect(await log(w.as.admin.accessToken, { entityId: id, actorId: w.as.manager.id })).toContainEqual({ action: 'UPDATE', actor: { id: w.as.manager.id }, apiKey: null, byApiKey: false });
});

it('answers a resent externalReference with the referral already made, also when sent twice at once', async () => {
  const first = await submit(lakesKey, referral({ externalReference: 'LK-2' }));
  const before = await leadCount();
  const again = await submit(lakesKey, referral({ externalReference: 'LK-2', contactName: 'Someone Else' }));
  expect(again.body.data.submitReferral.referral.id).toBe(first.body.data.submitReferral.referral.id);
  const together = await Promise.all([1, 2, 3].map(() => submit(lakesKey, referral({ externalReference: 'LK-3' }))));
  expect(new Set(together.map((r) => r.body.data.submitReferral.referral.id)).size).toBe(1);
  expect(await leadCount()).toBe(before + 1);
  // Another partner may use the same reference for its own referral.
  const theirs = await submit(southKey, referral({ externalReference: 'LK-2' }));
  expect(theirs.body.data.submitReferral.referral.id).not.toBe(first.body.data.submitReferral.referral.id);
});

it.each([
  ['no contact name', { contactName: '' }, 'contactName', 'REQUIRED'],
  ['no way to reach them', { contactPhone: null }, 'contactPhone', 'REQUIRED'],
  ['a bad phone', { contactPhone: '12' }, 'contactPhone', 'INVALID'],
  ['a bad e-mail', { contactEmail: 'pat@', contactPhone: null }, 'contactEmail', 'INVALID'],
  ['a bad ZIP', { propertyAddress: { zip: 'ABCDE' } }, 'propertyAddress.zip', 'INVALID'],
  ['a person of another partner', { referredByContactId: 'SOUTH' }, 'referredByContactId', 'NOT_FOUND'],
])('refuses a referral with %s as a UserError naming the field, and creates nothing', async (_name, over, field, code) => {
  const before = await leadCount();
  const input = referral({ ...over, referredByContactId: (over as { referredByContactId?: string }).referredByContactId === 'SOUTH' ? south.contacts[0]!.id : undefined });
  const r = await submit(lakesKey, input);
  expect(r.body.data.submitReferral.referral).toBeNull();
  expect(r.body.data.submitReferral.errors).toContainEqual(expect.objectContaining({ field: field.split('.'), code }));
  expect(await leadCount()).toBe(before);
});

it('lists only its own referrals, newest first, with partner-facing fields; others behave as missing', async () => {
  const staffLead = await createLead(t.ds, { teamId: w.north, contactName: 'Walk In', contactPhone: '+16125550100', source: 'WEBSITE', status: 'NEW', priority: 'LOW', score: 10 });
  const theirs = (await submit(southKey, referral({ contactName: 'South Home' }))).body.data.submitReferral.referral.id;
  const mine = await runRegistered(t, lakesKey, 'MyReferrals', { first: 50 });
  const names = mine.body.data.myReferrals.edges.map((e: any) => e.node.contactName);
  expect(names).toContain('Pat Lee');
  expect(names).not.toContain('South Home');
  expect(names).not.toContain('Walk In');
  expect(mine.body.data.myReferrals.totalCount).toBe(names.length);
  const dates = mine.body.data.myReferrals.edges.map((e: any) => e.node.submittedAt);
  expect([...dates].sort().reverse()).toEqual(dates);
  expect((await runRegistered(t, lakesKey, 'MyReferral', { id: theirs })).body.data.myReferral).toBeNull();
  expect((await runRegistered(t, lakesKey, 'MyReferral', { id: toGlobalId('Lead', staffLead.id) })).body.data.myReferral).toBeNull();
  // Partner-facing types carry no staff fields: asking for them is a validation error, not data.
  const free = await createKey(t, w.as.admin.accessToken, { name: 'Free', partnerId: lakes.id, scopes: FULL_SCOPES, allowFreeFormQueries: true });
  for (const field of ['notes', 'score', 'assignee { id }', 'customer { id }', 'lostReason']) {
    const r = await keyCall(t, free.secret, { query: `{ myReferrals(first: 1) { edges { node { ${field} } } } }` });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  }
});

it('follows a referral through the pipeline: stage, booking and its fee as the contractor moves it', async () => {
  const paying = await partner(w.as.manager.accessToken, { name: 'Fee Realty', kind: 'REALTOR', referralFee: { kind: 'PERCENT', percent: 5, cap: '1000.00' } });
  const key = (await createKey(t, w.as.admin.accessToken, { name: 'Fee key', partnerId: paying.id, scopes: FULL_SCOPES })).secret;
  const id = (await submit(key, referral({ contactName: 'Won Home' }))).body.data.submitReferral.referral.id;
  const stageOf = async () => (await runRegistered(t, key, 'MyReferral', { id })).body.data.myReferral;
  expect(await stageOf()).toMatchObject({ stage: 'RECEIVED', bookedAt: null, fee: null });
  for (const status of ['CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON']) {
    const r = await t.gql(`mutation($i: UpdateLeadStatusInput!) { updateLeadStatus(input: $i) { errors { code } } }`, { i: { id, status } }, w.as.sales.accessToken);
    expect(r.body.data.updateLeadStatus.errors).toEqual([]);
  }
  expect(await stageOf()).toMatchObject({ stage: 'WON', bookedAt: null, fee: null });
  const converted = await t.gql(`mutation($i: ConvertLeadInput!) { convertLead(input: $i) { errors { code } } }`, { i: { id, budget: '14000.00' } }, w.as.sales.accessToken);
  expect(converted.body.data.convertLead.errors).toEqual([]);
  expect(await stageOf()).toMatchObject({ stage: 'WON', bookedAt: expect.any(String), fee: { amount: '700.00', status: 'ACCRUED', approvedAt: null, paidAt: null } });
  const fees = await t.gql(`query($p: ID!) { referralFees(first: 5, filter: { partnerId: $p }) { edges { node { id } } } }`, { p: paying.id }, w.as.manager.accessToken);
  const feeId = fees.body.data.referralFees.edges[0].node.id;
  await t.gql(`mutation($id: ID!) { approveReferralFee(id: $id) { errors { code } } }`, { id: feeId }, w.as.manager.accessToken);
  await t.gql(`mutation($id: ID!) { markReferralFeePaid(id: $id) { errors { code } } }`, { id: feeId }, w.as.manager.accessToken);
  expect((await stageOf()).fee).toMatchObject({ status: 'PAID', approvedAt: expect.any(String), paidAt: expect.any(String) });
  const won = await runRegistered(t, key, 'MyReferrals', { first: 10, filter: { stages: ['WON'] } });
  expect(won.body.data.myReferrals.edges.map((e: any) => e.node.contactName)).toEqual(['Won Home']);
});

it('shows a fee the contractor voided as VOID, without the reason (staff text)', async () => {
  const paying = await partner(w.as.manager.accessToken, { name: 'Void Realty', kind: 'REALTOR', referralFee: { kind: 'FLAT', flatAmount: '400.00' } });
  const key = (await createKey(t, w.as.admin.accessToken, { name: 'Void key', partnerId: paying.id, scopes: FULL_SCOPES })).secret;
  const lead = await createLead(t.ds, { status: 'WON', source: 'PARTNER', referredPartnerId: idOf('Partner', paying.id), teamId: w.north, contactName: 'Cancelled Home' });
  await t.gql(`mutation($i: ConvertLeadInput!) { convertLead(input: $i) { errors { code } } }`, { i: { id: toGlobalId('Lead', lead.id) } }, w.as.manager.accessToken);
  const [fee] = await t.ds.query('SELECT id FROM referral_fees WHERE lead_id = $1', [lead.id]);
  const voided = await t.gql(
    `mutation($i: VoidReferralFeeInput!) { voidReferralFee(input: $i) { errors { code } } }`,
    { i: { id: toGlobalId('ReferralFee', fee.id), reason: 'Homeowner cancelled.' } },
    w.as.manager.accessToken,
  );
  expect(voided.body.data.voidReferralFee.errors).toEqual([]);
  const mine = await runRegistered(t, key, 'MyReferrals', { first: 10 });
  expect(mine.body.data.myReferrals.edges.map((e: any) => [e.node.contactName, e.node.fee])).toEqual([
    ['Cancelled Home', { amount: '400.00', status: 'VOID', accruedAt: expect.any(String), approvedAt: null, paidAt: null }],
  ]);
  expect(JSON.stringify(mine.body)).not.toContain('Homeowner cancelled');
});

it('shows the partnership to its own key; a company key has none and cannot send referrals', async () => {
  const r = await runRegistered(t, lakesKey, 'MyPartner');
  expect(r.body.data.myPartner).toMatchObject({ name: 'Lakes Realty', kind: 'REALTOR', status: 'ACTIVE', contacts: [{ name: 'Maya Lund', email: 'maya@lakes.example' }] });
  const company = await createKey(t, w.as.admin.accessToken, { name: 'Integration', scopes: ['PARTNER_READ'] });
  expect((await runRegistered(t, company.secret, 'MyPartner')).body.data.myPartner).toBeNull();
  expect((await submit(company.secret, referral())).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it('stops accepting referrals once the partnership has ended (and a deleted partner\'s keys stop working)', async () => {
  const gone = await partner(w.as.manager.accessToken, { name: 'Closing Realty', kind: 'REALTOR' });
  const key = (await createKey(t, w.as.admin.accessToken, { name: 'Closing', partnerId: gone.id, scopes: FULL_SCOPES })).secret;
  await t.gql(`mutation($i: UpdatePartnerInput!) { updatePartner(input: $i) { errors { code } } }`, { i: { id: gone.id, status: 'ENDED' } }, w.as.manager.accessToken);
  const before = await leadCount();
  expect((await submit(key, referral())).body.data.submitReferral.errors).toEqual([expect.objectContaining({ field: null, code: 'FORBIDDEN' })]);
  expect(await leadCount()).toBe(before);
  await t.gql(`mutation($id: ID!) { deletePartner(id: $id) { errors { code } } }`, { id: gone.id }, w.as.manager.accessToken);
  expect((await runRegistered(t, key, 'MyPartner')).status).toBe(401);
});

it.each(['admin', 'manager', 'sales', 'tech'] as const)('refuses the partner fields to staff (%s): they are for keys', async (role) => {
  for (const query of ['{ myPartner { name } }', '{ myReferrals { totalCount } }', 'mutation { submitReferral(input: { contactName: "Pat Lee", contactPhone: "651-555-0101" }) { errors { code } } }']) {
    const r = await t.gql(query, {}, w.as[role].accessToken);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }
});
