import { createKey, myPartnerFrom, rateOf } from '../../../test/api-keys';
import { twoTeamCast } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { sample } from '../../../test/metrics';
import { RedisProcess } from '../../../test/redis-server';

/**
 * The API keys' limits while Redis is down (REDIS_URL set, nothing answering): each process limits with buckets of its
 * own, of the same sizes (platform/http/token-buckets.ts), instead of not limiting. The server runs over a Redis of
 * this test's own, stopped before the tests. Every request is answered with no Redis behind it: one that waited on
 * Redis would run into the test's timeout.
 */
const FAILURES = 3;
const BAD_KEY = `crmk_zzzzzzzz_${'A'.repeat(43)}`;
let redis: RedisProcess;
const env = () => ({ REDIS_URL: redis.url, TRUST_PROXY: 'loopback', API_KEY_FAILURES: String(FAILURES) });
let t: TestApp;
/** Every app of this file: closed once Redis is back (the event bus closes only with Redis answering). */
const apps: TestApp[] = [];
let slow: string;
let good: string;

beforeAll(async () => {
  redis = await RedisProcess.start();
  apps.push((t = await startTestApp(env())));
  const { as } = await twoTeamCast(t);
  const partner = await t.gql(`mutation { createPartner(input: { name: "Outage Realty", kind: REALTOR }) { partner { id } } }`, {}, as.manager.accessToken);
  const partnerId = partner.body.data.createPartner.partner.id;
  slow = (await createKey(t, as.admin.accessToken, { name: 'Slow', partnerId, scopes: ['PARTNER_READ'], rateLimitPerMinute: 3 })).secret;
  good = (await createKey(t, as.admin.accessToken, { name: 'Good', partnerId, scopes: ['PARTNER_READ'] })).secret;
  await redis.down();
}, 60_000);

/** Resolves once `app`'s event bus hears Redis again (its subscriptions applied). */
const hearing = (app: TestApp) =>
  new Promise<void>((resolve) => {
    const off = app.bus.onHearingChange((now) => now && (off(), resolve()));
    if (app.bus.hearing()) (off(), resolve());
  });

afterAll(async () => {
  await redis.up();
  // Closing a bus whose commands still wait for Redis would reject them unheard: first let every app reconnect.
  await Promise.all(apps.map(hearing));
  await Promise.all(apps.map((app) => app.close()));
  await redis.down();
}, 30_000);

const fallbacks = async (app: TestApp, result: string) => sample(await app.app.metrics.scrape(), 'crm_rate_limit_fallback_total', { result }) ?? 0;

/** Four requests with the slow key (3 a minute) to `app`: three answered, counting down, then 429. */
async function spendSlowKey(app: TestApp) {
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await myPartnerFrom(app, '198.51.100.41', slow));
  expect(answers.map(rateOf)).toEqual([
    [200, '3', '2'],
    [200, '3', '1'],
    [200, '3', '0'],
    [429, '3', '0'],
  ]);
  return answers;
}

it("keeps a key's rate limit: RateLimit headers, then 429 RATE_LIMITED with Retry-After", async () => {
  const answers = await spendSlowKey(t);
  expect(answers[0]!.body.data.myPartner.name).toBe('Outage Realty');
  const limited = answers[3]!;
  // A token comes back every 20 s at 3 a minute.
  expect(Number(limited.header('retry-after'))).toBeGreaterThanOrEqual(19);
  expect(Number(limited.header('ratelimit-reset'))).toBeGreaterThanOrEqual(59);
  expect(limited.body.errors).toEqual([
    {
      message: 'Too many requests for this API key: 3 a minute.',
      extensions: { code: 'RATE_LIMITED', retryAfter: Number(limited.header('retry-after')), requestId: expect.any(String) },
    },
  ]);
});

it('keeps the failed-key limit: an address is refused after its bad keys, a good key too; other addresses are not', async () => {
  const answers = [];
  for (let i = 0; i <= FAILURES; i++) answers.push(await myPartnerFrom(t, '203.0.113.41', BAD_KEY));
  expect(answers.map(rateOf)).toEqual([
    [401, '3', '2'],
    [401, '3', '1'],
    [401, '3', '0'],
    [429, '3', '0'],
  ]);
  expect(answers[3]!.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
  expect(Number(answers[3]!.header('retry-after'))).toBeGreaterThanOrEqual(19);
  expect((await myPartnerFrom(t, '203.0.113.41', good)).status).toBe(429);
  expect((await myPartnerFrom(t, '203.0.113.42', good)).status).toBe(200);
  // …and in one /64 for IPv6 clients, as with Redis.
  const v6 = [];
  for (let i = 1; i <= FAILURES + 1; i++) v6.push((await myPartnerFrom(t, `2001:db8:41:1::${i}`, BAD_KEY)).status);
  expect(v6).toEqual([401, 401, 401, 429]);
});

it('counts what the per-process buckets answered', async () => {
  // The two tests above: the slow key's 4th request, the address's 4th bad key and its good key, the /64's 4th.
  expect(await fallbacks(t, 'refused')).toBe(4);
  expect(await fallbacks(t, 'allowed')).toBeGreaterThan(0);
});

it('limits in a process started while Redis is down, with buckets of its own (N processes: up to N× the limit)', async () => {
  const other = await startTestApp(env(), { shareDatabaseOf: t });
  apps.push(other);
  // The first process used the key's 3 requests already; this one has 3 of its own.
  await spendSlowKey(other);
  expect(await fallbacks(other, 'refused')).toBe(1);
}, 30_000);
