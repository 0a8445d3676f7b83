import { createLead, twoTeamCast } from '../../../test/factories';
import { subscribe, subscribed, useTestApp } from '../../../test/harness';
import { toGlobalId } from '../../platform/graphql/global-id';
import type { LeadEntity } from '../leads/lead.entity';

/**
 * Referral fees: accrued with the conversion of a referred lead (at most once per project, under concurrency too),
 * approved, paid or voided by admins and the managers of the fee's team, seen by them only; partner live events.
 */
const { t, w } = useTestApp(twoTeamCast);

const CREATE_PARTNER = `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id name } errors { code } } }`;
const CONVERT = `mutation($i: ConvertLeadInput!) { convertLead(input: $i) { project { id budget } errors { code message } } }`;
const FEE = `id amount status accruedAt approvedAt approvedBy { name } paidAt paidBy { name } voidedAt voidedBy { name } voidReason
  partner { name } project { id } lead { id } owningTeam { name }`;
const FEES = `query($f: ReferralFeeFilter) { referralFees(filter: $f, first: 100) { totalCount edges { node { ${FEE} } } } }`;
const GET_FEE = `query($id: ID!) { referralFee(id: $id) { ${FEE} } }`;
const APPROVE = `mutation($id: ID!) { approveReferralFee(id: $id) { referralFee { ${FEE} } errors { field code message } } }`;
const PAY = `mutation($id: ID!) { markReferralFeePaid(id: $id) { referralFee { ${FEE} } errors { field code message } } }`;
const VOID = `mutation($i: VoidReferralFeeInput!) { voidReferralFee(input: $i) { referralFee { ${FEE} } errors { field code message } } }`;

type Who = keyof typeof w.as;
const token = (who: Who) => w.as[who].accessToken;
const partners: Record<string, { id: string; key: string }> = {};

beforeAll(async () => {
  const make = async (who: Who, name: string, referralFee: Record<string, unknown>) => {
    const r = await t.gql(CREATE_PARTNER, { i: { name, kind: 'REALTOR', referralFee } }, token(who));
    const id = r.body.data.createPartner.partner.id as string;
    partners[name] = { id, key: Buffer.from(id, 'base64url').toString().split(':')[1]! };
  };
  await make('sales', 'Percent Realty', { kind: 'PERCENT', percent: 10, cap: '1500.00' });
  await make('sales', 'Uncapped Realty', { kind: 'PERCENT', percent: 2.5 });
  await make('sales', 'Flat Inspections', { kind: 'FLAT', flatAmount: '250.00' });
  await make('sales', 'Friendly Neighbours', { kind: 'NONE' });
  await make('otherSales', 'South Claims', { kind: 'FLAT', flatAmount: '300.00', cap: '200.00' });
});

/** A WON lead referred by `partner`, in the team of `who`, assigned to them when they are sales. */
async function wonLead(partner: string | null, over: Partial<LeadEntity> = {}, team: 'north' | 'south' = 'north'): Promise<LeadEntity> {
  const assignee = team === 'north' ? w.as.sales : w.as.otherSales;
  return createLead(t.ds, {
    status: 'WON',
    source: partner ? 'PARTNER' : 'WEBSITE',
    referredPartnerId: partner ? partners[partner]!.key : null,
    teamId: w[team],
    assigneeId: assignee.user.id,
    estimatedValue: '20000.00',
    ...over,
  });
}

/** The fee accrued by converting a new won lead of `partner` (north), as a global ID. */
async function accruedFee(partner = 'Flat Inspections'): Promise<string> {
  const lead = await wonLead(partner);
  await convert(lead);
  return toGlobalId('ReferralFee', (await t.ds.query('SELECT id FROM referral_fees WHERE lead_id = $1', [lead.id]))[0].id);
}

async function convert(lead: LeadEntity, who: Who = 'manager', budget?: string) {
  const r = await t.gql(CONVERT, { i: { id: toGlobalId('Lead', lead.id), budget } }, token(who));
  return r.body.data.convertLead as { project: { id: string } | null; errors: Array<{ code: string }> };
}

const feesOf = (leadId: string) => t.ds.query(`SELECT amount, status, partner_id, team_id FROM referral_fees WHERE lead_id = $1`, [leadId]);

