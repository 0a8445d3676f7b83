import { createKey, keyCall, registered, runRegistered, seedUsage, type UsageSeed } from '../../../test/api-keys';
import { twoTeamCast } from '../../../test/factories';
import { useTestApp, type GqlResponse } from '../../../test/harness';
import { encodeCursor } from '../../platform/db/pagination';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';

/**
 * `apiUsageRows`: every usage row a page at a time, in one stable order, under the reader's scope on every page, with
 * per-day totals over all pages; and the deprecated `apiUsage`, answering as it always did.
 */
const { t, w } = useTestApp(twoTeamCast);

const ROWS = `query($first: Int, $after: String, $filter: ApiUsageFilter) {
  apiUsageRows(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { apiKeyId prefix name day operation count errors cost } }
  }
}`;
const LEGACY = `query($filter: ApiUsageFilter) { apiUsage(filter: $filter) { apiKeyId prefix name day operation count errors cost } }`;
const CREATE_PARTNER = `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } errors { code } } }`;

/** Seeded usage lies in the past, away from the rows the tests' own calls meter today. */
const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const DAYS = Array.from({ length: 10 }, (_, i) => `2025-03-${String(i + 1).padStart(2, '0')}`);
const OPERATIONS = ['Op1', 'Op2', 'Op3', 'Op4'];
/** A busy key's 600 rows in the summer: more than the deprecated field's 500. */
const SUMMER = { from: '2025-06-01', to: '2025-07-30' };

interface Key {
  id: string;
  uuid: string;
  secret: string;
  prefix: string;
  name: string;
}
type KeyName = 'lakesForm' | 'lakesCrm' | 'south' | 'company' | 'busy';
const keys = {} as Record<KeyName, Key>;
const seeded: UsageSeed[] = [];
const admin = () => w.as.admin.accessToken;

type Ask = (variables: Record<string, unknown>) => Promise<GqlResponse>;
const asAdmin: Ask = (variables) => t.gql(ROWS, variables, admin());
const asKey = (k: KeyName): Ask => (variables) => keyCall(t, keys[k].secret, { query: ROWS, variables });

beforeAll(async () => {
  const partner = async (name: string, kind: string) => {
    const r = await t.gql(CREATE_PARTNER, { i: { name, kind, teamId: toGlobalId('Team', w.north) } }, admin());
    return r.body.data.createPartner.partner.id as string;
  };
  const lakes = await partner('Lakes Realty', 'REALTOR');
  const south = await partner('South Claims', 'INSURANCE_ADJUSTER');
  const make = async (k: KeyName, name: string, partnerId?: string) => {
    const { secret, id } = await createKey(t, admin(), { name, partnerId, scopes: ['PARTNER_READ'], allowFreeFormQueries: true, rateLimitPerMinute: 6000 });
    keys[k] = { id, uuid: idOf('ApiKey', id)!, secret, prefix: secret.slice(0, 13), name };
  };
  await make('lakesForm', 'Lakes form', lakes);
  await make('lakesCrm', 'Lakes CRM', lakes);
  await make('south', 'South portal', south);
  await make('company', 'ERP sync');
  await make('busy', 'Busy sync');
  (['lakesForm', 'lakesCrm', 'south', 'company'] as const).forEach((k, ki) =>
    DAYS.forEach((day, di) =>
      OPERATIONS.forEach((operation, oi) =>
        seeded.push({ keyId: keys[k].uuid, day, operation, count: 1 + ((di * 7 + oi * 3 + ki) % 11), errors: (di + oi + ki) % 3, cost: 10 * (oi + 1) }),
      ),
    ),
  );
  // Outside March: seen only by a filter that asks for February.
  seeded.push({ keyId: keys.lakesForm.uuid, day: '2025-02-14', operation: 'Op1', count: 5, errors: 0, cost: 1 });
  for (let d = 0; d < 60; d++) {
    const day = new Date(Date.UTC(2025, 5, 1 + d)).toISOString().slice(0, 10);
    for (let o = 0; o < 10; o++) seeded.push({ keyId: keys.busy.uuid, day, operation: `Sync${o}`, count: 1, errors: 0, cost: 1 });
  }
  await seedUsage(t, seeded);
});

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const keyOf = (uuid: string) => Object.values(keys).find((k) => k.uuid === uuid)!;

