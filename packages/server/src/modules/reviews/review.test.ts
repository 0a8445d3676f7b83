import { fromGlobalId, toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, twoTeamCast } from '../../../test/factories';
import { subscribed, useTestApp } from '../../../test/harness';

const { t, w } = useTestApp(twoTeamCast);

const FIELDS = `id platform rating text authorName url status flagReason deletedAt owningTeam { name }
  customer { name } project { name } response { text respondedBy { name } respondedAt } createdBy { name }`;
const PAYLOAD = `review { ${FIELDS} } errors { field code message }`;
const CREATE = `mutation($i: CreateReviewInput!) { createReview(input: $i) { ${PAYLOAD} } }`;
const UPDATE = `mutation($i: UpdateReviewInput!) { updateReview(input: $i) { ${PAYLOAD} } }`;
const RESPOND = `mutation($id: ID!, $t: String!) { respondToReview(id: $id, text: $t) { ${PAYLOAD} } }`;
const FLAG = `mutation($id: ID!, $r: String!) { flagReview(id: $id, reason: $r) { ${PAYLOAD} } }`;
const DELETE = `mutation($id: ID!) { deleteReview(id: $id) { ${PAYLOAD} } }`;
const RESTORE = `mutation($id: ID!) { restoreReview(id: $id) { ${PAYLOAD} } }`;
const GET = `query($id: ID!) { review(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: ReviewFilter, $o: ReviewOrder, $first: Int, $after: String) {
  reviews(filter: $f, orderBy: $o, first: $first, after: $after) { totalCount edges { node { id authorName rating } } pageInfo { hasNextPage endCursor } }
}`;
type Who = keyof typeof w.as;
const token = (who: Who) => w.as[who].accessToken;
const keyOf = (id: string) => fromGlobalId(id)!.id;

async function create(who: Who, input: Record<string, unknown>) {
  const r = await t.gql(CREATE, { i: input }, token(who));
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.createReview as { review: any; errors: any[] };
}

let north: { customer: string; project: string; projectName: string };
let south: { customer: string; project: string };
beforeAll(async () => {
  const nc = await createCustomer(t.ds, { teamId: w.north, name: 'Nora North' });
  const np = await createProject(t.ds, nc, { name: 'North roof' }, [w.as.tech.user.id]);
  const sc = await createCustomer(t.ds, { teamId: w.south, name: 'Sam South' });
  const sp = await createProject(t.ds, sc, { name: 'South roof' });
  north = { customer: toGlobalId('Customer', nc.id), project: toGlobalId('Project', np.id), projectName: np.name };
  south = { customer: toGlobalId('Customer', sc.id), project: toGlobalId('Project', sp.id) };
});

