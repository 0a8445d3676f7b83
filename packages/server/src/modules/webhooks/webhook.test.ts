import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import { createKey, keyCall } from '../../../test/api-keys';
import { pdfDocument, upload } from '../../../test/attachments';
import { createCustomer, createProject, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { unschedule } from '../../../test/notification-factories';
import { startReceiver } from '../../../test/webhook-receiver';
import { idOf, toGlobalId } from '../../platform/graphql/global-id';
import { webhookJobs } from './webhook.jobs';

/**
 * Webhooks through the API against real PostgreSQL and the job queue, to receivers on loopback (allowed explicitly):
 * signatures checked by the independent `standardwebhooks` package.
 */
const files = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-files-'));
const { t, w } = useTestApp(twoTeamCast, {
  env: {
    FILES_DIR: files,
    JOBS_WORKERS: 'true',
    JOBS_POLL_SECONDS: '0.5',
    WEBHOOK_ALLOW_TARGETS: 'loopback',
    WEBHOOK_RETRY_SCHEDULE: '1,1,1',
    WEBHOOK_DISABLE_AFTER: '4',
  },
});

const CREATE = `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { secret endpoint { id url eventTypes active secretPrefix partnerId } errors { field code message } } }`;
const DELIVERIES = `query($id: ID!) { webhookDeliveries(endpointId: $id, first: 20) { totalCount edges { node { eventId eventType status attempts attemptLog { number statusCode succeeded error } } } } }`;
const CREATE_LEAD = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { id } errors { code } } }`;
const admin = () => w.as.admin.accessToken;
const receivers: Array<{ close(): Promise<void> }> = [];
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  fs.rmSync(files, { recursive: true, force: true });
});

/** Resolves when this process has recorded `times` attempts of the endpoint's with `outcome` (a signal, not a poll). */
function attempted(endpointGlobalId: string, outcome: string, times = 1): Promise<void> {
  const endpointId = idOf('WebhookEndpoint', endpointGlobalId);
  let left = times;
  return new Promise((resolve) => {
    const stop = t.app.services.webhookSender.onAttempt((a) => {
      if (a.endpointId === endpointId && a.outcome === outcome && --left === 0) {
        stop();
        resolve();
      }
    });
  });
}

async function receiver(o?: { failFirst?: number }) {
  const r = await startReceiver(o);
  receivers.push(r);
  return r;
}

const verify = (secret: string, r: { headers: Record<string, unknown>; body: string }) =>
  new Webhook(secret).verify(r.body, r.headers as Record<string, string>) as { type: string; data: Record<string, unknown> };

it('signs a lead.created for a company endpoint when a lead is created (verified by standardwebhooks)', async () => {
  const hook = await receiver();
  const created = await t.gql(CREATE, { i: { url: hook.url, eventTypes: ['lead.created'], description: 'CRM sync' } }, admin());
  const { secret, endpoint } = created.body.data.createWebhookEndpoint;
  expect(secret).toMatch(/^whsec_/);
  expect(endpoint).toMatchObject({ eventTypes: ['lead.created'], active: true, secretPrefix: secret.slice(0, 10), partnerId: null });
  const lead = await t.gql(CREATE_LEAD, { i: { contactName: 'Pat Lee', contactPhone: '651-555-0101', source: 'WEBSITE' } }, w.as.sales.accessToken);
  await hook.waitFor(1);
  const event = verify(secret, hook.received[0]!);
  expect(event).toMatchObject({ type: 'lead.created', data: { id: lead.body.data.createLead.lead.id, contactName: 'Pat Lee', status: 'NEW', source: 'WEBSITE' } });
  expect(hook.received[0]!.headers['webhook-id']).toMatch(/^evt_\d+$/);
  expect(() => new Webhook(`whsec_${Buffer.from('another key of 24 bytes!').toString('base64')}`).verify(hook.received[0]!.body, hook.received[0]!.headers as Record<string, string>)).toThrow();
  // Nothing is logged with the URL or the secret; the audit log never holds the secret.
  const audit = JSON.stringify(await t.ds.query(`SELECT changes FROM audit_log WHERE entity_type = 'WebhookEndpoint'`));
  expect(audit).not.toContain(secret.slice(6));
});

it('retries a failing receiver with the same id, which then gets the event exactly once as far as it can tell', async () => {
  const hook = await receiver({ failFirst: 2 });
  const { endpoint, secret } = (await t.gql(CREATE, { i: { url: hook.url, eventTypes: ['lead.created'] } }, admin())).body.data.createWebhookEndpoint;
  const succeeded = attempted(endpoint.id, 'succeeded');
  await t.gql(CREATE_LEAD, { i: { contactName: 'Ana Ruiz', contactPhone: '651-555-0102', source: 'PHONE' } }, w.as.sales.accessToken);
  await succeeded;
  expect(hook.received).toHaveLength(3);
  const ids = new Set(hook.received.map((r) => r.headers['webhook-id']));
  expect(ids.size).toBe(1);
  for (const r of hook.received) expect(verify(secret, r).type).toBe('lead.created');
  const seen = new Map(hook.received.map((r) => [r.headers['webhook-id'], verify(secret, r)]));
  expect([...seen.values()].map((e) => e.data.contactName)).toEqual(['Ana Ruiz']);
  const log = (await t.gql(DELIVERIES, { id: endpoint.id }, admin())).body.data.webhookDeliveries.edges[0]?.node;
  expect(log).toMatchObject({ eventType: 'lead.created', status: 'SUCCEEDED', attempts: 3 });
  expect(log.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([200, 500, 500]);
});

it("sends a partner's endpoint only its own referrals, with partner-facing payloads", async () => {
  const partner = async (name: string, token: string) =>
    (await t.gql(`mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }`, { i: { name, kind: 'REALTOR' } }, token)).body.data.createPartner.partner.id;
  const keyOf = async (partnerId: string) =>
    (await createKey(t, admin(), { name: 'Hooks', partnerId, scopes: ['WEBHOOKS_MANAGE', 'REFERRALS_WRITE'], allowFreeFormQueries: true })).secret;
  const [lakesKey, southKey] = [await keyOf(await partner('Lakes Realty', w.as.manager.accessToken)), await keyOf(await partner('South Realty', w.as.otherManager.accessToken))];
  const [lakesHook, southHook] = [await receiver(), await receiver()];
  const register = async (key: string, url: string) =>
    (await keyCall(t, key, { query: CREATE, variables: { i: { url, eventTypes: ['referral.created', 'referral.updated', 'referral.deleted'] } } })).body.data.createWebhookEndpoint;
  const lakes = await register(lakesKey, lakesHook.url);
  const south = await register(southKey, southHook.url);
  expect(lakes.errors).toEqual([]);
  expect(lakes.endpoint.partnerId).not.toBeNull();
  // Audited as the key's: no staff member made it.
  const log = await t.gql(`query($e: ID!) { auditLog(filter: { entityId: $e }) { edges { node { action actor { id } apiKey { name partner { name } } } } } }`, { e: lakes.endpoint.id }, admin());
  expect(log.body.data.auditLog.edges.map((e: any) => e.node)).toEqual([{ action: 'CREATE', actor: null, apiKey: { name: 'Hooks', partner: { name: 'Lakes Realty' } } }]);
  // A key sees only its own endpoints.
  const listed = await keyCall(t, southKey, { query: '{ webhookEndpoints { totalCount edges { node { id } } } }' });
  expect(listed.body.data.webhookEndpoints.edges.map((e: any) => e.node.id)).toEqual([south.endpoint.id]);
  const sent = await keyCall(t, lakesKey, { query: 'mutation { submitReferral(input: { contactName: "Noor Amari", contactPhone: "612-555-0177" }) { referral { id } errors { code } } }' });
  const referralId = sent.body.data.submitReferral.referral.id;
  await lakesHook.waitFor(1);
  const event = verify(lakes.secret, lakesHook.received[0]!);
  expect(event.type).toBe('referral.created');
  expect(event.data).toMatchObject({ id: referralId, contactName: 'Noor Amari', stage: 'RECEIVED' });
  for (const staffField of ['score', 'notes', 'assigneeId', 'teamId', 'contactPhone']) expect(event.data).not.toHaveProperty(staffField);
  // The contractor withdraws it (trash): the partner hears which one, and nothing else about it.
  expect((await t.gql('mutation($id: ID!) { deleteLead(id: $id) { errors { code } } }', { id: referralId }, admin())).body.data.deleteLead.errors).toEqual([]);
  await lakesHook.waitFor(2);
  const gone = verify(lakes.secret, lakesHook.received[1]!);
  expect(gone.type).toBe('referral.deleted');
  expect(Object.keys(gone.data).sort()).toEqual(['deletedAt', 'externalReference', 'id']);
  expect(gone.data).toMatchObject({ id: referralId, deletedAt: expect.any(String) });
  // South hears nothing of it: its test event, sent after, is the first and only thing it receives.
  await keyCall(t, southKey, { query: 'mutation($id: ID!) { sendTestWebhook(endpointId: $id) { errors { code } } }', variables: { id: south.endpoint.id } });
  await southHook.waitFor(1);
  expect(southHook.received.map((r) => verify(south.secret, r).type)).toEqual(['webhook.test']);
});

it("sends attachment events to company endpoints, and the files shared with an adjuster, as its photos, to that partner's endpoint only", async () => {
  const company = await receiver();
  const made = (await t.gql(CREATE, { i: { url: company.url, eventTypes: ['attachment.added', 'attachment.updated'] } }, admin())).body.data.createWebhookEndpoint;
  expect(made.errors).toEqual([]);
  const adjuster = async (name: string) => {
    const id = (await t.gql(`mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }`, { i: { name, kind: 'INSURANCE_ADJUSTER' } }, w.as.manager.accessToken)).body.data.createPartner.partner.id as string;
    const key = (await createKey(t, admin(), { name: `${name} hooks`, partnerId: id, scopes: ['WEBHOOKS_MANAGE', 'CLAIMS_READ'], allowFreeFormQueries: true })).secret;
    const hook = await receiver();
    const endpoint = (await keyCall(t, key, { query: CREATE, variables: { i: { url: hook.url, eventTypes: ['claim.photo.added', 'claim.photo.updated'] } } })).body.data.createWebhookEndpoint;
    expect(endpoint.errors).toEqual([]);
    return { id, hook, endpoint };
  };
  const [ours, theirs] = [await adjuster('North Adjusting'), await adjuster('Other Adjusting')];
  // A partner endpoint takes partner events only; a company endpoint, company events only.
  const wrong = await t.gql(CREATE, { i: { url: company.url, eventTypes: ['claim.photo.added'] } }, admin());
  expect(wrong.body.data.createWebhookEndpoint.errors).toEqual([expect.objectContaining({ field: ['eventTypes'], code: 'INVALID' })]);

  const project = toGlobalId('Project', (await createProject(t.ds, await createCustomer(t.ds, { teamId: w.north }))).id);
  const claimId = (await t.gql(`mutation($i: CreateClaimInput!) { createClaim(input: $i) { claim { id } } }`, { i: { carrier: 'Travelers', dateOfLoss: '2026-05-14', causeOfLoss: 'HAIL', projectId: project, adjuster: { partnerId: ours.id } } }, w.as.sales.accessToken)).body.data.createClaim.claim.id as string;
  const supplementId = (await t.gql(`mutation($i: CreateSupplementInput!) { createSupplement(input: $i) { supplement { id } } }`, { i: { claimId, title: 'Vents', lineItems: [{ description: 'Vent', quantity: '2', unitPrice: '40.00' }] } }, w.as.sales.accessToken)).body.data.createSupplement.supplement.id as string;
  // PDFs: no thumbnail job, so no later attachment.updated to wait for.
  const sales = w.as.sales.accessToken;
  const shared = (await upload(t, sales, pdfDocument(), { ownerId: claimId, kind: 'INSURANCE_SCOPE', fileName: 'scope.pdf', caption: 'Carrier scope', shared: true })).body.id as string;
  const internal = (await upload(t, sales, pdfDocument(), { ownerId: claimId, kind: 'DOCUMENT', fileName: 'notes.pdf' })).body.id as string;
  const onSupplement = (await upload(t, sales, pdfDocument(), { ownerId: supplementId, kind: 'DOCUMENT', fileName: 'vents.pdf', shared: true })).body.id as string;
  // Payloads are read as of dispatch: share the internal one once its upload has gone out (else the adjuster would get
  // its upload too, as it now sees it).
  await company.waitFor(3);
  await t.gql(`mutation($i: UpdateAttachmentInput!) { updateAttachment(input: $i) { errors { code } } }`, { i: { id: internal, sharedWithAdjuster: true } }, sales);

  // The company hears of all four, in full.
  await company.waitFor(4);
  const heard = company.received.map((r) => verify(made.secret, r));
  expect(heard.map((e) => [e.type, e.data.id]).sort()).toEqual([['attachment.added', internal], ['attachment.added', onSupplement], ['attachment.added', shared], ['attachment.updated', internal]].sort());
  expect(heard.find((e) => e.data.id === shared)!.data).toMatchObject({
    ownerKind: 'CLAIM', ownerId: claimId, kind: 'INSURANCE_SCOPE', caption: 'Carrier scope', fileName: 'scope.pdf', contentType: 'application/pdf',
    sharedWithAdjuster: true, thumbnailStatus: 'NONE', uploadedById: toGlobalId('User', w.as.sales.user.id), teamId: toGlobalId('Team', w.north), deletedAt: null,
  });
  // Every event was dispatched by then: the adjuster's endpoint got the three files shared with it (the internal one only
  // once shared), as AdjusterPhoto-shaped data; the other adjuster's nothing.
  const deliveries = async (endpointGlobalId: string) =>
    (await t.ds.query(`SELECT event_type, payload FROM webhook_deliveries WHERE endpoint_id = $1`, [idOf('WebhookEndpoint', endpointGlobalId)])) as Array<{ event_type: string; payload: string }>;
  const toOurs = (await deliveries(ours.endpoint.endpoint.id)).map((d) => JSON.parse(d.payload) as { type: string; data: Record<string, unknown> });
  expect(toOurs.map((e) => [e.type, e.data.id]).sort()).toEqual([['claim.photo.added', shared], ['claim.photo.added', onSupplement], ['claim.photo.updated', internal]].sort());
  const of = (id: string) => toOurs.find((e) => e.data.id === id)!.data;
  expect(of(shared)).toEqual({
    id: shared, claimId, supplementId: null, kind: 'INSURANCE_SCOPE', caption: 'Carrier scope', fileName: 'scope.pdf', contentType: 'application/pdf', sizeBytes: pdfDocument().length,
    width: null, height: null, takenAt: null, location: null, createdAt: expect.any(String), updatedAt: expect.any(String),
  });
  expect(of(onSupplement)).toMatchObject({ claimId, supplementId });
  expect(await deliveries(theirs.endpoint.endpoint.id)).toEqual([]);
  await ours.hook.waitFor(3);
  expect(ours.hook.received.map((r) => verify(ours.endpoint.secret, r).type).sort()).toEqual(['claim.photo.added', 'claim.photo.added', 'claim.photo.updated']);
});

it.each([
  ['a private address', { url: 'http://10.0.0.8/hooks' }, 'url'],
  ['the metadata address', { url: 'http://169.254.169.254/latest' }, 'url'],
  ['credentials in the URL', { url: 'http://user:pw@127.0.0.1/hooks' }, 'url'],
  ['another scheme', { url: 'ftp://127.0.0.1/hooks' }, 'url'],
  ['no URL at all', { url: 'hooks please' }, 'url'],
  ['an unknown event type', { eventTypes: ['lead.exploded'] }, 'eventTypes'],
  ["a partner's event on a company endpoint", { eventTypes: ['referral.created'] }, 'eventTypes'],
  ['no event', { eventTypes: [] }, 'eventTypes'],
])('refuses %s as a UserError naming the field', async (_name, over, field) => {
  const before = Number((await t.ds.query('SELECT count(*) AS n FROM webhook_endpoints'))[0].n);
  const r = await t.gql(CREATE, { i: { url: 'http://127.0.0.1:9/hooks', eventTypes: ['lead.created'], ...over } }, admin());
  expect(r.body.data.createWebhookEndpoint.endpoint).toBeNull();
  expect(r.body.data.createWebhookEndpoint.errors).toContainEqual(expect.objectContaining({ field: [field], code: field === 'eventTypes' && _name === 'no event' ? 'REQUIRED' : 'INVALID' }));
  expect(Number((await t.ds.query('SELECT count(*) AS n FROM webhook_endpoints'))[0].n)).toBe(before);
});

it('signs with both secrets during a rotation, then the new one only', async () => {
  const hook = await receiver();
  const { endpoint, secret: old } = (await t.gql(CREATE, { i: { url: hook.url, eventTypes: ['lead.created'] } }, admin())).body.data.createWebhookEndpoint;
  const rotate = `mutation($id: ID!, $g: Int) { rotateWebhookSecret(id: $id, graceMinutes: $g) { secret endpoint { previousSecretValidUntil } } }`;
  const fresh = (await t.gql(rotate, { id: endpoint.id, g: 60 }, admin())).body.data.rotateWebhookSecret.secret;
  const test = `mutation($id: ID!) { sendTestWebhook(endpointId: $id) { delivery { eventId } errors { code } } }`;
  await t.gql(test, { id: endpoint.id }, admin());
  await hook.waitFor(1);
  expect(verify(old, hook.received[0]!).type).toBe('webhook.test');
  expect(verify(fresh, hook.received[0]!).type).toBe('webhook.test');
  const newest = (await t.gql(rotate, { id: endpoint.id, g: 0 }, admin())).body.data.rotateWebhookSecret.secret;
  await t.gql(test, { id: endpoint.id }, admin());
  await hook.waitFor(2);
  expect(verify(newest, hook.received[1]!).type).toBe('webhook.test');
  expect(() => verify(fresh, hook.received[1]!)).toThrow();
});

const ENDPOINT_STATE = `query($id: ID!) { webhookEndpoint(id: $id) { active disabledReason consecutiveFailures } }`;
const SEND_TEST = `mutation($id: ID!) { sendTestWebhook(endpointId: $id) { errors { code } } }`;
const ATTEMPTS = 4; // the first attempt and the three retries of WEBHOOK_RETRY_SCHEDULE

it('counts a delivery as failed once, when it is DEAD, and any success resets the count', async () => {
  const hook = await receiver({ failFirst: 3 * ATTEMPTS }); // three deliveries fail every attempt, then all succeed
  const { endpoint } = (await t.gql(CREATE, { i: { url: hook.url, eventTypes: ['lead.created'] } }, admin())).body.data.createWebhookEndpoint;
  const dead = attempted(endpoint.id, 'dead', 3);
  for (let i = 0; i < 3; i++) expect((await t.gql(SEND_TEST, { id: endpoint.id }, admin())).body.data.sendTestWebhook.errors).toEqual([]);
  await dead;
  // 12 failed attempts, 3 failed deliveries: under WEBHOOK_DISABLE_AFTER (4), so still on.
  expect((await t.gql(ENDPOINT_STATE, { id: endpoint.id }, admin())).body.data.webhookEndpoint).toEqual({ active: true, disabledReason: null, consecutiveFailures: 3 });
  const deliveries = (await t.gql(DELIVERIES, { id: endpoint.id }, admin())).body.data.webhookDeliveries.edges.map((e: any) => e.node);
  expect(deliveries.map((d: { status: string; attempts: number }) => [d.status, d.attempts])).toEqual(Array(3).fill(['DEAD', ATTEMPTS]));
  const succeeded = attempted(endpoint.id, 'succeeded');
  await t.gql(SEND_TEST, { id: endpoint.id }, admin());
  await succeeded;
  expect((await t.gql(ENDPOINT_STATE, { id: endpoint.id }, admin())).body.data.webhookEndpoint).toEqual({ active: true, disabledReason: null, consecutiveFailures: 0 });
  expect(hook.received).toHaveLength(3 * ATTEMPTS + 1);
});

it('disables the endpoint once WEBHOOK_DISABLE_AFTER deliveries are DEAD in a row, even ending together, and tells the admins once', async () => {
  const hook = await receiver({ failFirst: 1000 });
  const { endpoint } = (await t.gql(CREATE, { i: { url: hook.url, eventTypes: ['lead.created'] } }, admin())).body.data.createWebhookEndpoint;
  const endpointId = idOf('WebhookEndpoint', endpoint.id);
  const dead = attempted(endpoint.id, 'dead', 4);
  // Four deliveries at once: their attempts interleave and they die within moments of each other.
  const sent = await Promise.all([1, 2, 3, 4].map(() => t.gql(SEND_TEST, { id: endpoint.id }, admin())));
  for (const r of sent) expect(r.body.data.sendTestWebhook.errors).toEqual([]);
  await dead;
  const state = (await t.gql(ENDPOINT_STATE, { id: endpoint.id }, admin())).body.data.webhookEndpoint;
  expect(state).toMatchObject({ active: false, consecutiveFailures: 4, disabledReason: expect.stringContaining('4 failed deliveries') });
  const deliveries = (await t.gql(DELIVERIES, { id: endpoint.id }, admin())).body.data.webhookDeliveries.edges.map((e: any) => e.node);
  expect(deliveries.map((d: { status: string; attempts: number }) => [d.status, d.attempts])).toEqual(Array(4).fill(['DEAD', ATTEMPTS]));
  expect(hook.received).toHaveLength(4 * ATTEMPTS);
  const admins = Number((await t.ds.query(`SELECT count(*) AS n FROM users WHERE role = 'ADMIN' AND deactivated_at IS NULL`))[0].n);
  const alerts = await t.ds.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key LIKE $1`, [`webhook-disabled:${endpointId}:%`]);
  expect(alerts[0].n).toBe(admins); // one each, though four deliveries died together
  const notes = await t.gql(`query { notifications(first: 5) { edges { node { kind title } } } }`, {}, admin());
  expect(notes.body.data.notifications.edges.map((e: any) => e.node)).toContainEqual({ kind: 'ALERT', title: 'A webhook endpoint was disabled' });
  // Off: no more sends until it is turned back on.
  expect((await t.gql(SEND_TEST, { id: endpoint.id }, admin())).body.data.sendTestWebhook.errors).toEqual([{ code: 'INVALID' }]);
});

