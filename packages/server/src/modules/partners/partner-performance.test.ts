import { createLead, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { toGlobalId } from '../../platform/graphql/global-id';

/** partnerPerformance and the dashboard's Top partners, checked against referrals made for the purpose. */
const { t, w } = useTestApp(twoTeamCast);

const CREATE_PARTNER = `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }`;
const CONVERT = `mutation($i: ConvertLeadInput!) { convertLead(input: $i) { errors { code } } }`;
const ROW = `partner { name } referrals wins wonRevenue conversionRate averageDaysToWin fees { accrued approved paid voided }`;
const REPORT = `query($r: DateRangeInput!, $first: Int) { partnerPerformance(range: $r, first: $first) { ${ROW} } }`;
const TOP = `query($team: ID) { dashboard(range: LAST_30_DAYS, teamId: $team) { topPartners(first: 5) { ${ROW} } } }`;

type Who = keyof typeof w.as;
const token = (who: Who) => w.as[who].accessToken;
const DAY = 86_400_000;
const key = (globalId: string) => Buffer.from(globalId, 'base64url').toString().split(':')[1]!;

beforeAll(async () => {
  const partner = async (who: Who, name: string, referralFee: Record<string, unknown>) =>
    key((await t.gql(CREATE_PARTNER, { i: { name, kind: 'REALTOR', referralFee } }, token(who))).body.data.createPartner.partner.id);
  const alpha = await partner('sales', 'Alpha Realty', { kind: 'PERCENT', percent: 10 });
  const beta = await partner('sales', 'Beta Inspections', { kind: 'FLAT', flatAmount: '100.00' });
  const south = await partner('otherSales', 'South Claims', { kind: 'FLAT', flatAmount: '300.00' });
  await partner('sales', 'Quiet Supply', { kind: 'NONE' });

  /** A referred lead created `days` ago; WON ones converted with `budget` (the conversion happens now). */
  const referral = async (partnerId: string, days: number, o: { status?: 'WON' | 'LOST' | 'NEW'; budget?: string; team?: 'north' | 'south'; assignee?: Who | null } = {}) => {
    const team = o.team ?? 'north';
    const assignee = o.assignee === undefined ? (team === 'north' ? 'sales' : 'otherSales') : o.assignee;
    const lead = await createLead(t.ds, {
      source: 'PARTNER',
      referredPartnerId: partnerId,
      status: o.status ?? 'NEW',
      teamId: w[team],
      assigneeId: assignee ? w.as[assignee].user.id : null,
    });
    if (o.budget) {
      const r = await t.gql(CONVERT, { i: { id: toGlobalId('Lead', lead.id), budget: o.budget } }, token('admin'));
      expect(r.body.data.convertLead.errors).toEqual([]);
    }
    await t.ds.query(`UPDATE leads SET created_at = now() - $2 * interval '1 day' WHERE id = $1`, [lead.id, days]);
    return lead.id;
  };
  const paid = await referral(alpha, 10, { status: 'WON', budget: '10000.00' });
  await referral(alpha, 4, { status: 'WON', budget: '5000.00' });
  await referral(alpha, 2, { status: 'LOST', assignee: 'manager' });
  await referral(alpha, 40, { status: 'WON', budget: '30000.00' }); // before the period
  await referral(beta, 1, { assignee: null });
  const voided = await referral(south, 3, { status: 'WON', budget: '8000.00', team: 'south' });

  const feeOf = async (leadId: string) => toGlobalId('ReferralFee', (await t.ds.query('SELECT id FROM referral_fees WHERE lead_id = $1', [leadId]))[0].id);
  const fee = await feeOf(paid);
  for (const step of ['approveReferralFee', 'markReferralFeePaid']) {
    await t.gql(`mutation($id: ID!) { ${step}(id: $id) { errors { code } } }`, { id: fee }, token('manager'));
  }
  // The south win's fee is voided: counted apart, in neither what is owed nor what was paid.
  const v = await t.gql(`mutation($i: VoidReferralFeeInput!) { voidReferralFee(input: $i) { errors { code } } }`, { i: { id: await feeOf(voided), reason: 'Job cancelled.' } }, token('otherManager'));
  expect(v.body.data.voidReferralFee.errors).toEqual([]);
});

const alpha = (fees: boolean) => ({
  partner: { name: 'Alpha Realty' },
  referrals: 3,
  wins: 2,
  wonRevenue: '15000.00',
  conversionRate: 2 / 3,
  averageDaysToWin: 7,
  fees: fees ? { accrued: '500.00', approved: '0.00', paid: '1000.00', voided: '0.00' } : null,
});
const beta = (fees: boolean) => ({
  partner: { name: 'Beta Inspections' },
  referrals: 1,
  wins: 0,
  wonRevenue: '0.00',
  conversionRate: 0,
  averageDaysToWin: null,
  fees: fees ? { accrued: '0.00', approved: '0.00', paid: '0.00', voided: '0.00' } : null,
});
const quiet = (fees: boolean) => ({ ...beta(fees), partner: { name: 'Quiet Supply' }, referrals: 0 });
const south = { partner: { name: 'South Claims' }, referrals: 1, wins: 1, wonRevenue: '8000.00', conversionRate: 1, averageDaysToWin: 3, fees: { accrued: '0.00', approved: '0.00', paid: '0.00', voided: '300.00' } };

const lastMonth = () => ({ from: new Date(Date.now() - 30 * DAY).toISOString(), to: new Date().toISOString() });

describe('partnerPerformance', () => {
  it.each([
    ['admin', () => [alpha(true), south, beta(true), quiet(true)]],
    ['manager', () => [alpha(true), beta(true), quiet(true)]],
    ['otherManager', () => [south]],
    ['sales', () => [alpha(false), beta(false), quiet(false)]],
  ] as const)('%s: the partners they may see, best won revenue first (fees for admins and managers only)', async (who, expected) => {
    const r = await t.gql(REPORT, { r: lastMonth() }, token(who));
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.partnerPerformance).toEqual(expected());
  });

  it('counts the referrals created in the period only', async () => {
    const r = await t.gql(REPORT, { r: { from: new Date(Date.now() - 50 * DAY).toISOString(), to: new Date(Date.now() - 5 * DAY).toISOString() } }, token('manager'));
    expect(r.body.data.partnerPerformance[0]).toMatchObject({ partner: { name: 'Alpha Realty' }, referrals: 2, wins: 2, wonRevenue: '40000.00', averageDaysToWin: 25 });
  });

  it('narrows to the partners asked for, leaving out the ones the viewer may not see', async () => {
    const ids = (await t.gql(`{ partners(first: 50) { edges { node { id name } } } }`, {}, token('admin'))).body.data.partners.edges.map((e: any) => e.node);
    const idOfName = (name: string) => ids.find((p: { name: string }) => p.name === name).id;
    const asked = [idOfName('Beta Inspections'), idOfName('South Claims'), toGlobalId('Partner', '00000000-0000-4000-8000-000000000000'), 'not-an-id'];
    const NARROW = `query($r: DateRangeInput!, $ids: [ID!]) { partnerPerformance(range: $r, partnerIds: $ids) { ${ROW} } }`;
    expect((await t.gql(NARROW, { r: lastMonth(), ids: asked }, token('admin'))).body.data.partnerPerformance).toEqual([south, beta(true)]);
    expect((await t.gql(NARROW, { r: lastMonth(), ids: asked }, token('manager'))).body.data.partnerPerformance).toEqual([beta(true)]);
    expect((await t.gql(NARROW, { r: lastMonth(), ids: [] }, token('admin'))).body.data.partnerPerformance).toEqual([]);
  });

  it('is closed to field techs and refuses a period that ends before it starts, or too many rows', async () => {
    expect((await t.gql(REPORT, { r: lastMonth() }, token('tech'))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const backwards = await t.gql(REPORT, { r: { from: new Date().toISOString(), to: new Date(Date.now() - DAY).toISOString() } }, token('admin'));
    expect(backwards.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(REPORT, { r: lastMonth(), first: 500 }, token('admin'))).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(REPORT, { r: lastMonth(), first: 1 }, token('admin'))).body.data.partnerPerformance).toEqual([alpha(true)]);
  });
});

describe('Dashboard.topPartners', () => {
  it.each([
    ['admin', null, () => [alpha(true), south, beta(true)]],
    ['admin', 'south', () => [south]],
    ['manager', null, () => [alpha(true), beta(true)]],
    ['otherManager', null, () => [south]],
    // Sales: their own numbers, the referred leads assigned to them, without fees.
    ['sales', null, () => [{ ...alpha(false), referrals: 2, conversionRate: 1 }]],
  ] as const)('%s (team %s): partners with referrals in the period, best won revenue first', async (who, team, expected) => {
    const r = await t.gql(TOP, { team: team && toGlobalId('Team', w[team]) }, token(who));
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.dashboard.topPartners).toEqual(expected());
  });
});