describe('createReview', () => {
  it('records a review of a project with its customer and team, and audits it', async () => {
    const r = await create('sales', { platform: 'GOOGLE', rating: 5, text: 'Great crew', authorName: ' Nora N. ', url: 'https://g.page/r/1', projectId: north.project });
    expect(r.errors).toEqual([]);
    expect(r.review).toMatchObject({
      platform: 'GOOGLE', rating: 5, authorName: 'Nora N.', status: 'NEW', customer: { name: 'Nora North' }, project: { name: 'North roof' },
      owningTeam: { name: 'North' }, response: null, createdBy: { name: w.as.sales.user.name },
    });
    const entries = await t.ds.query(`SELECT entity_type, action FROM audit_log WHERE entity_id = $1`, [keyOf(r.review.id)]);
    expect(entries).toEqual([{ entity_type: 'Review', action: 'CREATE' }]);
  });

  it.each([
    ['a rating of 0', { rating: 0 }, 'rating', 'OUT_OF_RANGE'],
    ['a rating of 6', { rating: 6 }, 'rating', 'OUT_OF_RANGE'],
    ['a bad URL', { url: 'not a link' }, 'url', 'INVALID'],
    ['a javascript URL', { url: 'javascript:alert(1)' }, 'url', 'INVALID'],
    ['text over the limit', { text: 'x'.repeat(5001) }, 'text', 'TOO_LONG'],
    ['a blank author', { authorName: '  ' }, 'authorName', 'REQUIRED'],
    ['a future posting time', { postedAt: new Date(Date.now() + 86_400_000).toISOString() }, 'postedAt', 'OUT_OF_RANGE'],
    ['a customer of another team', { customerId: 'south' }, 'customerId', 'NOT_FOUND'],
    ['a project of another customer', { customerId: 'north', projectId: 'southProject' }, 'projectId', 'NOT_FOUND'],
  ])('refuses %s as a UserError naming the field, and records nothing', async (_name, over, field, code) => {
    const count = async () => Number((await t.ds.query('SELECT count(*) AS n FROM reviews'))[0].n);
    const before = await count();
    const i: Record<string, unknown> = { platform: 'YELP', rating: 4, authorName: 'Someone', ...over };
    if (i.customerId === 'south') i.customerId = south.customer;
    if (i.customerId === 'north') i.customerId = north.customer;
    if (i.projectId === 'southProject') i.projectId = south.project;
    const r = await create('sales', i);
    expect(r.review).toBeNull();
    expect(r.errors).toContainEqual(expect.objectContaining({ field: [field], code }));
    expect(await count()).toBe(before);
  });

  it('is closed to field techs', async () => {
    const r = await t.gql(CREATE, { i: { platform: 'GOOGLE', rating: 5, authorName: 'Tech' } }, token('tech'));
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('who sees and changes which review', () => {
  let northReview: any;
  let southReview: any;
  let unlinked: any;
  beforeAll(async () => {
    northReview = (await create('manager', { platform: 'FACEBOOK', rating: 2, authorName: 'North Reviewer', projectId: north.project })).review;
    southReview = (await create('otherManager', { platform: 'YELP', rating: 4, authorName: 'South Reviewer', customerId: south.customer })).review;
    unlinked = (await create('sales', { platform: 'NEXTDOOR', rating: 3, authorName: 'Neighbour Nils' })).review;
  });

  it.each([
    ['admin', true, true, true],
    ['manager', true, false, true],
    ['sales', true, false, true],
    ['otherSales', false, true, false],
    ['tech', true, false, false],
  ] as const)('%s: by id, in the list, through node(id:) and nested', async (who, seesNorth, seesSouth, seesUnlinked) => {
    for (const [r, sees] of [
      [northReview, seesNorth],
      [southReview, seesSouth],
      [unlinked, seesUnlinked],
    ] as const) {
      expect((await t.gql(GET, { id: r.id }, token(who))).body.data.review?.authorName ?? null).toBe(sees ? r.authorName : null);
      expect((await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: r.id }, token(who))).body.data.node?.id ?? null).toBe(sees ? r.id : null);
    }
    const names = (await t.gql(LIST, { first: 100 }, token(who))).body.data.reviews.edges.map((e: any) => e.node.authorName);
    expect(names.includes('North Reviewer')).toBe(seesNorth);
    expect(names.includes('South Reviewer')).toBe(seesSouth);
    expect(names.includes('Neighbour Nils')).toBe(seesUnlinked);
    const nested = await t.gql('query($id: ID!) { node(id: $id) { ... on Project { reviews { authorName } } } }', { id: north.project }, token(who));
    expect(nested.body.data.node?.reviews?.map((r: any) => r.authorName).includes('North Reviewer') ?? false).toBe(seesNorth);
  });

  it('a review of another team behaves as missing for writes; field techs may not write', async () => {
    const r = await t.gql(RESPOND, { id: southReview.id, t: 'Thanks!' }, token('sales'));
    expect(r.body.data.respondToReview).toMatchObject({ review: null, errors: [{ code: 'NOT_FOUND' }] });
    const tech = await t.gql(FLAG, { id: northReview.id, r: 'Fake' }, token('tech'));
    expect(tech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('responds, flags and updates, each audited', async () => {
    const responded = await t.gql(RESPOND, { id: northReview.id, t: '  Sorry to hear that – we will call you. ' }, token('sales'));
    expect(responded.body.data.respondToReview.review).toMatchObject({
      status: 'RESPONDED', response: { text: 'Sorry to hear that – we will call you.', respondedBy: { name: w.as.sales.user.name } },
    });
    const blank = await t.gql(RESPOND, { id: northReview.id, t: ' ' }, token('sales'));
    expect(blank.body.data.respondToReview.errors).toEqual([expect.objectContaining({ field: ['text'], code: 'REQUIRED' })]);
    const flagged = await t.gql(FLAG, { id: northReview.id, r: 'Not our customer' }, token('manager'));
    expect(flagged.body.data.flagReview.review).toMatchObject({ status: 'FLAGGED', flagReason: 'Not our customer' });
    const updated = await t.gql(UPDATE, { i: { id: northReview.id, rating: 3, url: null } }, token('sales'));
    expect(updated.body.data.updateReview.review).toMatchObject({ rating: 3, url: null, status: 'FLAGGED' });
    const bad = await t.gql(UPDATE, { i: { id: northReview.id, rating: 9 } }, token('sales'));
    expect(bad.body.data.updateReview.errors).toEqual([expect.objectContaining({ field: ['rating'], code: 'OUT_OF_RANGE' })]);
    const actions = await t.ds.query(`SELECT action FROM audit_log WHERE entity_type = 'Review' AND entity_id = $1 ORDER BY occurred_at, id`, [keyOf(northReview.id)]);
    expect(actions.map((a: any) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE', 'UPDATE']);
  });

  it('filters by platform, rating range, status, customer, project and search; orders by rating', async () => {
    const names = async (f: Record<string, unknown>, o?: Record<string, unknown>) =>
      (await t.gql(LIST, { f, o, first: 100 }, token('admin'))).body.data.reviews.edges.map((e: any) => e.node.authorName);
    expect(await names({ platforms: ['YELP', 'NEXTDOOR'], search: 'e' })).toEqual(expect.arrayContaining(['South Reviewer', 'Neighbour Nils']));
    expect(await names({ platforms: ['NEXTDOOR'] })).toEqual(['Neighbour Nils']);
    expect(await names({ customerId: south.customer })).toEqual(['South Reviewer']);
    expect(await names({ projectId: north.project, statuses: ['FLAGGED', 'RESPONDED'] })).toEqual(['North Reviewer']);
    expect(await names({ search: 'neighbour', minRating: 3, maxRating: 3 })).toEqual(['Neighbour Nils']);
    expect(await names({ search: 'neighbour', minRating: 4 })).toEqual([]);
    const ratings = (await t.gql(LIST, { o: { field: 'RATING', direction: 'ASC' }, first: 100 }, token('admin'))).body.data.reviews.edges.map((e: any) => e.node.rating);
    expect(ratings).toEqual([...ratings].sort((a, b) => a - b));
  });

  it('sales may not delete; managers delete and restore, with the trash for admins and managers only', async () => {
    const review = (await create('sales', { platform: 'BBB', rating: 1, authorName: 'Short Lived', customerId: north.customer })).review;
    expect((await t.gql(DELETE, { id: review.id }, token('sales'))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const del = await t.gql(DELETE, { id: review.id }, token('manager'));
    expect(del.body.data.deleteReview.review.deletedAt).not.toBeNull();
    const trash = async (who: Who) => (await t.gql(LIST, { f: { deleted: true }, first: 100 }, token(who))).body.data.reviews.edges.map((e: any) => e.node.authorName);
    expect(await trash('manager')).toContain('Short Lived');
    expect(await trash('sales')).toEqual([]);
    expect(await trash('otherManager')).not.toContain('Short Lived');
    const back = await t.gql(RESTORE, { id: review.id }, token('manager'));
    expect(back.body.data.restoreReview.review.deletedAt).toBeNull();
    const customer = await t.gql('query($id: ID!) { node(id: $id) { ... on Customer { reviews { authorName } } } }', { id: north.customer }, token('sales'));
    expect(customer.body.data.node.reviews.map((r: any) => r.authorName)).toContain('Short Lived');
  });
});

describe('live review events', () => {
  const SUB = `subscription { reviewUpdated { change review { authorName } } }`;

  it('reach only those who may see the review', async () => {
    const northSales = await subscribed(t, t.wsClient(token('sales')), SUB);
    const tech = await subscribed(t, t.wsClient(token('tech')), SUB);
    const southManager = await subscribed(t, t.wsClient(token('otherManager')), SUB);
    await create('sales', { platform: 'ANGI', rating: 5, authorName: 'Live North', projectId: north.project });
    await create('otherSales', { platform: 'ANGI', rating: 5, authorName: 'Live South', customerId: south.customer });
    await create('sales', { platform: 'ANGI', rating: 4, authorName: 'Live North Unlinked' });
    // Events arrive in order: once the last one each may see is in, any earlier foreign one would have been too.
    await northSales.waitFor(2);
    await tech.waitFor(1);
    await southManager.waitFor(1);
    const names = (s: typeof tech) => s.results.map((r: any) => r.data?.reviewUpdated?.review?.authorName);
    expect(names(northSales)).toEqual(['Live North', 'Live North Unlinked']);
    expect(names(tech)).toEqual(['Live North']);
    expect(names(southManager)).toEqual(['Live South']);
    for (const s of [northSales, tech, southManager]) s.unsubscribe();
  });
});