describe('accrual on conversion', () => {
  it.each([
    ['a percentage of the contract value, capped', 'Percent Realty', '20000.00', '1500.00'],
    ['a percentage of the contract value, rounded to cents', 'Uncapped Realty', '12345.67', '308.64'],
    ['a percentage of the estimate when no contract value is given', 'Uncapped Realty', undefined, '500.00'],
    ['a flat amount', 'Flat Inspections', '9000.00', '250.00'],
  ])('accrues %s', async (_name, partner, budget, amount) => {
    const lead = await wonLead(partner);
    expect((await convert(lead, 'sales', budget)).errors).toEqual([]);
    expect(await feesOf(lead.id)).toEqual([{ amount, status: 'ACCRUED', partner_id: partners[partner]!.key, team_id: w.north }]);
    const [audit] = await t.ds.query(`SELECT a.action FROM audit_log a JOIN referral_fees f ON f.id = a.entity_id WHERE f.lead_id = $1 AND a.entity_type = 'ReferralFee'`, [lead.id]);
    expect(audit).toEqual({ action: 'CREATE' });
  });

  it('accrues nothing for a partner without fee terms, nor for a lead no partner referred', async () => {
    for (const lead of [await wonLead('Friendly Neighbours'), await wonLead(null)]) {
      expect((await convert(lead)).errors).toEqual([]);
      expect(await feesOf(lead.id)).toEqual([]);
    }
  });

  it('accrues exactly once when the same lead is converted concurrently', async () => {
    const lead = await wonLead('Flat Inspections');
    const results = await Promise.all(Array.from({ length: 6 }, () => convert(lead, 'manager')));
    expect(results.filter((r) => r.errors.length === 0)).toHaveLength(1);
    expect(await feesOf(lead.id)).toEqual([{ amount: '250.00', status: 'ACCRUED', partner_id: partners['Flat Inspections']!.key, team_id: w.north }]);
  });

  it('accrues exactly once per project when accruals race in separate transactions', async () => {
    const lead = await wonLead('Percent Realty');
    const { project } = await convert(lead);
    const projectId = Buffer.from(project!.id, 'base64url').toString().split(':')[1]!;
    const writer = t.app.services.referralFees.fees;
    const referral = { lead: { id: lead.id, referredPartnerId: partners['Percent Realty']!.key, teamId: w.north }, project: { id: projectId, budget: '100.00' } };
    // The conversion accrued the project's fee: another accrual adds none.
    expect(await t.ds.transaction((m) => writer.accrue(m, null, referral))).toBeNull();
    // Without it, concurrent accruals (each its own transaction) insert one: the others wait on the key, then do nothing.
    await t.ds.query('DELETE FROM referral_fees WHERE project_id = $1', [projectId]);
    const raced = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.ds.transaction((m) => writer.accrue(m, null, referral)),
      ),
    );
    expect(raced.filter(Boolean).map((f) => f!.amount)).toEqual(['10.00']);
    expect(await t.ds.query('SELECT count(*)::int AS n FROM referral_fees WHERE project_id = $1', [projectId])).toEqual([{ n: 1 }]);
  });
});

