import { createCustomer, createLead, createProject, twoTeamCast } from '../../../test/factories';
import { subscribed, useTestApp } from '../../../test/harness';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';

/** Claims through the staff API: money exact to the cent, guarded stages with reasons, row rules, trash, audit, live. */
const { t, w } = useTestApp(twoTeamCast);

const CLAIM_FIELDS = `id status allowedStatuses carrier claimNumber dateOfLoss depreciationDeadline
  money { rcv recoverableDepreciation nonRecoverableDepreciation deductible approvedTotal approvedRcv acv homeownerOwes depreciationReleased
          supplementsRequested supplementsApproved paymentsReceived carrierOwes depreciationToCollect }
  statusHistory { from to reason changedBy { id } }`;
const CREATE = `mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { ${CLAIM_FIELDS} project { id } lead { id } customer { id } owningTeam { id } } errors { field code message } } }`;
const UPDATE = `mutation($i: UpdateClaimInput!) { updateClaim(input: $i) { claim { ${CLAIM_FIELDS} } errors { field code message } } }`;
const STATUS = `mutation($i: UpdateClaimStatusInput!) { updateClaimStatus(input: $i) { claim { status allowedStatuses allowedMoves { status reasonRequired } statusHistory { from to reason } } errors { field code message } } }`;
const SUPPLEMENT = `mutation($i: CreateSupplementInput!) { createSupplement(input: $i) { supplement { id status requestedTotal approvedTotal preparedBy { id }
  lineItems { id quantity unitPrice requestedTotal approvedTotal } } errors { field code message } } }`;
const PAYMENT = `mutation($i: RecordCarrierPaymentInput!) { recordCarrierPayment(input: $i) { claim { money { paymentsReceived carrierOwes depreciationToCollect } } errors { field code message } } }`;

const as = (role: keyof typeof w.as) => w.as[role].accessToken;
let projectId: string;
let projectRow: { id: string };

async function claim(input: Record<string, unknown>, role: keyof typeof w.as = 'sales') {
  const r = await t.gql(CREATE, { i: { carrier: 'State Farm', dateOfLoss: '2026-05-14', causeOfLoss: 'HAIL', projectId, ...input } }, as(role));
  return r.body.data.createClaim;
}

beforeAll(async () => {
  const customer = await createCustomer(t.ds, { teamId: w.north });
  projectRow = await createProject(t.ds, customer, { projectType: 'STORM_DAMAGE' }, [w.as.tech.user.id]);
  projectId = toGlobalId('Project', projectRow.id);
});

