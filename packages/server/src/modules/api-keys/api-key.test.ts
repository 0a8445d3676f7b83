import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { createKey, keyCall, registered, runRegistered } from '../../../test/api-keys';
import { twoTeamCast } from '../../../test/factories';
import { startTestApp, useTestApp } from '../../../test/harness';

/** API keys: shown once and stored as a hash, refused alike when bad, rotated with grace, revoked everywhere at once. */
const { t, w } = useTestApp(twoTeamCast);

const CREATE_PARTNER = `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } errors { code } } }`;
const KEYS = `query { apiKeys(first: 50) { totalCount edges { node { id name prefix status scopes allowFreeFormQueries rateLimitPerMinute costPerMinute expiresAt revokedAt createdAt partner { name } lastUsedAt lastUsedIp createdBy { name } } } } }`;
const ROTATE = `mutation($id: ID!, $g: Int) { rotateApiKey(id: $id, graceMinutes: $g) { secret apiKey { prefix previousSecretValidUntil } errors { code } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { apiKey { status revokedBy { name } } errors { code } } }`;
const UPDATE = `mutation($i: UpdateApiKeyInput!) { updateApiKey(input: $i) { apiKey { allowFreeFormQueries } errors { field code } } }`;

let partnerId: string;
const admin = () => w.as.admin.accessToken;
const myPartner = (key: string) => runRegistered(t, key, 'MyPartner');

beforeAll(async () => {
  const r = await t.gql(CREATE_PARTNER, { i: { name: 'Lakes Realty', kind: 'REALTOR', contacts: [{ name: 'Maya Lund' }] } }, w.as.manager.accessToken);
  partnerId = r.body.data.createPartner.partner.id;
});

it('shows the secret once and stores only its hash (nor does the audit log hold it)', async () => {
  const { secret, id } = await createKey(t, admin(), { name: 'Website form', partnerId, scopes: ['PARTNER_READ', 'REFERRALS_WRITE'] });
  expect(secret).toMatch(/^crmk_[a-z0-9]{8}_[A-Za-z0-9_-]{43}$/);
  const [row] = await t.ds.query(`SELECT prefix, encode(secret_hash, 'hex') AS hash FROM api_keys WHERE prefix = $1`, [secret.slice(0, 13)]);
  expect(row.hash).toBe(createHash('sha256').update(secret).digest('hex'));
  const stored = JSON.stringify(await t.ds.query(`SELECT * FROM api_keys`)) + JSON.stringify(await t.ds.query(`SELECT changes FROM audit_log WHERE entity_type = 'ApiKey'`));
  expect(stored).not.toContain(secret.slice(14));
  expect((await t.ds.query(`SELECT action FROM audit_log WHERE entity_type = 'ApiKey'`)).map((r: { action: string }) => r.action)).toContain('CREATE');
  const listed = await t.gql(KEYS, {}, admin());
  expect(listed.body.data.apiKeys.edges.map((e: any) => e.node)).toContainEqual(
    expect.objectContaining({ id, prefix: secret.slice(0, 13), status: 'ACTIVE', allowFreeFormQueries: false, rateLimitPerMinute: 60, costPerMinute: 20000, partner: { name: 'Lakes Realty' }, createdBy: { name: expect.any(String) } }),
  );
  const answer = await myPartner(secret);
  expect(answer.body.data.myPartner.name).toBe('Lakes Realty');
});