/** Seeded rows as the API lists them, in `order`. */
function listed(rows: UsageSeed[], order: (a: UsageSeed, b: UsageSeed) => number) {
  return [...rows].sort(order).map((r) => ({
    apiKeyId: toGlobalId('ApiKey', r.keyId),
    prefix: keyOf(r.keyId).prefix,
    name: keyOf(r.keyId).name,
    day: r.day,
    operation: r.operation,
    count: r.count,
    errors: r.errors,
    cost: r.cost,
  }));
}
/** `apiUsageRows`' order: newest day, then key and operation, all descending. */
const pageOrder = (a: UsageSeed, b: UsageSeed) => cmp(b.day, a.day) || cmp(b.keyId, a.keyId) || cmp(b.operation, a.operation);
const inMarch = (r: UsageSeed) => r.day >= MARCH.from && r.day <= MARCH.to;
const ofKeys = (...names: KeyName[]) => (r: UsageSeed) => names.some((k) => keys[k].uuid === r.keyId);

/** Every page from the start, each continuing after the one before's `endCursor`. */
async function everyPage(ask: Ask, filter: Record<string, unknown>, first: number) {
  const pages = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const r = await ask({ first, after, filter });
    expect(r.body.errors).toBeUndefined();
    const page = r.body.data.apiUsageRows;
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    if ('cursor' in page.edges.at(-1)) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
    after = page.pageInfo.endCursor;
  }
  throw new Error('more pages than expected');
}
const nodesOf = (pages: Array<{ edges: Array<{ node: unknown }> }>) => pages.flatMap((p) => p.edges.map((e) => e.node));

it('pages an admin through every row once, newest day first, then key and operation', async () => {
  const pages = await everyPage(asAdmin, MARCH, 30);
  expect(pages.map((p) => p.edges.length)).toEqual([30, 30, 30, 30, 30, 10]);
  expect(pages.map((p) => p.totalCount)).toEqual(Array(6).fill(160));
  expect(nodesOf(pages)).toEqual(listed(seeded.filter(inMarch), pageOrder));
  // The same pages again: the order is stable.
  expect(nodesOf(await everyPage(asAdmin, MARCH, 30))).toEqual(nodesOf(pages));
});

it.each([
  ['a partner key sees its partner\'s keys', 'lakesForm', ['lakesForm', 'lakesCrm']],
  ['another partner\'s key sees its own partner\'s', 'south', ['south']],
  ['a company key sees itself', 'company', ['company']],
] as const)('%s only, on every page', async (_name, reader, visible) => {
  const pages = await everyPage(asKey(reader), MARCH, 7);
  const expected = listed(seeded.filter(inMarch).filter(ofKeys(...visible)), pageOrder);
  expect(pages.length).toBe(Math.ceil(expected.length / 7));
  const prefixes = new Set(visible.map((k) => keys[k].prefix));
  for (const page of pages) {
    expect(page.totalCount).toBe(expected.length);
    expect(page.edges.every((e: { node: { prefix: string } }) => prefixes.has(e.node.prefix))).toBe(true);
  }
  expect(nodesOf(pages)).toEqual(expected);
});

it("gives a partner key nothing of another partner's key, even when it names it", async () => {
  const r = await asKey('lakesForm')({ first: 10, filter: { ...MARCH, apiKeyId: keys.south.id } });
  expect(r.body.data.apiUsageRows).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
});

it('respects the key and period filters', async () => {
  const byKey = await everyPage(asAdmin, { apiKeyId: keys.lakesCrm.id, from: '2025-03-03', to: '2025-03-05' }, 5);
  const expected = seeded.filter(ofKeys('lakesCrm')).filter((r) => r.day >= '2025-03-03' && r.day <= '2025-03-05');
  expect(nodesOf(byKey)).toEqual(listed(expected, pageOrder));
  expect(expected).toHaveLength(12);
  const february = await everyPage(asAdmin, { apiKeyId: keys.lakesForm.id, from: '2025-02-01', to: '2025-03-01' }, 100);
  expect(nodesOf(february).map((n: any) => [n.day, n.operation])).toEqual([
    ['2025-03-01', 'Op4'], ['2025-03-01', 'Op3'], ['2025-03-01', 'Op2'], ['2025-03-01', 'Op1'], ['2025-02-14', 'Op1'],
  ]);
  const tooLong = await asAdmin({ first: 10, filter: { from: '2025-01-01', to: '2025-04-30' } });
  expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
});

