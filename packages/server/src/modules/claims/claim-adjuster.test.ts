import { createKey, keyCall, runRegistered } from '../../../test/api-keys';
import { createCustomer, createProject, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { notificationsOfKind, runJob, unschedule } from '../../../test/notification-factories';
import { toGlobalId } from '../../platform/graphql/global-id';
import { dateIn } from '../../platform/time-zone';
import { addDays } from './claim-input';

/**
 * What an insurance adjuster partner does with its key: sees only the claims its partner adjusts (with their sent
 * supplements and payments), books inspections, sets the approved total and answers supplements — nothing else. And
 * the depreciation deadline alerts.
 */
const { t, w } = useTestApp(twoTeamCast, { env: { JOBS_WORKERS: 'true' } });

const SCOPES = ['CLAIMS_READ', 'CLAIMS_ADJUST'];
let projectId: string;
let ours: { id: string; contacts: Array<{ id: string }> };
let theirs: { id: string };
let oursKey: string;
let oursKeyId: string;
let theirsKey: string;
let realtorKey: string;

const as = (role: keyof typeof w.as) => w.as[role].accessToken;
const partner = async (name: string, kind: string) =>
  (await t.gql(`mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id contacts { id } } } }`, { i: { name, kind, contacts: [{ name: `${name} Person` }] } }, as('manager'))).body.data.createPartner.partner;
/** Claim numbers are unique per carrier: each claim its own. */
let numbered = 0;
async function claim(adjusterPartnerId: string | null, over: Record<string, unknown> = {}) {
  const r = await t.gql(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { id } errors { message } } }`, {
    i: { carrier: 'Travelers', claimNumber: `TR-${++numbered}`, dateOfLoss: '2026-06-01', causeOfLoss: 'HAIL', projectId, adjuster: adjusterPartnerId ? { partnerId: adjusterPartnerId } : undefined, money: { rcv: '20000.00', recoverableDepreciation: '3000.00', deductible: '1000.00' }, ...over },
  }, as('sales'));
  return r.body.data.createClaim.claim.id as string;
}
async function sentSupplement(claimId: string) {
  const r = await t.gql(`mutation($i: CreateSupplementInput!) { createSupplement(input: $i) { supplement { id lineItems { id } } } }`, {
    i: { claimId, title: 'Ice and water', lineItems: [{ description: 'Ice and water shield', code: 'RFG IWS', quantity: '10.5', unit: 'SQ', unitPrice: '85.25' }, { description: 'Drip edge', quantity: '120', unit: 'LF', unitPrice: '3.10' }] },
  }, as('sales'));
  const s = r.body.data.createSupplement.supplement;
  await t.gql(`mutation($id: ID!) { sendSupplement(id: $id) { errors { code } } }`, { id: s.id }, as('sales'));
  return s as { id: string; lineItems: Array<{ id: string }> };
}

beforeAll(async () => {
  await unschedule(t, ['claim-depreciation-alerts']);
  const customer = await createCustomer(t.ds, { teamId: w.north, name: 'Hale Homeowner', addressStreet: '12 Storm Ln', addressCity: 'Edina', addressZip: '55424' });
  projectId = toGlobalId('Project', (await createProject(t.ds, customer, { projectType: 'STORM_DAMAGE' })).id);
  ours = await partner('North Adjusting', 'INSURANCE_ADJUSTER');
  theirs = await partner('Other Adjusting', 'INSURANCE_ADJUSTER');
  const realtor = await partner('Lakes Realty', 'REALTOR');
  ({ secret: oursKey, id: oursKeyId } = await createKey(t, as('admin'), { name: 'Ours', partnerId: ours.id, scopes: SCOPES, allowFreeFormQueries: true, rateLimitPerMinute: 6000, costPerMinute: 1000000 }));
  theirsKey = (await createKey(t, as('admin'), { name: 'Theirs', partnerId: theirs.id, scopes: SCOPES, allowFreeFormQueries: true, rateLimitPerMinute: 6000, costPerMinute: 1000000 })).secret;
  realtorKey = (await createKey(t, as('admin'), { name: 'Realtor', partnerId: realtor.id, scopes: ['PARTNER_READ', 'REFERRALS_READ'], allowFreeFormQueries: true })).secret;
});

it('gives claim scopes to adjuster partners only', async () => {
  const realtorId = (await partner('Scope Realty', 'REALTOR')).id;
  for (const input of [{ partnerId: realtorId, scopes: ['CLAIMS_READ'] }, { scopes: ['CLAIMS_ADJUST'] }]) {
    const r = await t.gql(`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret errors { field code } } }`, { i: { name: 'No claims', ...input } }, as('admin'));
    expect(r.body.data.createApiKey).toEqual({ secret: null, errors: [{ field: ['scopes'], code: 'INVALID' }] });
  }
  const sdl = await (await fetch(`${t.url}/graphql/schema.graphql?audience=partner`)).text();
  for (const field of ['myClaims(', 'myClaim(', 'adjustClaim(', 'adjustSupplement(', 'CLAIMS_READ', 'type AdjusterClaim ']) expect(sdl).toContain(field);
  for (const staff of ['type InsuranceClaim ', 'notes', 'type Supplement ', 'createClaim(']) expect(sdl).not.toContain(staff);
});

it("sees only its partner's claims (sent supplements, payments, the property) — another adjuster's and unassigned ones behave as missing", async () => {
  const mine = await claim(ours.id);
  const other = await claim(theirs.id);
  const nobody = await claim(null);
  const supplement = await sentSupplement(mine);
  await t.gql(`mutation($i: CreateSupplementInput!) { createSupplement(input: $i) { errors { code } } }`, { i: { claimId: mine, title: 'Draft only', lineItems: [] } }, as('sales'));
  const list = await runRegistered(t, oursKey, 'MyClaims', { first: 50 });
  expect(list.body.data.myClaims.edges.map((e: any) => e.node.id)).toEqual([mine]);
  expect(list.body.data.myClaims.totalCount).toBe(1);
  const one = (await runRegistered(t, oursKey, 'MyClaim', { id: mine })).body.data.myClaim;
  expect(one).toMatchObject({
    insuredName: 'Hale Homeowner', propertyAddress: { street: '12 Storm Ln', city: 'Edina', zip: '55424' },
    money: { rcv: '20000.00', acv: '17000.00', carrierOwes: '16000.00', supplementsRequested: '1267.13' },
    supplements: [{ id: supplement.id, status: 'SENT', requestedTotal: '1267.13' }],
  });
  for (const id of [other, nobody]) expect((await runRegistered(t, oursKey, 'MyClaim', { id })).body.data.myClaim).toBeNull();
  expect((await runRegistered(t, theirsKey, 'MyClaim', { id: mine })).body.data.myClaim).toBeNull();
  // Staff reads and the claim's staff fields are not in a key's schema.
  for (const query of [`{ claim(id: "${mine}") { id } }`, `{ claims { totalCount } }`, `{ myClaim(id: "${mine}") { notes } }`, `{ node(id: "${mine}") { id } }`]) {
    expect((await keyCall(t, oursKey, { query })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  }
  // A realtor's key has no claim scope: refused, whatever the claim.
  expect((await keyCall(t, realtorKey, { query: `{ myClaims { totalCount } }` })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await keyCall(t, realtorKey, { query: `mutation { adjustClaim(input: { id: "${mine}", approvedTotal: "1.00" }) { errors { code } } }` })).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

/** The audit entries of a record, as an admin reads them: what was done, and by whom (a staff member or a key). */
async function auditOf(entityId: string) {
  const r = await t.gql(`query($f: AuditLogFilter) { auditLog(first: 20, filter: $f) { edges { node { entityType action actor { id } apiKey { id } } } } }`, { f: { entityId } }, as('admin'));
  return r.body.data.auditLog.edges.map((e: any) => e.node);
}

it("books the inspection and sets the approved total of its claims; audited as its key's; nothing else", async () => {
  const mine = await claim(ours.id);
  const r = await runRegistered(t, oursKey, 'AdjustClaim', { input: { id: mine, inspectionAt: '2026-06-10T14:00:00Z', approvedTotal: '18500.55' } });
  expect(r.body.data.adjustClaim).toEqual({
    errors: [],
    claim: { id: mine, status: 'INSPECTION_SCHEDULED', inspectionAt: '2026-06-10T14:00:00.000Z', money: { approvedTotal: '18500.55', acv: '15500.55', carrierOwes: '14500.55' }, updatedAt: expect.any(String) },
  });
  const staff = await t.gql(`query($id: ID!) { claim(id: $id) { status statusHistory { from to changedBy { id } } } }`, { id: mine }, as('sales'));
  expect(staff.body.data.claim.statusHistory.at(-1)).toEqual({ from: 'FILED', to: 'INSPECTION_SCHEDULED', changedBy: null });
  const [entry] = await t.ds.query(`SELECT actor_id, changes FROM audit_log WHERE entity_type = 'InsuranceClaim' AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`);
  expect(entry.actor_id).toBeNull();
  expect(Object.keys(entry.changes).sort()).toEqual(['approvedTotal', 'inspectionAt', 'status']);
  expect(await auditOf(mine)).toEqual([
    { entityType: 'InsuranceClaim', action: 'UPDATE', actor: null, apiKey: { id: oursKeyId } },
    { entityType: 'InsuranceClaim', action: 'CREATE', actor: { id: w.as.sales.id }, apiKey: null },
  ]);
  const tooLow = await runRegistered(t, oursKey, 'AdjustClaim', { input: { id: mine, approvedTotal: '2999.99' } });
  expect(tooLow.body.data.adjustClaim.errors).toEqual([expect.objectContaining({ field: ['approvedTotal'], code: 'OUT_OF_RANGE' })]);
  const others = await runRegistered(t, theirsKey, 'AdjustClaim', { input: { id: mine, approvedTotal: '1.00' } });
  expect(others.body.data.adjustClaim).toEqual({ claim: null, errors: [{ field: ['id'], code: 'NOT_FOUND', message: 'No such claim.' }] });
  // Anything else is outside the key's schema: stage moves, claim details, payments.
  for (const m of [`updateClaimStatus(input: { id: "${mine}", status: INSPECTED }) { errors { code } }`, `updateClaim(input: { id: "${mine}", notes: "x" }) { errors { code } }`,
    `recordCarrierPayment(input: { claimId: "${mine}", kind: ACV, amount: "1.00", receivedOn: "2026-06-01" }) { errors { code } }`, `adjustClaim(input: { id: "${mine}", status: PAID }) { errors { code } }`]) {
    expect((await keyCall(t, oursKey, { query: `mutation { ${m} }` })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  }
  const [{ approved_total }] = await t.ds.query(`SELECT approved_total FROM insurance_claims WHERE id = (SELECT entity_id FROM audit_log WHERE entity_type = 'InsuranceClaim' ORDER BY id DESC LIMIT 1)`);
  expect(approved_total).toBe('18500.55');
});

it('answers the supplements sent on its claims, line by line; drafts and others\' supplements behave as missing', async () => {
  const mine = await claim(ours.id);
  const supplement = await sentSupplement(mine);
  const [ice] = supplement.lineItems;
  const partly = await runRegistered(t, oursKey, 'AdjustSupplement', { input: { id: supplement.id, status: 'PARTIALLY_APPROVED', lines: [{ lineId: ice!.id, approvedQuantity: '8.25', approvedUnitPrice: '85.25' }] } });
  expect(partly.body.data.adjustSupplement.errors).toEqual([]);
  // 8.25 × 85.25 = 703.3125 → 703.31; the drip edge is not approved (0).
  expect(partly.body.data.adjustSupplement.supplement).toMatchObject({ status: 'PARTIALLY_APPROVED', requestedTotal: '1267.13', approvedTotal: '703.31', answeredAt: expect.any(String) });
  const all = await runRegistered(t, oursKey, 'AdjustSupplement', { input: { id: supplement.id, status: 'APPROVED' } });
  expect(all.body.data.adjustSupplement.supplement).toMatchObject({ status: 'APPROVED', approvedTotal: '1267.13' });
  expect((await auditOf(supplement.id)).slice(0, 2)).toEqual([
    { entityType: 'Supplement', action: 'UPDATE', actor: null, apiKey: { id: oursKeyId } },
    { entityType: 'Supplement', action: 'UPDATE', actor: null, apiKey: { id: oursKeyId } },
  ]);
  const money = (await runRegistered(t, oursKey, 'MyClaim', { id: mine })).body.data.myClaim.money;
  expect(money).toMatchObject({ supplementsApproved: '1267.13', carrierOwes: '17267.13' });
  expect((await runRegistered(t, theirsKey, 'AdjustSupplement', { input: { id: supplement.id, status: 'DENIED' } })).body.data.adjustSupplement.errors[0].code).toBe('NOT_FOUND');
  const draft = (await t.gql(`mutation($i: CreateSupplementInput!) { createSupplement(input: $i) { supplement { id } } }`, { i: { claimId: mine, title: 'Not yet', lineItems: [{ description: 'Vents', quantity: '2', unitPrice: '40.00' }] } }, as('sales'))).body.data.createSupplement.supplement;
  expect((await runRegistered(t, oursKey, 'AdjustSupplement', { input: { id: draft.id, status: 'APPROVED' } })).body.data.adjustSupplement.errors[0].code).toBe('NOT_FOUND');
  const bad = await runRegistered(t, oursKey, 'AdjustSupplement', { input: { id: supplement.id, status: 'SENT' } });
  expect(bad.body.data.adjustSupplement.errors[0]).toMatchObject({ field: ['status'], code: 'INVALID' });
});

describe('claim-depreciation-alerts', () => {
  it("tells the owner 14 and then 3 days before the deadline, once per threshold; else the team's manager", async () => {
    const today = dateIn(new Date(), t.config.company.timeZone);
    const soon = await claim(null, { claimNumber: 'DEP-1', depreciationDeadline: addDays(today, 10) });
    const managed = await claim(null, { claimNumber: 'DEP-2', depreciationDeadline: addDays(today, 2), ownerId: null });
    await claim(null, { claimNumber: 'DEP-3', depreciationDeadline: addDays(today, 30) });
    await claim(null, { claimNumber: 'DEP-4', depreciationDeadline: addDays(today, -1) });
    await t.ds.query(`UPDATE teams SET manager_id = $1 WHERE id = $2`, [w.as.manager.user.id, w.north]);
    expect(await runJob(t, 'claim-depreciation-alerts')).toMatchObject({ state: 'completed', output: { created: 2 } });
    expect(await runJob(t, 'claim-depreciation-alerts')).toMatchObject({ state: 'completed', output: { created: 0 } });
    let rows = await notificationsOfKind(t.ds, 'CLAIM_DEPRECIATION_DEADLINE');
    expect(rows.map((r) => [r.recipient_id, r.title])).toEqual(expect.arrayContaining([
      [w.as.sales.user.id, 'Depreciation due in 10 days: Travelers DEP-1'],
      [w.as.manager.user.id, 'Depreciation due in 2 days: Travelers DEP-2'],
    ]));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.title.includes('DEP-1'))).toMatchObject({ entity_type: 'InsuranceClaim', body: expect.stringContaining('$3000.00 of recoverable depreciation') });
    // Three days before: the second threshold, once.
    await t.gql(`mutation($i: UpdateClaimInput!) { updateClaim(input: $i) { errors { code } } }`, { i: { id: soon, depreciationDeadline: addDays(today, 3) } }, as('sales'));
    expect(await runJob(t, 'claim-depreciation-alerts')).toMatchObject({ output: { created: 1 } });
    // Collected (a DEPRECIATION payment for all of it) or closed: no more alerts.
    await t.gql(`mutation($i: RecordCarrierPaymentInput!) { recordCarrierPayment(input: $i) { errors { code } } }`, { i: { claimId: managed, kind: 'DEPRECIATION', amount: '3000.00', receivedOn: today } }, as('sales'));
    await t.gql(`mutation($i: UpdateClaimInput!) { updateClaim(input: $i) { errors { code } } }`, { i: { id: managed, depreciationDeadline: addDays(today, 1) } }, as('sales'));
    expect(await runJob(t, 'claim-depreciation-alerts')).toMatchObject({ output: { created: 0 } });
    rows = await notificationsOfKind(t.ds, 'CLAIM_DEPRECIATION_DEADLINE');
    expect(rows.map((r) => r.title)).toContain('Depreciation due in 3 days: Travelers DEP-1');
    const bell = await t.gql(`{ notifications(first: 5) { edges { node { kind subject { __typename id } } } } }`, {}, as('sales'));
    expect(bell.body.data.notifications.edges.map((e: any) => e.node)).toContainEqual({ kind: 'CLAIM_DEPRECIATION_DEADLINE', subject: { __typename: 'InsuranceClaim', id: soon } });
  });
});
