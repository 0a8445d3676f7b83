import type { PartnerKind } from '../../src/generated/graphql';
import { idOf, toGlobalId } from '../../src/platform/graphql/global-id';
import { createKey, keyCall } from '../api-keys';
import { createCustomer, createLead, createProject, createTeam, signedIn, type Session } from '../factories';
import { useTestApp } from '../harness';

/**
 * The insurance claims columns of the authorization matrix (authorization-matrix.test.ts has the other records): every
 * role of team A, the manager of team B and an admin × claims {by id, node, list + totalCount, nested under leads and
 * projects, its supplements and their count, a supplement by node, update, stage move, payment}; and a key of each partner kind × every claim {myClaim,
 * myClaims, adjustClaim, adjustSupplement, staff fields}. A claim is seen as its project (else its lead) is; only the
 * adjuster partner's key reaches its claims. 0 unauthorized reads or writes.
 */
type Who = 'admin' | 'managerA' | 'salesA' | 'techA' | 'managerB';
const WHO: Who[] = ['admin', 'managerA', 'salesA', 'techA', 'managerB'];
const KINDS: PartnerKind[] = ['REALTOR', 'INSURANCE_AGENT', 'INSURANCE_ADJUSTER', 'HOME_INSPECTOR', 'PROPERTY_MANAGER', 'SUPPLIER', 'OTHER'];

const { t } = useTestApp();
const who = {} as Record<Who, Session>;
/** Claim key → global ID; the supplement of each claim; its parent lead or project (global IDs). */
const claims: Record<string, string> = {};
const supplements: Record<string, string> = {};
const parents: Record<string, { field: 'lead' | 'project'; id: string }> = {};
const keys = {} as Record<PartnerKind | 'otherAdjuster', string>;

/** Claims each viewer may see (and, except field techs, change). */
const SEES: Record<Who, string[]> = {
  admin: ['kCrew', 'kOffice', 'kLeadMine', 'kLeadOpen', 'kLeadOther', 'kB'],
  managerA: ['kCrew', 'kOffice', 'kLeadMine', 'kLeadOpen', 'kLeadOther'],
  salesA: ['kCrew', 'kOffice', 'kLeadMine', 'kLeadOpen'],
  techA: ['kCrew'],
  managerB: ['kB'],
};
/** The claims the INSURANCE_ADJUSTER partner adjusts (the other adjuster partner adjusts kB). */
const ADJUSTS = ['kCrew', 'kLeadOther'];

