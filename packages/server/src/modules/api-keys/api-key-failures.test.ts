import { createKey, myPartnerFrom, rateOf } from '../../../test/api-keys';
import { twoTeamCast } from '../../../test/factories';
import { startTestApp, useTestApp, type TestApp } from '../../../test/harness';

/**
 * Failed API-key authentications are limited per client address (API_KEY_FAILURES in API_KEY_FAILURES_WINDOW_SECONDS):
 * after its failures, an address's requests with any key are refused (429) until its bucket refills.
 */
const FAILURES = 3;
// Behind a proxy on this machine: each test claims its own client address in X-Forwarded-For. The schema download
// wants a sign-in, so it looks keys up too.
const { t, w } = useTestApp(twoTeamCast, { env: { TRUST_PROXY: 'loopback', API_KEY_FAILURES: String(FAILURES), GRAPHQL_INTROSPECTION: 'signed-in' } });

const BAD_KEY = `crmk_zzzzzzzz_${'A'.repeat(43)}`;
let good: string;

beforeAll(async () => {
  const partner = await t.gql(`mutation { createPartner(input: { name: "Limit Realty", kind: REALTOR }) { partner { id } } }`, {}, w.as.manager.accessToken);
  good = (await createKey(t, w.as.admin.accessToken, { name: 'Good', partnerId: partner.body.data.createPartner.partner.id, scopes: ['PARTNER_READ'] })).secret;
});

/** Runs `MyPartner` with `key`, as a client at `address`. */
const callFrom = (address: string, key: string, app: TestApp = t) => myPartnerFrom(app, address, key);
const rate = rateOf;

it('answers an address\'s bad keys with 401 and its RateLimit headers, then 429 RATE_LIMITED, even for a good key', async () => {
  const failures = [];
  for (let i = 0; i < FAILURES; i++) failures.push(await callFrom('203.0.113.21', BAD_KEY));
  expect(failures.map(rate)).toEqual([
    [401, '3', '2'],
    [401, '3', '1'],
    [401, '3', '0'],
  ]);
  expect(failures[0]!.body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

  const limited = await callFrom('203.0.113.21', BAD_KEY);
  expect(rate(limited)).toEqual([429, '3', '0']);
  // A token comes back every 20 s at 3 a minute.
  expect(Number(limited.header('retry-after'))).toBeGreaterThanOrEqual(19);
  expect(Number(limited.header('retry-after'))).toBeLessThanOrEqual(20);
  expect(Number(limited.header('ratelimit-reset'))).toBeGreaterThanOrEqual(59);
  expect(limited.body).toEqual({
    errors: [
      {
        message: 'Too many requests with API keys that are not valid from this address.',
        extensions: { code: 'RATE_LIMITED', retryAfter: Number(limited.header('retry-after')), requestId: expect.any(String) },
      },
    ],
  });

  // The flood cannot be mixed with a good key to reset it; the key works from elsewhere.
  const goodHere = await callFrom('203.0.113.21', good);
  expect(goodHere.status).toBe(429);
  expect(goodHere.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
  const goodElsewhere = await callFrom('198.51.100.21', good);
  expect(goodElsewhere.status).toBe(200);
  expect(goodElsewhere.body.data.myPartner.name).toBe('Limit Realty');
});

it('does not count good keys: an address using one still has all its failures', async () => {
  for (let i = 0; i < FAILURES + 2; i++) expect((await callFrom('203.0.113.22', good)).status).toBe(200);
  const failures = [];
  for (let i = 0; i < FAILURES + 1; i++) failures.push((await callFrom('203.0.113.22', BAD_KEY)).status);
  expect(failures).toEqual([401, 401, 401, 429]);
});

it('lets no more lookups through than the address has failures, however many requests arrive at once', async () => {
  const answers = await Promise.all(Array.from({ length: 10 }, () => callFrom('203.0.113.23', BAD_KEY)));
  const statuses = answers.map((a) => a.status).sort();
  expect(statuses).toEqual([...Array(FAILURES).fill(401), ...Array(10 - FAILURES).fill(429)]);
});

it('counts and refuses on the partner schema download alike', async () => {
  const download = (key: string) =>
    fetch(`${t.url}/graphql/schema.graphql?audience=partner`, { headers: { authorization: `Bearer ${key}`, 'x-forwarded-for': '203.0.113.25' } });
  expect((await download(good)).status).toBe(200);
  await callFrom('203.0.113.25', BAD_KEY);
  await callFrom('203.0.113.25', BAD_KEY);
  expect((await download(BAD_KEY)).status).toBe(401);
  const limited = await download(good);
  expect([limited.status, limited.headers.get('ratelimit-remaining')]).toEqual([429, '0']);
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(19);
  expect((await callFrom('203.0.113.25', good)).status).toBe(429);
});

it('counts an IPv6 client by its /64: every address in it shares one bucket, the next /64 has its own', async () => {
  // One subscriber's /64, written as clients and proxies write addresses: compressed, full form, any interface id.
  const oneSubnet = ['2001:db8:51:7::1', '2001:0db8:0051:0007:0000:0000:0000:0002', '2001:db8:51:7:ffff:ffff:ffff:fffe', '2001:db8:51:7:abcd::9'];
  const answers = [];
  for (const address of oneSubnet) answers.push(await callFrom(address, BAD_KEY));
  expect(answers.map(rate)).toEqual([
    [401, '3', '2'],
    [401, '3', '1'],
    [401, '3', '0'],
    [429, '3', '0'],
  ]);
  expect((await callFrom('2001:db8:51:7:1:2:3:4', good)).status).toBe(429); // a good key from the same /64 too
  // The neighbouring /64 (another subscriber) is untouched.
  expect(rate(await callFrom('2001:db8:51:8::1', BAD_KEY))).toEqual([401, '3', '2']);
  expect((await callFrom('2001:db8:51:8::2', good)).status).toBe(200);
});

it('counts an IPv4 address and its IPv4-mapped IPv6 form as one address, and neighbouring IPv4 addresses apart', async () => {
  const answers = [];
  for (const address of ['203.0.113.26', '::ffff:203.0.113.26', '203.0.113.26', '::ffff:203.0.113.26']) answers.push(await callFrom(address, BAD_KEY));
  expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 429]);
  expect(rate(await callFrom('203.0.113.27', BAD_KEY))).toEqual([401, '3', '2']);
});

it('refills over API_KEY_FAILURES_WINDOW_SECONDS', async () => {
  const quick = await startTestApp({ TRUST_PROXY: 'loopback', API_KEY_FAILURES: '2', API_KEY_FAILURES_WINDOW_SECONDS: '1' }, { shareDatabaseOf: t });
  try {
    // One failure comes back every 500 ms: send bad keys until refused, then until one is looked up again.
    let answer = await callFrom('203.0.113.24', BAD_KEY, quick);
    for (let i = 0; i < 10 && answer.status === 401; i++) answer = await callFrom('203.0.113.24', BAD_KEY, quick);
    expect([answer.status, answer.header('retry-after'), answer.header('ratelimit-limit')]).toEqual([429, '1', '2']);
    for (let i = 0; i < 100 && answer.status === 429; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await callFrom('203.0.113.24', BAD_KEY, quick);
    }
    expect(answer.status).toBe(401);
  } finally {
    await quick.close();
  }
});