it('adds the rows up per day over every page (dailyTotals), and answers them alone for first: 0', async () => {
  const perDay = (rows: UsageSeed[]) =>
    [...new Set(rows.map((r) => r.day))].sort().reverse().map((day) => {
      const of = rows.filter((r) => r.day === day);
      return { day, count: of.reduce((n, r) => n + r.count, 0), errors: of.reduce((n, r) => n + r.errors, 0) };
    });
  const TOTALS = `query($first: Int, $filter: ApiUsageFilter) { apiUsageRows(first: $first, filter: $filter) { totalCount dailyTotals { day count errors } edges { cursor } } }`;
  const all = await t.gql(TOTALS, { first: 0, filter: MARCH }, admin());
  expect(all.body.data.apiUsageRows).toEqual({ totalCount: 160, edges: [], dailyTotals: perDay(seeded.filter(inMarch)) });
  const own = await keyCall(t, keys.lakesForm.secret, { query: TOTALS, variables: { first: 5, filter: MARCH } });
  expect(own.body.data.apiUsageRows.edges).toHaveLength(5);
  expect(own.body.data.apiUsageRows.dailyTotals).toEqual(perDay(seeded.filter(inMarch).filter(ofKeys('lakesForm', 'lakesCrm'))));
});

it('continues after its cursor when rows come and go between pages: no repeat, no gap', async () => {
  const filter = { ...MARCH, apiKeyId: keys.company.id };
  const first = (await asAdmin({ first: 10, filter })).body.data.apiUsageRows;
  // A newer row lands before the cursor, one already read goes: the next page still starts right after the cursor.
  await seedUsage(t, [{ keyId: keys.company.uuid, day: '2025-03-20', operation: 'Late', count: 1, errors: 0, cost: 1 }]);
  await t.ds.query(`DELETE FROM api_usage WHERE key_id = $1 AND day = '2025-03-10' AND operation = 'Op4'`, [keys.company.uuid]);
  try {
    const second = (await asAdmin({ first: 10, after: first.pageInfo.endCursor, filter })).body.data.apiUsageRows;
    const expected = listed(seeded.filter(inMarch).filter(ofKeys('company')), pageOrder);
    expect([...first.edges, ...second.edges].map((e: { node: unknown }) => e.node)).toEqual(expected.slice(0, 20));
  } finally {
    await t.ds.query(`DELETE FROM api_usage WHERE key_id = $1 AND operation = 'Late'`, [keys.company.uuid]);
    await seedUsage(t, seeded.filter((r) => r.keyId === keys.company.uuid && r.day === '2025-03-10' && r.operation === 'Op4'));
  }
});

it('refuses a cursor that is not one of its own as BAD_USER_INPUT on `after`, as every list does', async () => {
  const apiKeysPage = await t.gql(`query($after: String) { apiKeys(first: 1, after: $after) { pageInfo { endCursor } } }`, { after: 'nope' }, admin());
  const theirs = (await t.gql(`{ apiKeys(first: 1) { pageInfo { endCursor } } }`, {}, admin())).body.data.apiKeys.pageInfo.endCursor;
  const expected = { message: '`after` is not a valid cursor for this list.', extensions: { code: 'BAD_USER_INPUT', field: 'after' } };
  expect(apiKeysPage.body.errors?.[0]).toMatchObject(expected);
  const bad = [
    'nope',
    theirs, // another list's (two keys, not three)
    encodeCursor(['2025-02-30', keys.company.uuid, 'Op1']), // no such day
    encodeCursor(['2025-03-01', 'not-a-uuid', 'Op1']),
    encodeCursor(['2025-03-01', keys.company.uuid, 'Op\u0000']), // text PostgreSQL cannot hold
  ];
  for (const after of bad) {
    const r = await asAdmin({ first: 5, after, filter: MARCH });
    expect({ after, error: r.body.errors?.[0] }).toMatchObject({ after, error: expected });
    expect(r.body.data).toBeNull();
    const k = await asKey('lakesForm')({ first: 5, after, filter: MARCH });
    expect(k.body.errors?.[0]).toMatchObject(expected);
  }
  const tooMany = await asAdmin({ first: 101, filter: MARCH });
  expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
});