beforeAll(async () => {
  const a = await createTeam(t.ds, 'Team A');
  const b = await createTeam(t.ds, 'Team B');
  who.admin = await signedIn(t, 'ADMIN');
  who.managerA = await signedIn(t, 'MANAGER', a.id);
  who.salesA = await signedIn(t, 'SALES', a.id);
  who.techA = await signedIn(t, 'FIELD_TECH', a.id);
  who.managerB = await signedIn(t, 'MANAGER', b.id);
  const otherSalesA = await signedIn(t, 'SALES', a.id);
  const cA = await createCustomer(t.ds, { teamId: a.id });
  const cB = await createCustomer(t.ds, { teamId: b.id });
  const partner = async (name: string, kind: PartnerKind, teamId: string) =>
    idOf('Partner', (await t.gql(`mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }`, { i: { name, kind, teamId: toGlobalId('Team', teamId) } }, who.admin.accessToken)).body.data.createPartner.partner.id)!;
  const partnerIds = {} as Record<PartnerKind, string>;
  for (const kind of KINDS) partnerIds[kind] = await partner(`${kind} partner`, kind, a.id);
  const otherAdjuster = await partner('Other adjuster', 'INSURANCE_ADJUSTER', b.id);
  const parentsOf: Record<string, { leadId?: string; projectId?: string; teamId: string; adjuster?: string }> = {
    kCrew: { projectId: (await createProject(t.ds, cA, {}, [who.techA.user.id])).id, teamId: a.id, adjuster: partnerIds.INSURANCE_ADJUSTER },
    kOffice: { projectId: (await createProject(t.ds, cA)).id, teamId: a.id },
    kLeadMine: { leadId: (await createLead(t.ds, { teamId: a.id, assigneeId: who.salesA.user.id })).id, teamId: a.id },
    kLeadOpen: { leadId: (await createLead(t.ds, { teamId: a.id })).id, teamId: a.id },
    kLeadOther: { leadId: (await createLead(t.ds, { teamId: a.id, assigneeId: otherSalesA.user.id })).id, teamId: a.id, adjuster: partnerIds.INSURANCE_ADJUSTER },
    kB: { projectId: (await createProject(t.ds, cB)).id, teamId: b.id, adjuster: otherAdjuster },
  };
  for (const [key, p] of Object.entries(parentsOf)) {
    const [{ id }] = await t.ds.query(
      `INSERT INTO insurance_claims (lead_id, project_id, team_id, carrier, date_of_loss, cause_of_loss, status, adjuster_partner_id, rcv)
       VALUES ($1, $2, $3, 'Matrix Mutual', '2026-05-01', 'HAIL', 'INSPECTED', $4, '10000.00') RETURNING id`,
      [p.leadId ?? null, p.projectId ?? null, p.teamId, p.adjuster ?? null],
    );
    claims[key] = toGlobalId('InsuranceClaim', id);
    parents[key] = p.projectId ? { field: 'project', id: toGlobalId('Project', p.projectId) } : { field: 'lead', id: toGlobalId('Lead', p.leadId!) };
    const [s] = await t.ds.query(`INSERT INTO supplements (claim_id, title, status, requested_total, sent_at) VALUES ($1, 'Matrix', 'SENT', '10.00', now()) RETURNING id`, [id]);
    await t.ds.query(`INSERT INTO supplement_line_items (supplement_id, position, description, quantity, unit_price, requested_total) VALUES ($1, 0, 'Line', 1, 10, 10)`, [s.id]);
    supplements[key] = toGlobalId('Supplement', s.id);
  }
  for (const kind of KINDS) {
    const scopes = kind === 'INSURANCE_ADJUSTER' ? ['CLAIMS_READ', 'CLAIMS_ADJUST'] : ['PARTNER_READ', 'REFERRALS_READ', 'REFERRALS_WRITE'];
    keys[kind] = (await createKey(t, who.admin.accessToken, { name: `${kind} key`, partnerId: toGlobalId('Partner', partnerIds[kind]), scopes, allowFreeFormQueries: true, rateLimitPerMinute: 6000, costPerMinute: 1000000 })).secret;
  }
  keys.otherAdjuster = (await createKey(t, who.admin.accessToken, { name: 'Other adjuster key', partnerId: toGlobalId('Partner', otherAdjuster), scopes: ['CLAIMS_READ', 'CLAIMS_ADJUST'], allowFreeFormQueries: true, rateLimitPerMinute: 6000, costPerMinute: 1000000 })).secret;
}, 60_000);

const KEYS = SEES.admin;
const keyOf = (id: string) => Object.entries(claims).find(([, g]) => g === id)?.[0] ?? `?${id}`;
const updatedAt = async (key: string) => (await t.ds.query(`SELECT updated_at, approved_total, status FROM insurance_claims WHERE id = $1`, [idOf('InsuranceClaim', claims[key])]))[0];

describe.each(WHO)('%s', (w) => {
  const token = () => who[w].accessToken;

  it('reads by id, node, list (with totalCount) and nested exactly the claims the rules allow', async () => {
    for (const key of KEYS) {
      const r = await t.gql(`query($id: ID!, $s: ID!) { claim(id: $id) { id supplementCount supplements(first: 100) { id } } node(id: $id) { id } supplement: node(id: $s) { id } }`, { id: claims[key], s: supplements[key] }, token());
      const sees = SEES[w].includes(key);
      expect({ key, ...r.body.data }).toEqual({ key, claim: sees ? { id: claims[key], supplementCount: 1, supplements: [{ id: supplements[key] }] } : null, node: sees ? { id: claims[key] } : null, supplement: sees ? { id: supplements[key] } : null });
      const parent = parents[key]!;
      const nested = await t.gql(`query($id: ID!) { parent: ${parent.field}(id: $id) { claims { id } } }`, { id: parent.id }, token());
      expect({ key, ids: nested.body.data?.parent?.claims?.map((c: { id: string }) => keyOf(c.id)) ?? [] }).toEqual({ key, ids: sees ? [key] : [] });
    }
    const list = await t.gql(`{ claims(first: 100) { totalCount edges { node { id } } } }`, {}, token());
    const seen = list.body.data.claims.edges.map((e: { node: { id: string } }) => keyOf(e.node.id)).sort();
    expect(seen).toEqual([...SEES[w]].sort());
    expect(list.body.data.claims.totalCount).toBe(seen.length);
  });

  it('changes exactly the claims it may (details, stage, payments), and nothing else', async () => {
    for (const key of KEYS) {
      const before = await updatedAt(key);
      const expected = w === 'techA' ? 'ROLE' : SEES[w].includes(key) ? 'ok' : 'NOT_FOUND';
      for (const mutation of [
        `updateClaim(input: { id: $id, notes: "matrix" }) { errors { code } }`,
        `updateClaimStatus(input: { id: $id, status: APPROVED }) { errors { code } }`,
        `recordCarrierPayment(input: { claimId: $id, kind: ACV, amount: "1.00", receivedOn: "2026-06-01" }) { errors { code } }`,
      ]) {
        const r = await t.gql(`mutation($id: ID!) { result: ${mutation} }`, { id: claims[key] }, token());
        const outcome = r.body.errors?.[0]?.extensions?.code === 'FORBIDDEN' ? 'ROLE' : r.body.data.result.errors[0]?.code ?? 'ok';
        expect({ viewer: w, key, mutation: mutation.slice(0, 20), outcome }).toEqual({ viewer: w, key, mutation: mutation.slice(0, 20), outcome: expected });
      }
      if (expected !== 'ok') expect(await updatedAt(key)).toEqual(before);
      else await t.ds.query(`UPDATE insurance_claims SET status = 'INSPECTED' WHERE id = $1`, [idOf('InsuranceClaim', claims[key])]);
    }
  });
});

