import { createKey, keyCall, registered, runRegistered } from '../../../test/api-keys';
import { createCustomer, createProject, signedIn, twoTeamCast, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';

/**
 * A claim's supplements past the first 10, through the API: `supplementCount` says how many there are and
 * `supplements(first:)` reads up to 100 (all a claim may have), oldest first — for every role that sees the claim, as
 * the claim's own rule says, and for its adjuster's key (sent ones only); nothing for anyone else.
 */
const { t, w } = useTestApp(twoTeamCast);

let otherTech: Session;
let oursKey: string;
/** Ours too, limited to registered operations. */
let oursRegisteredKey: string;
let theirsKey: string;
/** Claim global IDs: `big` has 16 supplements (4 drafts), `small` 3 (1 draft), `none` none; all on north projects. */
const claims = {} as Record<'big' | 'small' | 'none', string>;
/** The supplements' titles in creation order, and which were sent. */
const titles = {} as Record<'big' | 'small', { all: string[]; sent: string[] }>;
let projectId: string;

const as = (role: keyof typeof w.as) => w.as[role].accessToken;

async function partner(name: string) {
  const r = await t.gql(`mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }`, { i: { name, kind: 'INSURANCE_ADJUSTER' } }, as('manager'));
  return r.body.data.createPartner.partner.id as string;
}

async function claim(key: keyof typeof claims, adjusterPartnerId: string | null, supplements: Array<'DRAFT' | 'SENT' | 'APPROVED'>) {
  const r = await t.gql(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { id } errors { message } } }`, {
    i: { carrier: 'Supplement Mutual', claimNumber: `SM-${key}`, dateOfLoss: '2026-05-01', causeOfLoss: 'HAIL', projectId, adjuster: adjusterPartnerId ? { partnerId: adjusterPartnerId } : undefined },
  }, as('sales'));
  claims[key] = r.body.data.createClaim.claim.id;
  const title = (i: number) => `${key} ${String(i).padStart(2, '0')}`;
  // Inserted newest first: the list's order is the creation time's, not the insertion's.
  for (const [i, status] of [...supplements.entries()].reverse()) {
    await t.ds.query(
      `INSERT INTO supplements (claim_id, title, status, requested_total, sent_at, created_at)
       VALUES ($1, $2, $3::text, '10.00', CASE WHEN $3::text <> 'DRAFT' THEN now() END, TIMESTAMPTZ '2026-06-01T00:00:00Z' + $4::int * interval '1 minute')`,
      [idOf('InsuranceClaim', claims[key]), title(i), status, i],
    );
  }
  const all = supplements.map((_, i) => title(i));
  const sent = all.filter((_, i) => supplements[i] !== 'DRAFT');
  if (key !== 'none') titles[key] = { all, sent };
}

beforeAll(async () => {
  otherTech = await signedIn(t, 'FIELD_TECH', w.north);
  const customer = await createCustomer(t.ds, { teamId: w.north });
  projectId = toGlobalId('Project', (await createProject(t.ds, customer, {}, [w.as.tech.user.id])).id);
  const ours = await partner('Ours Adjusting');
  const theirs = await partner('Theirs Adjusting');
  const keyOf = async (partnerId: string) =>
    (await createKey(t, as('admin'), { name: `Key ${partnerId}`, partnerId, scopes: ['CLAIMS_READ'], allowFreeFormQueries: true, rateLimitPerMinute: 6000, costPerMinute: 1000000 })).secret;
  oursKey = await keyOf(ours);
  oursRegisteredKey = (await createKey(t, as('admin'), { name: 'Registered only', partnerId: ours, scopes: ['CLAIMS_READ'] })).secret;
  theirsKey = await keyOf(theirs);
  const D = 'DRAFT' as const;
  const S = 'SENT' as const;
  const A = 'APPROVED' as const;
  await claim('big', ours, [D, D, D, S, A, S, S, S, S, A, S, S, S, S, S, D]);
  await claim('small', ours, [S, D, A]);
  await claim('none', null, []);
}, 60_000);

const STAFF = `query($id: ID!, $first: Int) { claim(id: $id) { supplementCount firstTen: supplements { title } page: supplements(first: $first) { title } } }`;

describe.each([
  ['an admin', 'admin', true],
  ['the team\'s manager', 'manager', true],
  ['a salesperson of the team', 'sales', true],
  ['a field tech on the crew', 'tech', true],
  ['a field tech not on the crew', 'otherTech', false],
  ['another team\'s manager', 'otherManager', false],
  ['another team\'s salesperson', 'otherSales', false],
] as const)('%s', (_name, role, sees) => {
  const token = () => (role === 'otherTech' ? otherTech.accessToken : as(role));

  it(sees ? 'reads the count, the first 10 and every supplement, oldest first' : 'reads no claim (and so no supplement)', async () => {
    for (const [key, first] of [['big', 100], ['big', 12], ['small', 2]] as const) {
      const r = await t.gql(STAFF, { id: claims[key], first }, token());
      expect(r.body.errors).toBeUndefined();
      const all = titles[key].all;
      expect({ key, first, claim: r.body.data.claim }).toEqual({
        key,
        first,
        claim: sees ? { supplementCount: all.length, firstTen: all.slice(0, 10).map((title) => ({ title })), page: all.slice(0, first).map((title) => ({ title })) } : null,
      });
    }
  });

  it(sees ? 'gets every claim\'s own count and supplements in one list and nested under the project' : 'finds the claims in no list', async () => {
    const r = await t.gql(
      `query($p: ID!) { claims(first: 10, filter: { carrier: "Supplement" }, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { id supplementCount supplements(first: 3) { title } } } }
        project(id: $p) { claims { id supplementCount supplements(first: 100) { title } } } }`,
      { p: projectId },
      token(),
    );
    expect(r.body.errors).toBeUndefined();
    const expected = (['big', 'small', 'none'] as const).map((key) => ({ id: claims[key], all: key === 'none' ? [] : titles[key].all }));
    const listed = expected.map(({ id, all }) => ({ id, supplementCount: all.length, supplements: all.slice(0, 3).map((title) => ({ title })) }));
    expect(r.body.data.claims.edges.map((e: { node: unknown }) => e.node)).toEqual(sees ? listed : []);
    const nested = expected.map(({ id, all }) => ({ id, supplementCount: all.length, supplements: all.map((title) => ({ title })) }));
    expect(r.body.data.project?.claims ?? []).toEqual(sees ? nested : []);
  });
});

describe('the adjuster', () => {
  const ADJUSTER = `query($id: ID!, $first: Int) { myClaim(id: $id) { supplementCount firstTen: supplements { title } page: supplements(first: $first) { title } } }`;

  it('reads the count of the supplements sent to it, and the first `first` of those (drafts never take a place)', async () => {
    for (const [key, first] of [['big', 100], ['big', 11], ['small', 1]] as const) {
      const r = await keyCall(t, oursKey, { query: ADJUSTER, variables: { id: claims[key], first } });
      expect(r.body.errors).toBeUndefined();
      const sent = titles[key].sent;
      expect({ key, first, claim: r.body.data.myClaim }).toEqual({
        key,
        first,
        claim: { supplementCount: sent.length, firstTen: sent.slice(0, 10).map((title) => ({ title })), page: sent.slice(0, first).map((title) => ({ title })) },
      });
    }
    expect(titles.big.sent).toHaveLength(12);
    const list = await keyCall(t, oursKey, { query: '{ myClaims(first: 10) { edges { node { id supplementCount supplements(first: 100) { title } } } } }' });
    expect(list.body.data.myClaims.edges.map((e: { node: unknown }) => e.node)).toEqual(
      (['small', 'big'] as const).map((key) => ({ id: claims[key], supplementCount: titles[key].sent.length, supplements: titles[key].sent.map((title) => ({ title })) })),
    );
  });

  it("the registered MyClaim, unchanged, reads the first 10 sent supplements", async () => {
    const r = await runRegistered(t, oursKey, 'MyClaim', { id: claims.big });
    expect(r.body.data.myClaim.supplements.map((s: { title: string }) => s.title)).toEqual(titles.big.sent.slice(0, 10));
  });

  it('the registered MyClaimSupplements reads every sent supplement with its lines, for a key without free-form queries', async () => {
    const free = await keyCall(t, oursRegisteredKey, { query: '{ myClaims(first: 1) { totalCount } }' });
    expect(free.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
    const r = await runRegistered(t, oursRegisteredKey, 'MyClaimSupplements', { id: claims.big });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.myClaim.supplementCount).toBe(12);
    expect(r.body.data.myClaim.supplements.map((s: { title: string }) => s.title)).toEqual(titles.big.sent);
    // All 100 a claim may have cost more than a default key's budget a minute (docs/partners.md says so).
    const all = await runRegistered(t, oursRegisteredKey, 'MyClaimSupplements', { id: claims.big, first: 100 });
    expect(all.body.errors?.[0]).toMatchObject({ message: expect.stringContaining('costs 55803'), extensions: { code: 'QUERY_TOO_COMPLEX' } });
    const manifest = (await (await fetch(`${t.url}/graphql/operations.json`)).json()) as { operations: Array<{ id: string; name: string }> };
    expect(manifest.operations).toContainEqual(expect.objectContaining({ id: registered('MyClaimSupplements').documentId, name: 'MyClaimSupplements' }));
  });

  it("another adjuster's key reads nothing of the claim", async () => {
    for (const key of ['big', 'small'] as const) {
      const r = await keyCall(t, theirsKey, { query: ADJUSTER, variables: { id: claims[key], first: 100 } });
      expect(r.body.data.myClaim).toBeNull();
    }
    const list = await keyCall(t, theirsKey, { query: '{ myClaims(first: 10) { totalCount edges { node { supplementCount } } } }' });
    expect(list.body.data.myClaims).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('bounds', () => {
  it('refuses a page size outside 1 to 100', async () => {
    for (const first of [0, 101]) {
      const r = await t.gql(STAFF, { id: claims.big, first }, as('admin'));
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const k = await keyCall(t, oursKey, { query: 'query($id: ID!, $first: Int) { myClaim(id: $id) { supplements(first: $first) { id } } }', variables: { id: claims.big, first } });
      expect(k.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    }
  });

  it('lets a claim have 100 supplements, all read in one page; the 101st is refused', async () => {
    const created = await t.gql(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { id } } }`, {
      i: { carrier: 'Bulk Mutual', dateOfLoss: '2026-05-01', causeOfLoss: 'WIND', projectId },
    }, as('sales'));
    const id = created.body.data.createClaim.claim.id as string;
    await t.ds.query(
      `INSERT INTO supplements (claim_id, title, status, requested_total, created_at)
       SELECT $1, 'Bulk ' || lpad(g::text, 3, '0'), 'DRAFT', '0', TIMESTAMPTZ '2026-01-01T00:00:00Z' + g * interval '1 minute' FROM generate_series(1, 99) g`,
      [idOf('InsuranceClaim', id)],
    );
    const CREATE = `mutation($i: CreateSupplementInput!, $id: ID!) {
      read: updateClaim(input: { id: $id, notes: "read before" }) { claim { supplementCount supplements(first: 100) { id } } }
      create: createSupplement(input: $i) { supplement { claim { supplementCount supplements(first: 100) { title } } } errors { field code message } }
    }`;
    const input = { claimId: id, title: 'The hundredth', lineItems: [{ description: 'Drip edge', quantity: '1', unitPrice: '1.00' }] };
    const hundredth = await t.gql(CREATE, { i: input, id }, as('sales'));
    expect(hundredth.body.data.read.claim.supplementCount).toBe(99);
    expect(hundredth.body.data.create.errors).toEqual([]);
    // The same request read the claim's supplements before the write: the write's answer is the claim as it is now.
    const after = hundredth.body.data.create.supplement.claim;
    expect(after.supplementCount).toBe(100);
    expect(after.supplements).toHaveLength(100);
    expect(after.supplements.at(-1)).toEqual({ title: 'The hundredth' });
    const refused = await t.gql(CREATE, { i: { ...input, title: 'One too many' }, id }, as('sales'));
    expect(refused.body.data.create).toEqual({ supplement: null, errors: [{ field: ['claimId'], code: 'OUT_OF_RANGE', message: 'A claim has at most 100 supplements.' }] });
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM supplements WHERE claim_id = $1`, [idOf('InsuranceClaim', id)]);
    expect(n).toBe(100);
  });
});