it('is for admins and keys with partner:read', async () => {
  const r = await t.gql(ROWS, { first: 5, filter: MARCH }, w.as.manager.accessToken);
  expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it('runs as the registered ApiUsageRows operation, listed in the manifest', async () => {
  const ask: Ask = (variables) => runRegistered(t, keys.lakesForm.secret, 'ApiUsageRows', variables);
  const pages = await everyPage(ask, MARCH, 50);
  expect(pages.map((p) => [p.edges.length, p.totalCount])).toEqual([[50, 80], [30, 80]]);
  expect(pages[0].dailyTotals).toHaveLength(10);
  const manifest = (await (await fetch(`${t.url}/graphql/operations.json`)).json()) as { operations: Array<{ id: string; name: string }> };
  expect(manifest.operations).toContainEqual(expect.objectContaining({ id: registered('ApiUsageRows').documentId, name: 'ApiUsageRows' }));
});

it('pages through more rows than the deprecated apiUsage ever answered (500)', async () => {
  const filter = { ...SUMMER, apiKeyId: keys.busy.id };
  const pages = await everyPage(asAdmin, filter, 100);
  expect(pages.map((p) => p.edges.length)).toEqual([100, 100, 100, 100, 100, 100]);
  expect(nodesOf(pages)).toEqual(listed(seeded.filter(ofKeys('busy')), pageOrder));
  const legacy = await t.gql(LEGACY, { filter }, admin());
  expect(legacy.body.data.apiUsage).toHaveLength(500);
});

describe('the deprecated apiUsage', () => {
  /** Its order, unchanged: newest day first, then key and operation ascending. */
  const legacyOrder = (a: UsageSeed, b: UsageSeed) => cmp(b.day, a.day) || cmp(a.keyId, b.keyId) || cmp(a.operation, b.operation);

  it('answers as before, for admins and partner keys alike', async () => {
    const all = await t.gql(LEGACY, { filter: MARCH }, admin());
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data.apiUsage).toEqual(listed(seeded.filter(inMarch), legacyOrder));
    const own = await keyCall(t, keys.lakesForm.secret, { query: LEGACY, variables: { filter: MARCH } });
    expect(own.body.data.apiUsage).toEqual(listed(seeded.filter(inMarch).filter(ofKeys('lakesForm', 'lakesCrm')), legacyOrder));
  });

  it('keeps its registered document, under the documentId partners were given', async () => {
    expect(registered('ApiUsage').documentId).toBe('sha256:e1c31573af91f6abaf40baa833e24f386fe9c188ed91c2c1d379afdc71af6e19');
    const r = await runRegistered(t, keys.south.secret, 'ApiUsage', { filter: MARCH });
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.apiUsage).toEqual(listed(seeded.filter(inMarch).filter(ofKeys('south')), legacyOrder));
  });

  it('says it is deprecated, and what to use instead, in both schemas', async () => {
    const FIELDS = `{ __type(name: "Query") { fields(includeDeprecated: true) { name isDeprecated deprecationReason } } }`;
    const staff = (await t.gql(FIELDS, {}, admin())).body.data.__type.fields;
    const partner = (await keyCall(t, keys.lakesForm.secret, { query: FIELDS })).body.data.__type.fields;
    for (const fields of [staff, partner]) {
      expect(fields.find((f: { name: string }) => f.name === 'apiUsage')).toEqual({ name: 'apiUsage', isDeprecated: true, deprecationReason: expect.stringContaining('apiUsageRows') });
      expect(fields.find((f: { name: string }) => f.name === 'apiUsageRows')).toMatchObject({ isDeprecated: false });
    }
  });
});