describe.each([...KINDS, 'otherAdjuster'] as const)('a %s key', (kind) => {
  const adjusts = kind === 'INSURANCE_ADJUSTER' ? ADJUSTS : kind === 'otherAdjuster' ? ['kB'] : [];
  const isAdjuster = kind === 'INSURANCE_ADJUSTER' || kind === 'otherAdjuster';

  it('reaches only the claims its partner adjusts; staff claim fields are not in its schema', async () => {
    for (const key of KEYS) {
      const r = await keyCall(t, keys[kind], { query: 'query($id: ID!) { myClaim(id: $id) { id supplementCount supplements(first: 100) { id } } }', variables: { id: claims[key] } });
      if (!isAdjuster) expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      else expect({ key, got: r.body.data.myClaim }).toEqual({ key, got: adjusts.includes(key) ? { id: claims[key], supplementCount: 1, supplements: [{ id: supplements[key] }] } : null });
      for (const query of ['query($id: ID!) { claim(id: $id) { id } }', 'query($id: ID!) { node(id: $id) { id } }']) {
        expect((await keyCall(t, keys[kind], { query, variables: { id: claims[key] } })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      }
    }
    const list = await keyCall(t, keys[kind], { query: '{ myClaims(first: 100) { totalCount edges { node { id } } } }' });
    if (!isAdjuster) expect(list.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    else expect(list.body.data.myClaims.edges.map((e: { node: { id: string } }) => keyOf(e.node.id)).sort()).toEqual([...adjusts].sort());
  });

  it('adjusts only its own claims and their supplements; nothing changes elsewhere', async () => {
    for (const key of KEYS) {
      const before = await updatedAt(key);
      const r = await keyCall(t, keys[kind], { query: 'mutation($id: ID!) { adjustClaim(input: { id: $id, approvedTotal: "9000.00" }) { errors { code } } }', variables: { id: claims[key] } });
      const s = await keyCall(t, keys[kind], { query: 'mutation($id: ID!) { adjustSupplement(input: { id: $id, status: DENIED }) { errors { code } } }', variables: { id: supplements[key] } });
      if (!isAdjuster) {
        expect([r, s].map((x) => x.body.errors?.[0]?.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      } else {
        const expected = adjusts.includes(key) ? [] : ['NOT_FOUND'];
        expect({ key, claim: r.body.data.adjustClaim.errors.map((e: { code: string }) => e.code), supplement: s.body.data.adjustSupplement.errors.map((e: { code: string }) => e.code) }).toEqual({ key, claim: expected, supplement: expected });
      }
      if (!adjusts.includes(key)) expect(await updatedAt(key)).toEqual(before);
    }
    for (const m of ['updateClaim(input: { id: $id, notes: "x" }) { errors { code } }', 'deleteClaim(id: $id) { errors { code } }', 'updateClaimStatus(input: { id: $id, status: PAID }) { errors { code } }']) {
      expect((await keyCall(t, keys[kind], { query: `mutation($id: ID!) { ${m} }`, variables: { id: claims.kCrew } })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });
});