describe('who sees fees', () => {
  let north: string;
  let south: string;
  beforeAll(async () => {
    const n = await wonLead('Flat Inspections', { contactName: 'North Fee Lead' });
    const s = await wonLead('South Claims', {}, 'south');
    await convert(n, 'manager');
    await convert(s, 'otherManager');
    const ids = async (leadId: string) => toGlobalId('ReferralFee', (await t.ds.query('SELECT id FROM referral_fees WHERE lead_id = $1', [leadId]))[0].id);
    north = await ids(n.id);
    south = await ids(s.id);
  });

  it.each([
    ['admin', true, true],
    ['manager', true, false],
    ['otherManager', false, true],
  ] as const)('%s: by id, node(id:) and the list', async (who, seesNorth, seesSouth) => {
    for (const [id, sees] of [
      [north, seesNorth],
      [south, seesSouth],
    ] as const) {
      expect((await t.gql(GET_FEE, { id }, token(who))).body.data.referralFee?.id ?? null).toBe(sees ? id : null);
      expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id }, token(who))).body.data.node?.id ?? null).toBe(sees ? id : null);
    }
    const listed = (await t.gql(FEES, {}, token(who))).body.data.referralFees.edges.map((e: any) => e.node.id);
    expect(listed.includes(north)).toBe(seesNorth);
    expect(listed.includes(south)).toBe(seesSouth);
  });

  it('shows the south fee capped, with its partner, project and team', async () => {
    const fee = (await t.gql(GET_FEE, { id: south }, token('otherManager'))).body.data.referralFee;
    expect(fee).toMatchObject({ amount: '200.00', status: 'ACCRUED', partner: { name: 'South Claims' }, owningTeam: { name: 'South' }, approvedAt: null, paidBy: null });
    expect(fee.project.id).toBeTruthy();
  });

  it.each(['sales', 'tech'] as const)('is closed to %s (fee records and fee transitions)', async (who) => {
    expect((await t.gql(FEES, {}, token(who))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(GET_FEE, { id: north }, token(who))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(APPROVE, { id: north }, token(who))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: north }, token(who))).body.data.node).toBeNull();
  });

  it('filters by partner and status', async () => {
    const byPartner = await t.gql(FEES, { f: { partnerId: partners['South Claims']!.id } }, token('admin'));
    expect(byPartner.body.data.referralFees.edges.map((e: any) => e.node.partner.name)).toEqual(['South Claims']);
    const paid = await t.gql(FEES, { f: { statuses: ['PAID'] } }, token('admin'));
    expect(paid.body.data.referralFees.edges.every((e: any) => e.node.status === 'PAID')).toBe(true);
  });

  it("lists a partner's fees for managers, null for sales; its referrals for both, under the lead rules", async () => {
    const Q = `query($id: ID!) { partner(id: $id) { referralFees(first: 50) { totalCount edges { node { amount } } }
      referrals(first: 50) { totalCount edges { node { status contactName convertedProject { id } } } } } }`;
    const asManager = (await t.gql(Q, { id: partners['Flat Inspections']!.id }, token('manager'))).body.data.partner;
    expect(asManager.referralFees.edges.every((e: any) => e.node.amount === '250.00')).toBe(true);
    expect(asManager.referralFees.totalCount).toBeGreaterThanOrEqual(2);
    const asSales = await t.gql(Q, { id: partners['Flat Inspections']!.id }, token('sales'));
    expect(asSales.body.errors).toBeUndefined();
    expect(asSales.body.data.partner.referralFees).toBeNull();
    const referrals = asSales.body.data.partner.referrals;
    expect(referrals.totalCount).toBe(asManager.referrals.totalCount);
    expect(referrals.edges.map((e: any) => e.node.status)).toContain('WON');
    expect(referrals.edges.find((e: any) => e.node.contactName === 'North Fee Lead').node.convertedProject.id).toBeTruthy();
    // A lead of the partner assigned to another sales member is not theirs to see.
    await createLead(t.ds, { source: 'PARTNER', referredPartnerId: partners['Flat Inspections']!.key, teamId: w.north, assigneeId: w.as.manager.user.id });
    const again = (await t.gql(Q, { id: partners['Flat Inspections']!.id }, token('sales'))).body.data.partner.referrals.totalCount;
    const forManager = (await t.gql(Q, { id: partners['Flat Inspections']!.id }, token('manager'))).body.data.partner.referrals.totalCount;
    expect([again, forManager]).toEqual([referrals.totalCount, referrals.totalCount + 1]);
  });
});

describe('approving and paying', () => {
  let fee: string;
  beforeAll(async () => {
    fee = await accruedFee('Percent Realty');
  });

  it('moves ACCRUED -> APPROVED -> PAID with who and when, each step audited; anything else is an INVALID_TRANSITION', async () => {
    const early = await t.gql(PAY, { id: fee }, token('manager'));
    expect(early.body.data.markReferralFeePaid).toMatchObject({ referralFee: null, errors: [{ field: ['id'], code: 'INVALID_TRANSITION' }] });

    const approved = await t.gql(APPROVE, { id: fee }, token('manager'));
    expect(approved.body.data.approveReferralFee.errors).toEqual([]);
    expect(approved.body.data.approveReferralFee.referralFee).toMatchObject({ status: 'APPROVED', approvedBy: { name: w.as.manager.user.name }, paidAt: null });
    expect(approved.body.data.approveReferralFee.referralFee.approvedAt).toBeTruthy();

    const twice = await t.gql(APPROVE, { id: fee }, token('admin'));
    expect(twice.body.data.approveReferralFee.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);

    const paid = await t.gql(PAY, { id: fee }, token('admin'));
    expect(paid.body.data.markReferralFeePaid.referralFee).toMatchObject({ status: 'PAID', approvedBy: { name: w.as.manager.user.name }, paidBy: { name: w.as.admin.user.name } });

    const key = Buffer.from(fee, 'base64url').toString().split(':')[1];
    const entries = await t.ds.query(`SELECT action, changes->'status'->>'after' AS status FROM audit_log WHERE entity_type = 'ReferralFee' AND entity_id = $1 ORDER BY occurred_at, id`, [key]);
    expect(entries).toEqual([
      { action: 'CREATE', status: 'ACCRUED' },
      { action: 'UPDATE', status: 'APPROVED' },
      { action: 'UPDATE', status: 'PAID' },
    ]);
  });

  it("treats another team's fee as missing", async () => {
    const r = await t.gql(APPROVE, { id: fee }, token('otherManager'));
    expect(r.body.data.approveReferralFee).toMatchObject({ referralFee: null, errors: [{ code: 'NOT_FOUND' }] });
  });

  it('lets exactly one of concurrent approvals through', async () => {
    const id = await accruedFee();
    const results = await Promise.all(Array.from({ length: 4 }, () => t.gql(APPROVE, { id }, token('manager'))));
    const codes = results.map((r) => r.body.data.approveReferralFee.errors[0]?.code ?? 'OK').sort();
    expect(codes).toEqual(['INVALID_TRANSITION', 'INVALID_TRANSITION', 'INVALID_TRANSITION', 'OK']);
  });
});