describe('money', () => {
  it('derives ACV, what the homeowner and the carrier owe, exactly (0.1 + 0.2 is 0.30)', async () => {
    const { claim: c, errors } = await claim({
      claimNumber: 'SF-1',
      money: { rcv: '0.30', recoverableDepreciation: '0.10', nonRecoverableDepreciation: '0.20', deductible: '0.10' },
    });
    expect(errors).toEqual([]);
    expect(c.money).toEqual({
      rcv: '0.30', recoverableDepreciation: '0.10', nonRecoverableDepreciation: '0.20', deductible: '0.10', approvedTotal: null, approvedRcv: '0.30',
      acv: '0.00', homeownerOwes: '0.10', depreciationReleased: false, supplementsRequested: '0.00', supplementsApproved: '0.00',
      paymentsReceived: '0.00', carrierOwes: '-0.10', depreciationToCollect: '0.10',
    });
    expect(c).toMatchObject({ status: 'FILED', depreciationDeadline: '2026-11-10', project: { id: projectId }, owningTeam: { id: toGlobalId('Team', w.north) } });
    expect(c.statusHistory).toEqual([{ from: null, to: 'FILED', reason: null, changedBy: { id: w.as.sales.id } }]);
  });

  it('keeps large amounts exact, rolls supplements and payments into the balance, releases depreciation on completion', async () => {
    const { claim: c } = await claim({ money: { rcv: '9999999999.99', recoverableDepreciation: '1234567890.12', nonRecoverableDepreciation: '0.01', deductible: '1000.00' } });
    expect(c.money).toMatchObject({ acv: '8765432109.86', carrierOwes: '8765431109.86' });
    // 3.3333 × 0.10 = 0.33333 → 0.33; 1.005 × 1.00 = 1.005 → 1.01 (half up); 12345678.1234 × 99.99 = 1234444355.558766 → .56
    const s = await t.gql(SUPPLEMENT, {
      i: {
        claimId: c.id, title: 'Drip edge and starter',
        lineItems: [
          { description: 'Starter strip', code: 'RFG STRT', quantity: '3.3333', unit: 'LF', unitPrice: '0.10' },
          { description: 'Drip edge', code: 'RFG DRIP', quantity: '1.005', unit: 'LF', unitPrice: '1.00' },
          { description: 'Felt', quantity: '12345678.1234', unit: 'SQ', unitPrice: '99.99' },
        ],
      },
    }, as('sales'));
    const sup = s.body.data.createSupplement;
    expect(sup.errors).toEqual([]);
    expect(sup.supplement.lineItems.map((l: any) => [l.quantity, l.requestedTotal])).toEqual([['3.3333', '0.33'], ['1.005', '1.01'], ['12345678.1234', '1234444355.56']]);
    expect(sup.supplement).toMatchObject({ status: 'DRAFT', requestedTotal: '1234444356.90', approvedTotal: '0.00', preparedBy: { id: w.as.sales.id } });
    await t.gql(`mutation($id: ID!) { sendSupplement(id: $id) { errors { code } } }`, { id: sup.supplement.id }, as('sales'));
    const [first, second] = sup.supplement.lineItems;
    const answered = await t.gql(
      `mutation($i: AnswerSupplementInput!) { answerSupplement(input: $i) { supplement { status approvedTotal answeredAt lineItems { approvedQuantity approvedUnitPrice approvedTotal } } errors { field code message } } }`,
      { i: { id: sup.supplement.id, status: 'PARTIALLY_APPROVED', lines: [{ lineId: first.id, approvedQuantity: '3', approvedUnitPrice: '0.10' }, { lineId: second.id, approvedQuantity: '0.5', approvedUnitPrice: '0.01' }] } },
      as('manager'),
    );
    expect(answered.body.data.answerSupplement.errors).toEqual([]);
    expect(answered.body.data.answerSupplement.supplement).toMatchObject({ status: 'PARTIALLY_APPROVED', approvedTotal: '0.31', answeredAt: expect.any(String) });
    const paid = await t.gql(PAYMENT, { i: { claimId: c.id, kind: 'DEPRECIATION', amount: '0.01', receivedOn: '2026-06-01', reference: 'CHK 1' } }, as('sales'));
    expect(paid.body.data.recordCarrierPayment.claim.money).toEqual({ paymentsReceived: '0.01', carrierOwes: '8765431110.16', depreciationToCollect: '1234567890.11' });
    await t.ds.query(`UPDATE projects SET status = 'COMPLETED' WHERE id = $1`, [projectRow.id]);
    const after = await t.gql(`query($id: ID!) { claim(id: $id) { money { depreciationReleased supplementsRequested supplementsApproved carrierOwes } } }`, { id: c.id }, as('sales'));
    expect(after.body.data.claim.money).toEqual({ depreciationReleased: true, supplementsRequested: '1234444356.90', supplementsApproved: '0.31', carrierOwes: '9999999000.28' });
    await t.ds.query(`UPDATE projects SET status = 'PLANNING' WHERE id = $1`, [projectRow.id]);
  });

  it('refuses amounts that do not add up, line totals too large for a column, and negative or zero quantities', async () => {
    const bad = await claim({ money: { rcv: '100.00', recoverableDepreciation: '60.00', nonRecoverableDepreciation: '40.01', overheadAndProfit: '100.01', deductible: '-1.00' } });
    expect(bad.claim).toBeNull();
    expect(bad.errors.map((e: any) => [e.field.join('.'), e.code])).toEqual(
      expect.arrayContaining([['money.deductible', 'OUT_OF_RANGE'], ['money.recoverableDepreciation', 'OUT_OF_RANGE'], ['money.overheadAndProfit', 'OUT_OF_RANGE']]),
    );
    const { claim: c } = await claim({});
    const s = await t.gql(SUPPLEMENT, { i: { claimId: c.id, title: 'Too much', lineItems: [
      { description: 'Huge', quantity: '99999999.9999', unitPrice: '9999999999.99' },
      { description: 'None', quantity: '0', unitPrice: '1.00' },
      { description: 'Negative', quantity: '-1', unitPrice: '1.00' },
    ] } }, as('sales'));
    expect(s.body.data.createSupplement.errors.map((e: any) => [e.field.join('.'), e.code])).toEqual([
      ['lineItems.0.quantity', 'OUT_OF_RANGE'], ['lineItems.1.quantity', 'OUT_OF_RANGE'], ['lineItems.2.quantity', 'OUT_OF_RANGE'],
    ]);
    const malformed = await t.gql(SUPPLEMENT, { i: { claimId: c.id, title: 'Float', lineItems: [{ description: 'Float', quantity: 1.5, unitPrice: '1.00' }] } }, as('sales'));
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('stages', () => {
  it('moves along the road, refuses other moves with a UserError naming the stages, and asks reasons where due', async () => {
    const { claim: c } = await claim({});
    expect(c.allowedStatuses).toEqual(['INSPECTION_SCHEDULED', 'INSPECTED', 'CLOSED']);
    const move = async (status: string, reason?: string) => (await t.gql(STATUS, { i: { id: c.id, status, reason } }, as('sales'))).body.data.updateClaimStatus;
    expect(await move('PAID')).toEqual({
      claim: null,
      errors: [{ field: ['status'], code: 'INVALID_TRANSITION', message: 'A claim cannot move from Filed to Paid. From Filed it can move to Inspection scheduled, Inspected or Closed.' }],
    });
    const inspected = await move('INSPECTED');
    expect(inspected.errors).toEqual([]);
    // The moves say which ask a reason (DENIED, CLOSED, a step back), exactly as the mutation then checks.
    expect(inspected.claim.allowedMoves).toEqual([
      { status: 'APPROVED', reasonRequired: false },
      { status: 'PARTIALLY_APPROVED', reasonRequired: false },
      { status: 'DENIED', reasonRequired: true },
      { status: 'INSPECTION_SCHEDULED', reasonRequired: true },
      { status: 'CLOSED', reasonRequired: true },
    ]);
    expect((await move('DENIED')).errors).toEqual([{ field: ['reason'], code: 'REQUIRED', message: 'Moving a claim from Inspected to Denied needs a reason.' }]);
    expect((await move('DENIED', 'Wear and tear, not hail')).claim.allowedStatuses).toEqual(['SUPPLEMENT_REQUESTED', 'CLOSED']);
    expect((await move('SUPPLEMENT_REQUESTED')).errors).toEqual([]);
    expect((await move('DENIED')).errors[0]).toMatchObject({ code: 'REQUIRED' }); // a step back
    expect((await move('SUPPLEMENT_APPROVED')).errors).toEqual([]);
    expect((await move('PAID')).errors).toEqual([]);
    const closed = await move('CLOSED', 'All paid');
    expect(closed.claim.allowedStatuses).toEqual([]);
    expect(closed.claim.statusHistory.map((h: any) => `${h.from}>${h.to}${h.reason ? `:${h.reason}` : ''}`)).toEqual([
      'null>FILED', 'FILED>INSPECTED', 'INSPECTED>DENIED:Wear and tear, not hail', 'DENIED>SUPPLEMENT_REQUESTED', 'SUPPLEMENT_REQUESTED>SUPPLEMENT_APPROVED',
      'SUPPLEMENT_APPROVED>PAID', 'PAID>CLOSED:All paid',
    ]);
    expect((await move('FILED', 'reopen')).errors[0]).toMatchObject({ code: 'INVALID_TRANSITION', message: 'A claim cannot move from Closed to Filed: Closed is final.' });
  });

  it('books an inspection: a FILED claim becomes INSPECTION_SCHEDULED', async () => {
    const { claim: c } = await claim({});
    const r = await t.gql(UPDATE, { i: { id: c.id, inspectionAt: '2026-06-02T15:00:00Z' } }, as('sales'));
    expect(r.body.data.updateClaim.claim.status).toBe('INSPECTION_SCHEDULED');
  });
});

describe('rules', () => {
  it('sees a claim as its parent: a lead claim follows the lead into its project; the other team and field techs off the crew see nothing', async () => {
    const lead = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales.user.id, projectType: 'STORM_DAMAGE' });
    const { claim: c, errors } = await claim({ projectId: undefined, leadId: toGlobalId('Lead', lead.id) });
    expect(errors).toEqual([]);
    expect(c).toMatchObject({ lead: { id: toGlobalId('Lead', lead.id) }, project: null });
    const read = async (role: keyof typeof w.as) => (await t.gql(`query($id: ID!) { claim(id: $id) { id } node(id: $id) { id } }`, { id: c.id }, as(role))).body.data;
    expect(await read('otherSales')).toEqual({ claim: null, node: null });
    expect(await read('tech')).toEqual({ claim: null, node: null });
    expect((await read('manager')).claim).toEqual({ id: c.id });
    // The lead becomes the tech's project: the claim is on it now, and the tech reads it.
    await t.ds.query(`UPDATE leads SET converted_project_id = $1, converted_at = now(), status = 'WON' WHERE id = $2`, [projectRow.id, lead.id]);
    expect((await read('tech')).claim).toEqual({ id: c.id });
    const onProject = await t.gql(`query($p: ID!) { claims(first: 50, filter: { projectId: $p }) { edges { node { id } } } }`, { p: projectId }, as('tech'));
    expect(onProject.body.data.claims.edges.map((e: any) => e.node.id)).toContain(c.id);
    const refused = await t.gql(STATUS, { i: { id: c.id, status: 'INSPECTED' } }, as('tech'));
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const other = await t.gql(STATUS, { i: { id: c.id, status: 'INSPECTED' } }, as('otherSales'));
    expect(other.body.data.updateClaimStatus.errors[0].code).toBe('NOT_FOUND');
  });

  it('names adjuster partners only of kind INSURANCE_ADJUSTER, or a name and phone', async () => {
    const partner = async (kind: string) =>
      (await t.gql(`mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id contacts { id } } } }`, { i: { name: `${kind} Co`, kind, contacts: [{ name: 'Ada Adjuster', phone: '651-555-0199' }] } }, as('manager'))).body.data.createPartner.partner;
    const adjuster = await partner('INSURANCE_ADJUSTER');
    const realtor = await partner('REALTOR');
    const ok = await t.gql(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { adjuster { partner { id } contact { id } name phone } } errors { field code } } }`,
      { i: { carrier: 'Allstate', dateOfLoss: '2026-05-01', causeOfLoss: 'WIND', projectId, adjuster: { partnerId: adjuster.id, contactId: adjuster.contacts[0].id } } }, as('sales'));
    expect(ok.body.data.createClaim.claim.adjuster).toEqual({ partner: { id: adjuster.id }, contact: { id: adjuster.contacts[0].id }, name: 'Ada Adjuster', phone: '+16515550199' });
    const wrong = await claim({ adjuster: { partnerId: realtor.id } });
    expect(wrong.errors).toEqual([expect.objectContaining({ field: ['adjuster', 'partnerId'], code: 'INVALID' })]);
    const named = await t.gql(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { adjuster { partner { id } name phone } } errors { code } } }`,
      { i: { carrier: 'Allstate', dateOfLoss: '2026-05-01', causeOfLoss: 'TREE', projectId, adjuster: { name: 'Sam Field', phone: '612-555-0123' } } }, as('sales'));
    expect(named.body.data.createClaim.claim.adjuster).toEqual({ partner: null, name: 'Sam Field', phone: '+16125550123' });
  });

  it('trash: managers delete and restore, admins remove for good; audited and live', async () => {
    const { claim: c } = await claim({});
    const client = t.wsClient(as('manager'));
    const live = await subscribed(t, client, 'subscription($id: ID) { claimUpdated(claimId: $id) { change claim { id } } }', { id: c.id });
    expect((await t.gql(`mutation($id: ID!) { deleteClaim(id: $id) { errors { code } } }`, { id: c.id }, as('sales'))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(`mutation($id: ID!) { deleteClaim(id: $id) { claim { deletedAt } errors { code } } }`, { id: c.id }, as('manager'))).body.data.deleteClaim.claim.deletedAt).toEqual(expect.any(String));
    expect((await t.gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: c.id }, as('sales'))).body.data.claim).toBeNull();
    const list = await t.gql(`{ claims(first: 5, filter: { deleted: true }) { edges { node { id } } } }`, {}, as('manager'));
    expect(list.body.data.claims.edges.map((e: any) => e.node.id)).toContain(c.id);
    expect((await t.gql(`mutation($id: ID!) { restoreClaim(id: $id) { errors { code } } }`, { id: c.id }, as('manager'))).body.data.restoreClaim.errors).toEqual([]);
    await live.waitFor(2);
    expect(live.results.map((r: any) => r.data.claimUpdated.change)).toEqual(['DELETED', 'RESTORED']);
    await client.dispose();
    expect((await t.gql(`mutation($id: ID!) { hardDeleteClaim(id: $id) { deletedId errors { code } } }`, { id: c.id }, as('admin'))).body.data.hardDeleteClaim).toEqual({ deletedId: c.id, errors: [] });
    const audit = await t.ds.query(`SELECT action FROM audit_log WHERE entity_type = 'InsuranceClaim' AND entity_id = $1 ORDER BY id`, [idOf('InsuranceClaim', c.id)]);
    expect(audit.map((a: any) => a.action)).toEqual(['CREATE', 'DELETE', 'RESTORE', 'HARD_DELETE']);
  });
});