it.each(['manager', 'sales', 'tech'] as const)('refuses key management to %s', async (role) => {
  const r = await t.gql(`mutation { createApiKey(input: { name: "x key", scopes: [PARTNER_READ] }) { secret } }`, {}, w.as[role].accessToken);
  expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await t.gql(KEYS, {}, w.as[role].accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it.each([
  ['no scope', { scopes: [] }, 'scopes', 'REQUIRED'],
  ['referral scopes on a company key', { scopes: ['REFERRALS_WRITE'], partnerId: undefined }, 'scopes', 'INVALID'],
  ['a rate over 6,000 a minute', { rateLimitPerMinute: 6001 }, 'rateLimitPerMinute', 'OUT_OF_RANGE'],
  ['an expiry in the past', { expiresAt: '2020-01-01T00:00:00Z' }, 'expiresAt', 'OUT_OF_RANGE'],
])('refuses a key with %s as a UserError', async (_name, over, field, code) => {
  const r = await t.gql(`mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { secret errors { field code } } }`, { i: { name: 'Bad key', partnerId, scopes: ['PARTNER_READ'], ...over } }, admin());
  expect(r.body.data.createApiKey).toEqual({ secret: null, errors: [{ field: [field], code }] });
});

it('answers malformed, unknown, revoked and expired keys alike, each after the same single lookup', async () => {
  const revoked = await createKey(t, admin(), { name: 'Revoked', partnerId, scopes: ['PARTNER_READ'] });
  await t.gql(REVOKE, { id: revoked.id }, admin());
  const expiring = await createKey(t, admin(), { name: 'Expiring', partnerId, scopes: ['PARTNER_READ'], expiresAt: new Date(Date.now() + 60_000).toISOString() });
  await t.ds.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE prefix = $1`, [expiring.secret.slice(0, 13)]);
  const good = await createKey(t, admin(), { name: 'Good', partnerId, scopes: ['PARTNER_READ'] });
  const bad = {
    malformed: 'crmk_not-a-key',
    unknown: `crmk_zzzzzzzz_${'A'.repeat(43)}`,
    wrongSecret: `${good.secret.slice(0, 14)}${'B'.repeat(43)}`,
    revoked: revoked.secret,
    expired: expiring.secret,
  };
  for (const [kind, key] of Object.entries(bad)) {
    const before = t.queries.length;
    const r = await myPartner(key);
    const lookups = t.queries.slice(before).filter((q) => q.includes('FROM api_keys k'));
    expect({ kind, status: r.status, body: r.body, lookups: lookups.length }).toEqual({
      kind,
      status: 401,
      body: { errors: [{ message: 'The API key is not valid.', extensions: { code: 'UNAUTHENTICATED', requestId: expect.any(String) } }] },
      lookups: 1,
    });
  }
});

it('keeps the old secret working for the grace period after a rotation, and not after', async () => {
  const key = await createKey(t, admin(), { name: 'Rotating', partnerId, scopes: ['PARTNER_READ'] });
  const rotated = await t.gql(ROTATE, { id: key.id, g: 30 }, admin());
  const { secret: fresh, apiKey } = rotated.body.data.rotateApiKey;
  expect(fresh.slice(0, 13)).toBe(key.secret.slice(0, 13));
  expect(fresh).not.toBe(key.secret);
  expect(new Date(apiKey.previousSecretValidUntil).getTime()).toBeGreaterThan(Date.now() + 29 * 60_000);
  expect((await myPartner(fresh)).status).toBe(200);
  expect((await myPartner(key.secret)).status).toBe(200);
  const again = (await t.gql(ROTATE, { id: key.id, g: 0 }, admin())).body.data.rotateApiKey.secret;
  expect((await myPartner(fresh)).status).toBe(401);
  expect((await myPartner(key.secret)).status).toBe(401);
  expect((await myPartner(again)).status).toBe(200);
});

it('revokes a key on every process from the next request', async () => {
  const other = await startTestApp({}, { shareDatabaseOf: t });
  try {
    const key = await createKey(t, admin(), { name: 'Revocable', partnerId, scopes: ['PARTNER_READ'] });
    expect((await runRegistered(other, key.secret, 'MyPartner')).status).toBe(200);
    const r = await t.gql(REVOKE, { id: key.id }, admin());
    expect(r.body.data.revokeApiKey.apiKey).toMatchObject({ status: 'REVOKED', revokedBy: { name: expect.any(String) } });
    expect((await runRegistered(other, key.secret, 'MyPartner')).status).toBe(401);
    expect((await myPartner(key.secret)).status).toBe(401);
  } finally {
    await other.close();
  }
});

it('runs only registered operations unless the key allows free-form queries', async () => {
  const key = await createKey(t, admin(), { name: 'Strict', partnerId, scopes: ['PARTNER_READ'] });
  const freeForm = await keyCall(t, key.secret, { query: '{ myPartner { name } }' });
  expect(freeForm.status).toBe(400);
  expect(freeForm.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
  const unknown = await keyCall(t, key.secret, { documentId: 'sha256:0000' });
  expect(unknown.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
  const both = await keyCall(t, key.secret, { documentId: registered('MyPartner').documentId, query: '{ myPartner { name } }' });
  expect(both.body.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
  await t.gql(UPDATE, { i: { id: key.id, allowFreeFormQueries: true } }, admin());
  expect((await keyCall(t, key.secret, { query: '{ myPartner { name } }' })).body).toEqual({ data: { myPartner: { name: 'Lakes Realty' } } });
  const manifest = (await (await fetch(`${t.url}/graphql/operations.json`)).json()) as { operations: Array<{ id: string; name: string }> };
  expect(manifest.operations).toContainEqual(expect.objectContaining({ id: registered('MyPartner').documentId, name: 'MyPartner' }));
});

it('gives keys a schema without staff fields or types, introspection included', async () => {
  const key = await createKey(t, admin(), { name: 'Explorer', partnerId, scopes: ['PARTNER_READ'], allowFreeFormQueries: true });
  const staff = await keyCall(t, key.secret, { query: '{ customers { totalCount } }' });
  expect(staff.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const node = await keyCall(t, key.secret, { query: '{ node(id: "x") { id } }' });
  expect(node.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  const types = await keyCall(t, key.secret, { query: '{ __schema { types { name } queryType { fields(includeDeprecated: true) { name } } mutationType { fields(includeDeprecated: true) { name } } } }' });
  const names = types.body.data.__schema.types.map((x: { name: string }) => x.name);
  for (const staffType of ['Customer', 'Lead', 'User', 'Partner', 'Project', 'ApiKey', 'Team', 'InsuranceClaim', 'Supplement']) expect(names).not.toContain(staffType);
  expect(types.body.data.__schema.queryType.fields.map((f: { name: string }) => f.name).sort()).toEqual([
    'apiUsage', 'apiUsageRows', 'myClaim', 'myClaims', 'myPartner', 'myReferral', 'myReferrals', 'webhookDeliveries', 'webhookEndpoint', 'webhookEndpoints', 'webhookEventTypes',
  ]);
  expect(types.body.data.__schema.mutationType.fields.map((f: { name: string }) => f.name).sort()).toEqual([
    'adjustClaim', 'adjustSupplement', 'createWebhookEndpoint', 'deleteWebhookEndpoint', 'redeliverWebhook', 'rotateWebhookSecret', 'sendTestWebhook', 'submitReferral', 'updateWebhookEndpoint',
  ]);
});

it('refuses a field whose scopes the key lacks', async () => {
  const key = await createKey(t, admin(), { name: 'Read only', partnerId, scopes: ['REFERRALS_READ'] });
  const r = await runRegistered(t, key.secret, 'MyPartner');
  expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(r.body.data).toEqual({ myPartner: null });
});

it('limits requests per key with RateLimit headers, then RATE_LIMITED with retryAfter', async () => {
  const key = await createKey(t, admin(), { name: 'Slow', partnerId, scopes: ['PARTNER_READ'], rateLimitPerMinute: 3 });
  const answers = [];
  for (let i = 0; i < 4; i++) answers.push(await myPartner(key.secret));
  expect(answers.map((a) => [a.status, a.headers.get('ratelimit-limit'), a.headers.get('ratelimit-remaining')])).toEqual([
    [200, '3', '2'],
    [200, '3', '1'],
    [200, '3', '0'],
    [429, '3', '0'],
  ]);
  const limited = answers[3]!;
  expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
  expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(Number(limited.headers.get('ratelimit-reset'))).toBeGreaterThanOrEqual(1);
});

it('spends a cost budget per key: RATE_LIMITED when too little is left, QUERY_TOO_COMPLEX when it could never fit', async () => {
  const key = await createKey(t, admin(), { name: 'Thrifty', partnerId, scopes: ['REFERRALS_READ'], costPerMinute: 3000 });
  const first = await runRegistered(t, key.secret, 'MyReferrals', { first: 100 });
  expect(first.body.errors).toBeUndefined();
  const second = await runRegistered(t, key.secret, 'MyReferrals', { first: 100 });
  expect(second.status).toBe(429);
  expect(second.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
  expect(second.body.errors?.[0]?.message).toMatch(/cost budget is 3000 a minute/);
  const small = await createKey(t, admin(), { name: 'Tiny', partnerId, scopes: ['REFERRALS_READ'], costPerMinute: 100 });
  const never = await runRegistered(t, small.secret, 'MyReferrals', { first: 100 });
  expect(never.body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'keyCostPerMinute' });
});

it('meters use per key, day and operation; a partner key reads its own partner\'s only', async () => {
  const key = await createKey(t, admin(), { name: 'Metered', partnerId, scopes: ['PARTNER_READ', 'REFERRALS_READ'] });
  await myPartner(key.secret);
  await myPartner(key.secret);
  await runRegistered(t, key.secret, 'MyReferrals', { first: 5 });
  await keyCall(t, key.secret, { query: '{ myPartner { name } }' }); // refused: not registered
  const other = await t.gql(CREATE_PARTNER, { i: { name: 'South Claims', kind: 'INSURANCE_ADJUSTER' } }, w.as.otherManager.accessToken);
  const stranger = await createKey(t, admin(), { name: 'Stranger', partnerId: other.body.data.createPartner.partner.id, scopes: ['PARTNER_READ'] });
  await myPartner(stranger.secret);
  const usage = `query($f: ApiUsageFilter) { apiUsage(filter: $f) { apiKeyId prefix day operation count errors cost } }`;
  const asAdmin = (await t.gql(usage, { f: { apiKeyId: key.id } }, admin())).body.data.apiUsage;
  const today = new Date().toISOString().slice(0, 10);
  expect(asAdmin).toEqual(expect.arrayContaining([
    { apiKeyId: key.id, prefix: key.secret.slice(0, 13), day: today, operation: 'MyPartner', count: 2, errors: 0, cost: expect.any(Number) },
    expect.objectContaining({ operation: 'MyReferrals', count: 1, errors: 0 }),
    expect.objectContaining({ operation: 'refused', count: 1, errors: 1 }),
  ]));
  expect(asAdmin.find((u: { operation: string }) => u.operation === 'MyReferrals').cost).toBeGreaterThan(5);
  const own = await runRegistered(t, key.secret, 'ApiUsage');
  const prefixes = new Set(own.body.data.apiUsage.map((u: { prefix: string }) => u.prefix));
  expect(prefixes.has(key.secret.slice(0, 13))).toBe(true);
  expect(prefixes.has(stranger.secret.slice(0, 13))).toBe(false);
});

it('records when and from where a key was last used', async () => {
  const key = await createKey(t, admin(), { name: 'Tracked', partnerId, scopes: ['PARTNER_READ'] });
  await myPartner(key.secret);
  const listed = (await t.gql(KEYS, {}, admin())).body.data.apiKeys.edges.map((e: any) => e.node).find((k: { id: string }) => k.id === key.id);
  expect(Date.now() - new Date(listed.lastUsedAt).getTime()).toBeLessThan(60_000);
  expect(listed.lastUsedIp).toMatch(/127\.0\.0\.1/);
});

it('refuses API keys on the WebSocket (subscriptions are for staff)', async () => {
  const key = await createKey(t, admin(), { name: 'Socket', partnerId, scopes: ['PARTNER_READ'] });
  const client = t.wsClient(key.secret, { retryAttempts: 0 });
  const closed = await new Promise<{ code: number }>((resolve) => {
    client.on('closed', (e) => resolve(e as { code: number }));
    client.subscribe({ query: 'subscription { leadCreated { __typename } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
  });
  expect(closed.code).toBe(4403);
  await client.dispose();
});

it('documents registered operations by their current documentId (docs/partners.md)', async () => {
  const manifest = (await (await fetch(`${t.url}/graphql/operations.json`)).json()) as { operations: Array<{ id: string }> };
  const ids = new Set(manifest.operations.map((o) => o.id));
  const doc = readFileSync(path.resolve(__dirname, '../../../../../docs/partners.md'), 'utf8');
  const cited = [...doc.matchAll(/sha256:[0-9a-f]{64}/g)].map((m) => m[0]);
  expect(cited.length).toBeGreaterThan(5);
  expect(cited.filter((id) => !ids.has(id))).toEqual([]);
});