describe('voiding', () => {
  const voidAs = async (who: Who, id: string, reason = 'The homeowner cancelled the job.') =>
    (await t.gql(VOID, { i: { id, reason } }, token(who))).body.data.voidReferralFee as { referralFee: any; errors: Array<{ field: string[]; code: string }> };
  const codeOf = (r: { errors: Array<{ code: string }> }) => r.errors[0]?.code ?? 'OK';

  it('voids an ACCRUED fee with who, when and why, audited; then nothing moves it', async () => {
    const id = await accruedFee();
    const voided = await voidAs('manager', id, '  Duplicate of an earlier referral.  ');
    expect(voided.errors).toEqual([]);
    expect(voided.referralFee).toMatchObject({ status: 'VOID', voidedBy: { name: w.as.manager.user.name }, voidReason: 'Duplicate of an earlier referral.', approvedAt: null, paidAt: null });
    expect(voided.referralFee.voidedAt).toBeTruthy();
    const [audit] = await t.ds.query(
      `SELECT changes->'status'->>'after' AS status, changes->'voidReason'->>'after' AS reason FROM audit_log WHERE entity_type = 'ReferralFee' AND entity_id = $1 AND action = 'UPDATE'`,
      [Buffer.from(id, 'base64url').toString().split(':')[1]],
    );
    expect(audit).toEqual({ status: 'VOID', reason: 'Duplicate of an earlier referral.' });
    for (const [q, field] of [[APPROVE, 'approveReferralFee'], [PAY, 'markReferralFeePaid']] as const) {
      expect((await t.gql(q, { id }, token('admin'))).body.data[field]).toMatchObject({ referralFee: null, errors: [{ code: 'INVALID_TRANSITION' }] });
    }
    expect(await voidAs('admin', id)).toMatchObject({ referralFee: null, errors: [{ field: ['id'], code: 'INVALID_TRANSITION' }] });
  });

  it('voids an APPROVED fee, keeping its approval; a PAID fee is refused', async () => {
    const id = await accruedFee();
    await t.gql(APPROVE, { id }, token('manager'));
    const voided = await voidAs('admin', id);
    expect(voided.referralFee).toMatchObject({ status: 'VOID', approvedBy: { name: w.as.manager.user.name }, voidedBy: { name: w.as.admin.user.name }, paidAt: null });
    expect((await t.gql(PAY, { id }, token('admin'))).body.data.markReferralFeePaid.errors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION' })]);

    const paid = await accruedFee();
    await t.gql(APPROVE, { id: paid }, token('manager'));
    await t.gql(PAY, { id: paid }, token('manager'));
    expect(await voidAs('manager', paid)).toMatchObject({ referralFee: null, errors: [{ field: ['id'], code: 'INVALID_TRANSITION' }] });
    expect((await t.gql(GET_FEE, { id: paid }, token('manager'))).body.data.referralFee).toMatchObject({ status: 'PAID', voidedAt: null, voidReason: null });
  });

  it.each([
    ['', 'REQUIRED'],
    ['   ', 'REQUIRED'],
    ['x'.repeat(501), 'TOO_LONG'],
  ])('needs a reason of 1 to 500 characters (%j)', async (reason, code) => {
    const id = await accruedFee();
    expect(await voidAs('manager', id, reason)).toMatchObject({ referralFee: null, errors: [{ field: ['reason'], code }] });
    expect((await t.gql(GET_FEE, { id }, token('manager'))).body.data.referralFee.status).toBe('ACCRUED');
    expect((await voidAs('manager', id, 'x'.repeat(500))).errors).toEqual([]);
  });

  it("is closed to sales and field techs, and another team's manager finds no such fee", async () => {
    const id = await accruedFee();
    for (const who of ['sales', 'tech'] as const) {
      expect((await t.gql(VOID, { i: { id, reason: 'No.' } }, token(who))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await voidAs('otherManager', id)).toMatchObject({ referralFee: null, errors: [{ code: 'NOT_FOUND' }] });
    expect((await t.gql(GET_FEE, { id }, token('admin'))).body.data.referralFee.status).toBe('ACCRUED');
  });

  it('lets exactly one of concurrent voids and payments through', async () => {
    const id = await accruedFee();
    await t.gql(APPROVE, { id }, token('manager'));
    const pay = async () => (await t.gql(PAY, { id }, token('admin'))).body.data.markReferralFeePaid;
    const [void1, paid1, void2, paid2] = await Promise.all([voidAs('manager', id), pay(), voidAs('admin', id), pay()]);
    expect([void1, paid1, void2, paid2].map(codeOf).sort()).toEqual(['INVALID_TRANSITION', 'INVALID_TRANSITION', 'INVALID_TRANSITION', 'OK']);
    const winner = [void1, void2].some((r) => codeOf(r) === 'OK') ? 'VOID' : 'PAID';
    const now = (await t.gql(GET_FEE, { id }, token('admin'))).body.data.referralFee;
    expect({ status: now.status, paid: now.paidAt !== null, voided: now.voidedAt !== null }).toEqual({ status: winner, paid: winner === 'PAID', voided: winner === 'VOID' });
  });

  it("is live to the fee's viewers as a VOID change", async () => {
    const id = await accruedFee();
    const sub = await subscribed(t, t.wsClient(token('manager')), `subscription { referralFeeUpdated { change referralFee { id status voidReason } } }`);
    await voidAs('manager', id, 'Refunded.');
    await sub.waitFor(1);
    expect(sub.results.map((r: any) => r.data.referralFeeUpdated)).toEqual([{ change: 'VOID', referralFee: { id, status: 'VOID', voidReason: 'Refunded.' } }]);
    sub.unsubscribe();
  });
});

describe('live partner and fee events', () => {
  const PARTNER_SUB = `subscription { partnerUpdated { change partner { name } } }`;
  const FEE_SUB = `subscription { referralFeeUpdated { change referralFee { amount partner { name } } } }`;
  const UPDATE = `mutation($i: UpdatePartnerInput!) { updatePartner(input: $i) { errors { code } } }`;

  it('reach the viewers of the partner (or fee) only: another team hears nothing', async () => {
    const north = await subscribed(t, t.wsClient(token('sales')), PARTNER_SUB);
    const south = await subscribed(t, t.wsClient(token('otherManager')), PARTNER_SUB);
    const feesNorth = await subscribed(t, t.wsClient(token('manager')), FEE_SUB);
    const feesSouth = await subscribed(t, t.wsClient(token('otherManager')), FEE_SUB);

    await t.gql(UPDATE, { i: { id: partners['Flat Inspections']!.id, notes: 'Live 1' } }, token('sales'));
    await t.gql(UPDATE, { i: { id: partners['South Claims']!.id, notes: 'Live 2' } }, token('otherSales'));
    await convert(await wonLead('Flat Inspections'), 'manager');
    await convert(await wonLead('South Claims', {}, 'south'), 'otherManager');
    await t.gql(UPDATE, { i: { id: partners['Flat Inspections']!.id, notes: 'Live 3' } }, token('sales'));

    // Events arrive in order: once the last one each may see is in, any earlier foreign one would have been too.
    await north.waitFor(2);
    await south.waitFor(1);
    await feesNorth.waitFor(1);
    await feesSouth.waitFor(1);
    const names = (s: typeof north) => s.results.map((r: any) => r.data?.partnerUpdated?.partner?.name);
    expect(names(north)).toEqual(['Flat Inspections', 'Flat Inspections']);
    expect(names(south)).toEqual(['South Claims']);
    expect(feesNorth.results.map((r: any) => r.data.referralFeeUpdated)).toEqual([{ change: 'ACCRUED', referralFee: { amount: '250.00', partner: { name: 'Flat Inspections' } } }]);
    expect(feesSouth.results.map((r: any) => r.data.referralFeeUpdated)).toEqual([{ change: 'ACCRUED', referralFee: { amount: '200.00', partner: { name: 'South Claims' } } }]);
    for (const s of [north, south, feesNorth, feesSouth]) s.unsubscribe();
  });

  it('closes the fee subscription to sales', async () => {
    const sub = subscribe(t.wsClient(token('sales')), FEE_SUB);
    await sub.ended;
    expect(JSON.stringify(sub.error ?? sub.results)).toContain('FORBIDDEN');
  });
});