describe('dashboard', () => {
  it('counts open claims by stage, supplement dollars requested vs approved and depreciation to collect, per scope', async () => {
    const r = await t.gql(`{ dashboard(range: LAST_30_DAYS) { claims { openByStatus { status count } supplementsRequested supplementsApproved depreciationToCollect } } }`, {}, as('manager'));
    const d = r.body.data.dashboard.claims;
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM insurance_claims WHERE team_id = $1 AND deleted_at IS NULL AND status <> 'CLOSED'`, [w.north]);
    expect(d.openByStatus.reduce((s: number, x: any) => s + x.count, 0)).toBe(n);
    expect(d).toMatchObject({ supplementsRequested: '1234444356.90', supplementsApproved: '0.31' });
    expect(d.depreciationToCollect).toMatch(/^1234567890\.\d\d$/);
    const other = await t.gql(`{ dashboard { claims { openByStatus { count } supplementsRequested depreciationToCollect } } }`, {}, as('otherManager'));
    expect(other.body.data.dashboard.claims).toEqual({ openByStatus: [], supplementsRequested: '0.00', depreciationToCollect: '0.00' });
  });
});

describe('claim numbers', () => {
  const numberOf = async (id: string) => (await t.ds.query(`SELECT carrier, claim_number FROM insurance_claims WHERE id = $1`, [idOf('InsuranceClaim', id)]))[0];
  const countNumber = async (n: string) => (await t.ds.query(`SELECT count(*)::int AS n FROM insurance_claims WHERE lower(claim_number) = lower($1)`, [n]))[0].n;
  const restore = async (id: string) => (await t.gql(`mutation($id: ID!) { restoreClaim(id: $id) { claim { deletedAt } errors { field code message } } }`, { id }, as('manager'))).body.data.restoreClaim;
  const trash = (id: string) => t.gql(`mutation($id: ID!) { deleteClaim(id: $id) { errors { code } } }`, { id }, as('manager'));

  it("refuses a carrier's number another claim has (trimmed, any case), naming its project; another carrier's is fine", async () => {
    const first = await claim({ carrier: 'State Farm', claimNumber: 'NUM-100' });
    expect(first.errors).toEqual([]);
    const again = await claim({ carrier: '  state farm ', claimNumber: ' num-100 ' });
    const name = (await t.ds.query(`SELECT name FROM projects WHERE id = $1`, [projectRow.id]))[0].name;
    expect(again).toEqual({ claim: null, errors: [{ field: ['claimNumber'], code: 'TAKEN', message: `state farm claim number num-100 is already on a claim on the project “${name}”.` }] });
    expect(await countNumber('NUM-100')).toBe(1);
    const allstate = await claim({ carrier: 'Allstate', claimNumber: 'NUM-100' });
    expect(allstate.errors).toEqual([]);

    // Changing the carrier or the number onto a taken pair: the same error, and nothing changes.
    const toCarrier = await t.gql(UPDATE, { i: { id: allstate.claim.id, carrier: 'STATE FARM', notes: 'moved' } }, as('sales'));
    expect(toCarrier.body.data.updateClaim.errors).toEqual([expect.objectContaining({ field: ['claimNumber'], code: 'TAKEN' })]);
    const other = await claim({ carrier: 'State Farm', claimNumber: 'NUM-101' });
    const toNumber = await t.gql(UPDATE, { i: { id: other.claim.id, claimNumber: 'Num-100' } }, as('sales'));
    expect(toNumber.body.data.updateClaim).toEqual({ claim: null, errors: [expect.objectContaining({ field: ['claimNumber'], code: 'TAKEN' })] });
    expect(await numberOf(allstate.claim.id)).toEqual({ carrier: 'Allstate', claim_number: 'NUM-100' });
    expect(await numberOf(other.claim.id)).toEqual({ carrier: 'State Farm', claim_number: 'NUM-101' });
    // A claim keeps its own number through other changes.
    expect((await t.gql(UPDATE, { i: { id: first.claim.id, claimNumber: 'num-100', notes: 'same number' } }, as('sales'))).body.data.updateClaim.errors).toEqual([]);
  });

  it('names no claim the viewer may not see', async () => {
    const theirs = await createProject(t.ds, await createCustomer(t.ds, { teamId: w.south }));
    const taken = await claim({ carrier: 'Farmers', claimNumber: 'FA-7', projectId: toGlobalId('Project', theirs.id) }, 'otherSales');
    expect(taken.errors).toEqual([]);
    expect((await claim({ carrier: 'Farmers', claimNumber: 'fa-7' })).errors).toEqual([
      { field: ['claimNumber'], code: 'TAKEN', message: 'Another claim already has Farmers claim number fa-7.' },
    ]);
  });

  it("frees a trashed claim's number; restoring it onto a number taken meanwhile is TAKEN and leaves it in the trash", async () => {
    const old = await claim({ carrier: 'USAA', claimNumber: 'US-1' });
    await trash(old.claim.id);
    const fresh = await claim({ carrier: 'USAA', claimNumber: 'us-1' });
    expect(fresh.errors).toEqual([]);
    expect(await restore(old.claim.id)).toEqual({ claim: null, errors: [expect.objectContaining({ field: ['claimNumber'], code: 'TAKEN' })] });
    const [row] = await t.ds.query(`SELECT deleted_at FROM insurance_claims WHERE id = $1`, [idOf('InsuranceClaim', old.claim.id)]);
    expect(row.deleted_at).not.toBeNull();
    await trash(fresh.claim.id);
    expect((await restore(old.claim.id)).errors).toEqual([]);
  });

  it('answers TAKEN, not an internal error, when a concurrent write took the number after the check (the unique index decides)', async () => {
    // Another writer's claim, not yet committed: the API's check does not see it, its insert waits on the index.
    const other = t.ds.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    await other.query(
      `INSERT INTO insurance_claims (project_id, team_id, carrier, claim_number, date_of_loss, cause_of_loss, status) VALUES ($1, $2, 'Nationwide', 'NW-1', '2026-05-01', 'HAIL', 'FILED')`,
      [projectRow.id, w.north],
    );
    const racing = claim({ carrier: 'Nationwide', claimNumber: 'nw-1' });
    await lockWaiter();
    await other.commitTransaction();
    await other.release();
    expect(await racing).toEqual({
      claim: null,
      errors: [{ field: ['claimNumber'], code: 'TAKEN', message: `Nationwide claim number nw-1 is already on a claim on the project “${(await t.ds.query(`SELECT name FROM projects WHERE id = $1`, [projectRow.id]))[0].name}”.` }],
    });
    expect(await countNumber('NW-1')).toBe(1);
  });
});

/** Until a backend of the test's database waits on a lock. */
async function lockWaiter(): Promise<void> {
  for (;;) {
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
    if (n > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('order by the depreciation deadline', () => {
  const LIST = `query($p: ID!, $first: Int, $after: String, $dir: SortDirection!) {
    claims(first: $first, after: $after, filter: { projectId: $p }, orderBy: { field: DEPRECIATION_DEADLINE, direction: $dir }) {
      edges { node { id depreciationDeadline } } pageInfo { hasNextPage endCursor } } }`;
  let project: string;
  let expected: { ASC: string[]; DESC: string[] };

  beforeAll(async () => {
    const row = await createProject(t.ds, await createCustomer(t.ds, { teamId: w.north }));
    project = toGlobalId('Project', row.id);
    const made: Array<{ id: string; deadline: string | null }> = [];
    for (const deadline of ['2026-07-01', null, '2026-06-01', '2026-07-01', null, '2026-08-15']) {
      const { claim: c } = await claim({ projectId: project, depreciationDeadline: '2026-09-01' });
      await t.gql(UPDATE, { i: { id: c.id, depreciationDeadline: deadline } }, as('sales'));
      made.push({ id: c.id, deadline });
    }
    // Soonest first, ties by id; claims without a deadline last in either direction.
    const key = (c: { id: string }) => idOf('InsuranceClaim', c.id)!;
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const asc = (a: (typeof made)[0], b: (typeof made)[0]) => cmp(a.deadline ?? '9999', b.deadline ?? '9999') || cmp(key(a), key(b));
    const desc = (a: (typeof made)[0], b: (typeof made)[0]) => cmp(b.deadline ?? '0000', a.deadline ?? '0000') || cmp(key(b), key(a));
    expected = { ASC: [...made].sort(asc).map((c) => c.id), DESC: [...made].sort(desc).map((c) => c.id) };
  });

  it.each(['ASC', 'DESC'] as const)('pages %s two at a time across the claims without one', async (dir) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await t.gql(LIST, { p: project, first: 2, after, dir }, as('sales'));
      const page = r.body.data.claims;
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(expected[dir]);
  });
});