it('webhook-cleanup deletes finished deliveries and their attempts after WEBHOOK_RETENTION_DAYS, never pending ones', async () => {
  await unschedule(t, ['webhook-cleanup']); // only the run below
  const hook = await receiver();
  const { endpoint } = (await t.gql(CREATE, { i: { url: hook.url, eventTypes: ['lead.created'] } }, admin())).body.data.createWebhookEndpoint;
  const endpointId = idOf('WebhookEndpoint', endpoint.id);
  // [event id, status, created days ago, last attempt days ago]: the default retention is 30 days.
  const rows: Array<[string, string, number, number | null]> = [
    ['evt_old_ok', 'SUCCEEDED', 40, 40],
    ['evt_old_dead', 'DEAD', 31, 31],
    ['evt_old_skipped', 'SKIPPED', 31, null],
    ['evt_old_pending', 'PENDING', 40, 40], // waiting for its next attempt: kept however old
    ['evt_recent_ok', 'SUCCEEDED', 29, 29],
    ['evt_redelivered', 'DEAD', 40, 2], // redelivered two days ago: kept until its last attempt is old
  ];
  for (const [eventId, status, created, attempt] of rows) {
    const [{ id }] = await t.ds.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at)
       VALUES ($1, $2, 'lead.created', '{}', $3::varchar, $4, CASE WHEN $3::varchar = 'PENDING' THEN now() + interval '1 day' END, now() - make_interval(days => $5)) RETURNING id`,
      [endpointId, eventId, status, attempt === null ? 0 : 1, created],
    );
    if (attempt !== null) {
      await t.ds.query(`INSERT INTO webhook_attempts (delivery_id, number, at, status_code, latency_ms, succeeded) VALUES ($1, 1, now() - make_interval(days => $2), 500, 12, false)`, [id, attempt]);
    }
  }
  const cleanup = webhookJobs(t.app.services).find((j) => j.name === 'webhook-cleanup')!;
  expect(await cleanup.run({}, { jobId: 'test', logger: pino({ level: 'silent' }) })).toEqual({ deleted: 3 });
  const left = await t.ds.query(`SELECT event_id FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY event_id`, [endpointId]);
  expect(left.map((r: { event_id: string }) => r.event_id)).toEqual(['evt_old_pending', 'evt_recent_ok', 'evt_redelivered']);
  const attempts = await t.ds.query(`SELECT d.event_id FROM webhook_attempts a JOIN webhook_deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = $1 ORDER BY 1`, [endpointId]);
  expect(attempts.map((r: { event_id: string }) => r.event_id)).toEqual(['evt_old_pending', 'evt_recent_ok', 'evt_redelivered']);
  expect((await t.ds.query(`SELECT count(*)::int AS n FROM webhook_attempts a WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.id = a.delivery_id)`))[0].n).toBe(0);
  // In batches: more old deliveries than one batch are all deleted.
  await t.ds.query(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, status, attempts, created_at)
     SELECT $1, 'evt_batch_' || n, 'lead.created', '{}', 'SUCCEEDED', 1, now() - interval '31 days' FROM generate_series(1, 5) n`,
    [endpointId],
  );
  expect(await t.app.services.webhookSender.prune(2)).toBe(5);
  expect((await t.ds.query(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1`, [endpointId]))[0].n).toBe(3);
});

it('is for admins and keys with webhooks:manage only', async () => {
  for (const role of ['manager', 'sales', 'tech'] as const) {
    const r = await t.gql('{ webhookEndpoints { totalCount } }', {}, w.as[role].accessToken);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }
  const types = await t.gql('{ webhookEventTypes { name audience } }', {}, admin());
  expect(types.body.data.webhookEventTypes).toContainEqual({ name: 'lead.created', audience: 'COMPANY' });
});
