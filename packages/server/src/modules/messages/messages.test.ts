import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCustomer, createTeam, signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { startSmtp, type TestSmtp } from '../../../test/smtp-server';
import { runJob, waitForJob } from '../../../test/notification-factories';
import type { CustomerEntity } from '../customers/customer.entity';
import type { EnqueueInput } from './message.service';
import { quietHoursEnd } from './quiet-hours';
import type { TemplateName } from './templates';

/** A real SMTP server: every message it receives, parsed, and a wait for the next one. */
let mail: TestSmtp;
/** A local HTTP server posing as the SMS provider. */
const sms: { requests: Array<{ auth: string | undefined; type: string | undefined; form: URLSearchParams }>; status: number; failNext: number } = { requests: [], status: 201, failNext: 0 };
let smsServer: http.Server;
let smsPort = 0;
const SECRET = 'inbound-secret-0123456789';

beforeAll(async () => {
  mail = await startSmtp();
  smsServer = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      sms.requests.push({ auth: req.headers.authorization, type: req.headers['content-type'], form: new URLSearchParams(body) });
      const status = sms.failNext > 0 ? (sms.failNext--, 503) : sms.status;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(status < 300 ? { sid: `SM${sms.requests.length}` } : { message: 'bad number' }));
    });
  });
  await new Promise<void>((resolve) => smsServer.listen(0, '127.0.0.1', resolve));
  smsPort = (smsServer.address() as AddressInfo).port;
});

afterAll(async () => {
  await mail.close();
  await new Promise<void>((resolve) => smsServer.close(() => resolve()));
});

// Registered after the servers' beforeAll, so the app starts with their ports.
const { t } = useTestApp({
  env: () => ({
    JOBS_WORKERS: 'true',
    JOBS_POLL_SECONDS: '0.5',
    SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
    MAIL_FROM: 'Roof Test <mail@roofs.test>',
    SMS_API_URL: `http://127.0.0.1:${smsPort}/2010-04-01/Accounts/AC1/Messages.json`,
    SMS_ACCOUNT_SID: 'AC1',
    SMS_AUTH_TOKEN: 'token-1',
    SMS_FROM: '+16125550100',
    SMS_INBOUND_SECRET: SECRET,
    MESSAGE_RETRY_LIMIT: '1',
    PUBLIC_URL: 'https://crm.roofs.test',
  }),
});

let teamId: string;
beforeAll(async () => {
  teamId = (await createTeam(t.ds)).id;
  // Daytime, whatever the test machine's clock (quiet hours are tested on their own).
  t.app.services.messages.now = () => new Date('2026-06-15T17:00:00Z');
});

const enqueue = <K extends TemplateName>(input: EnqueueInput<K>) => t.ds.transaction((m) => t.app.services.messages.enqueue(m, input));
const jobOf = async (messageId: string): Promise<{ id: string; start_after: Date }> =>
  (await t.ds.query(`SELECT id, start_after FROM pgboss.job WHERE name = 'message-send' AND data->>'messageId' = $1`, [messageId]))[0];
const row = async (id: string) => (await t.ds.query('SELECT * FROM messages WHERE id = $1', [id]))[0];
const nextMail = () => mail.nextMail();

describe('e-mail', () => {
  it('is queued in the transaction and sent over SMTP by the message-send job, rendered with the brand, with an unsubscribe link', async () => {
    const customer = await createCustomer(t.ds, { teamId, name: 'Dana <Hansen>', email: 'dana@example.com', emailOptIn: true });
    const arrived = nextMail();
    const msg = await enqueue({
      channel: 'EMAIL',
      purpose: 'REVIEW',
      to: customer.email!,
      template: 'review-request',
      data: { customerName: customer.name, message: 'Thank you for choosing us for Roof & gutters.', reviewUrl: 'https://reviews.example.com/r/1' },
      customerId: customer.id,
      teamId,
    });
    expect(msg).toMatchObject({ status: 'QUEUED', channel: 'EMAIL', subject: 'How did we do, Dana <Hansen>?' });
    const job = await jobOf(msg.id);
    expect(job).toBeDefined();
    await arrived;
    expect(await waitForJob(t, job.id)).toMatchObject({ state: 'completed', output: { outcome: 'sent' } });

    const { to, parsed } = mail.received.at(-1)!;
    expect(to).toEqual(['dana@example.com']);
    expect(parsed.subject).toBe('How did we do, Dana <Hansen>?');
    expect(parsed.from?.value).toEqual([{ name: 'Roof Test', address: 'mail@roofs.test' }]);
    const link = `https://crm.roofs.test/unsubscribe/${msg.unsubscribeToken}`;
    expect(parsed.text).toContain('Hi Dana <Hansen>,');
    expect(parsed.text).toContain(`Unsubscribe: ${link}`);
    expect(parsed.html).toContain('Hi Dana &lt;Hansen&gt;,'); // escaped
    expect(parsed.html).toContain('Roof &amp; gutters');
    expect(parsed.html).toContain(`href="${link}"`);
    expect(parsed.html).toContain('iSwitch Roofs');
    expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line.replace(/\s+/g, ' ')).toBe(`List-Unsubscribe: <${link}>`);

    expect(await row(msg.id)).toMatchObject({ status: 'SENT', attempts: 1, provider: 'smtp', provider_id: parsed.messageId, error: null, sent_at: expect.any(Date) });

    // The link turns the customer's e-mail opt-in off.
    const res = await fetch(`${t.url}/unsubscribe/${msg.unsubscribeToken}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('You are unsubscribed');
    expect((await t.ds.query('SELECT email_opt_in FROM customers WHERE id = $1', [customer.id]))[0].email_opt_in).toBe(false);
    expect((await fetch(`${t.url}/unsubscribe/not-a-real-token-at-all-xyz`)).status).toBe(404);
  });

  it('is never queued for review or marketing without the opt-in, and a rolled-back transaction sends nothing', async () => {
    const customer = await createCustomer(t.ds, { teamId, email: 'no@example.com', emailOptIn: false });
    const msg = await enqueue({ channel: 'EMAIL', purpose: 'REVIEW', to: 'no@example.com', template: 'review-request', data: { customerName: 'No', message: 'How did we do?', reviewUrl: 'https://r.example.com' }, customerId: customer.id });
    expect(await row(msg.id)).toMatchObject({ status: 'SUPPRESSED', error: expect.stringMatching(/not opted in to e-mail/) });
    expect(await jobOf(msg.id)).toBeUndefined();

    let id = '';
    await expect(
      t.ds.transaction(async (m) => {
        id = (await t.app.services.messages.enqueue(m, { channel: 'EMAIL', to: 'x@example.com', template: 'staff-notice', data: { title: 'T', body: 'B' } })).id;
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await row(id)).toBeUndefined();
    expect(await jobOf(id)).toBeUndefined();
  });
});

describe('SMS', () => {
  let customer: CustomerEntity;
  beforeAll(async () => {
    customer = await createCustomer(t.ds, { teamId, phone: '+16515550111', smsOptIn: true });
  });

  it('POSTs To, From and Body form-encoded with basic auth to the provider, recording its sid', async () => {
    const msg = await enqueue({ channel: 'SMS', purpose: 'MARKETING', to: customer.phone!, template: 'marketing', data: { title: 'Spring', body: '10% off gutters' }, customerId: customer.id });
    expect(await waitForJob(t, (await jobOf(msg.id)).id)).toMatchObject({ state: 'completed', output: { outcome: 'sent' } });
    const req = sms.requests.at(-1)!;
    expect(req.auth).toBe(`Basic ${Buffer.from('AC1:token-1').toString('base64')}`);
    expect(req.type).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(req.form)).toEqual({ To: '+16515550111', From: '+16125550100', Body: 'iSwitch Roofs: 10% off gutters Reply STOP to opt out.' });
    expect(await row(msg.id)).toMatchObject({ status: 'SENT', provider: 'sms-api', provider_id: `SM${sms.requests.length}` });
  });

  it('is retried by the queue after a failed attempt (MESSAGE_RETRY_LIMIT), and sent', async () => {
    sms.failNext = 1;
    const msg = await enqueue({ channel: 'SMS', to: '+16515550998', template: 'staff-notice', data: { title: 'Retry me', body: '' } });
    expect(await waitForJob(t, (await jobOf(msg.id)).id, 30_000)).toMatchObject({ state: 'completed', retry_count: 1, output: { outcome: 'sent' } });
    expect(await row(msg.id)).toMatchObject({ status: 'SENT', attempts: 2, error: null, provider_id: `SM${sms.requests.length}` });
  });

  it('is FAILED with the provider’s answer after the last attempt', async () => {
    sms.status = 400;
    try {
      const msg = await enqueue({ channel: 'SMS', to: '+16515550999', template: 'staff-notice', data: { title: 'Hi', body: '' } });
      expect(await waitForJob(t, (await jobOf(msg.id)).id, 30_000)).toMatchObject({ state: 'completed', retry_count: 1, output: { outcome: 'failed' } });
      expect(await row(msg.id)).toMatchObject({ status: 'FAILED', attempts: 2, error: expect.stringMatching(/^SMS provider answered 400/) });
    } finally {
      sms.status = 201;
    }
  });

  it('waits out the quiet hours (21:00–08:00 in COMPANY_TIME_ZONE) by delaying its job', async () => {
    // 23:30 in Chicago (CDT, UTC-5) on 15 June: not before 08:00 the next morning.
    expect(quietHoursEnd(new Date('2026-06-16T04:30:00Z'), 'America/Chicago')).toEqual(new Date('2026-06-16T13:00:00Z'));
    // 06:00 in Chicago in January (CST, UTC-6): 08:00 the same day.
    expect(quietHoursEnd(new Date('2026-01-10T12:00:00Z'), 'America/Chicago')).toEqual(new Date('2026-01-10T14:00:00Z'));
    expect(quietHoursEnd(new Date('2026-06-15T17:00:00Z'), 'America/Chicago')).toBeNull();
    const before = t.app.services.messages.now;
    t.app.services.messages.now = () => new Date('2026-06-16T04:30:00Z');
    try {
      const msg = await enqueue({ channel: 'SMS', to: '+16515550112', template: 'staff-notice', data: { title: 'Late', body: '' } });
      expect(msg.sendAfter).toEqual(new Date('2026-06-16T13:00:00Z'));
      expect((await jobOf(msg.id)).start_after).toEqual(new Date('2026-06-16T13:00:00Z'));
      // E-mail is not held back.
      const mailMsg = await enqueue({ channel: 'EMAIL', to: 'late@example.com', template: 'staff-notice', data: { title: 'Late', body: '' } });
      expect(mailMsg.sendAfter).toBeNull();
    } finally {
      t.app.services.messages.now = before;
    }
  });

  it('STOP from the provider’s inbound webhook turns the SMS opt-in off (shared secret required), and blocks REVIEW messages', async () => {
    const post = (body: Record<string, string>, secret?: string) =>
      fetch(`${t.url}/sms/inbound`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...(secret ? { 'x-webhook-secret': secret } : {}) }, body: new URLSearchParams(body).toString() });
    expect((await post({ From: customer.phone!, Body: 'STOP' }, 'wrong')).status).toBe(401);
    expect((await post({ From: customer.phone!, Body: 'STOP' })).status).toBe(401);
    expect((await post({ From: customer.phone!, Body: 'Thanks!' }, SECRET)).status).toBe(200);
    expect((await t.ds.query('SELECT sms_opt_in FROM customers WHERE id = $1', [customer.id]))[0].sms_opt_in).toBe(true);
    const res = await post({ From: customer.phone!, Body: ' stop ' }, SECRET);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<Response>');
    expect((await t.ds.query('SELECT sms_opt_in FROM customers WHERE id = $1', [customer.id]))[0].sms_opt_in).toBe(false);

    const msg = await enqueue({ channel: 'SMS', purpose: 'REVIEW', to: customer.phone!, template: 'review-request', data: { customerName: 'C', message: 'How did we do?', reviewUrl: 'https://r.example.com' }, customerId: customer.id });
    expect(msg.status).toBe('SUPPRESSED');

    // START opts back in; each change is in the customer's audit trail, made by nobody on the staff.
    expect((await post({ From: customer.phone!, Body: 'START' }, SECRET)).status).toBe(200);
    expect((await t.ds.query('SELECT sms_opt_in FROM customers WHERE id = $1', [customer.id]))[0].sms_opt_in).toBe(true);
    const trail = await t.ds.query(`SELECT actor_id, action, changes FROM audit_log WHERE entity_type = 'Customer' AND entity_id = $1 ORDER BY occurred_at, id`, [customer.id]);
    expect(trail.map((e: { actor_id: string | null; changes: Record<string, unknown> }) => [e.actor_id, JSON.stringify(e.changes)])).toEqual([
      [null, JSON.stringify({ smsOptIn: { after: false, before: true } })],
      [null, JSON.stringify({ smsOptIn: { after: true, before: false } })],
    ]);
  });
});

describe('delivery guarantees', () => {
  it('a message is sent once even when two send jobs run at the same time', async () => {
    const msg = await t.ds.transaction((m) => t.app.services.messages.enqueue(m, { channel: 'SMS', to: '+16515550321', template: 'staff-notice', data: { title: 'Once', body: '' } }));
    await waitForJob(t, (await jobOf(msg.id)).id);
    const sent = sms.requests.filter((r) => r.form.get('To') === '+16515550321').length;
    expect(sent).toBe(1);
    // A second run (a lost job handed out again, say) finds nothing to send.
    expect(await t.app.services.messages.send(msg.id)).toBe('not-queued');
    // A run holding a message (its lease not yet expired) keeps every other run off it.
    const [row2] = await t.ds.query(
      `INSERT INTO messages (channel, purpose, recipient, template, text, status, lease_until)
       VALUES ('SMS', 'TRANSACTIONAL', '+16515550322', 'staff-notice', 'Twice?', 'QUEUED', now() + interval '1 minute') RETURNING id`,
    );
    expect(await t.app.services.messages.send(row2.id)).toBe('held');
    expect(sms.requests.filter((r) => r.form.get('To') === '+16515550322')).toHaveLength(0);
    // Its holder gone (the lease expired): the next run sends it.
    await t.ds.query(`UPDATE messages SET lease_until = now() - interval '1 second' WHERE id = $1`, [row2.id]);
    expect(await t.app.services.messages.send(row2.id)).toBe('sent');
    // Two runs at once on a fresh message: exactly one sends (the other finds it held, or already sent).
    const [row3] = await t.ds.query(
      `INSERT INTO messages (channel, purpose, recipient, template, text, status) VALUES ('SMS', 'TRANSACTIONAL', '+16515550323', 'staff-notice', 'Once only', 'QUEUED') RETURNING id`,
    );
    const outcomes = await Promise.all([t.app.services.messages.send(row3.id), t.app.services.messages.send(row3.id)]);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'sent')[0]).toMatch(/^(held|not-queued)$/);
    for (const to of ['+16515550322', '+16515550323']) expect(sms.requests.filter((r) => r.form.get('To') === to)).toHaveLength(1);
  });

  it('the sweep requeues a queued message whose job was lost, and leaves due, held and recent ones alone', async () => {
    const insert = (to: string, extra: string) =>
      t.ds.query(
        `INSERT INTO messages (channel, purpose, recipient, template, text, status, created_at, attempted_at, lease_until)
         VALUES ('SMS', 'TRANSACTIONAL', $1, 'staff-notice', 'Lost job', 'QUEUED', ${extra}) RETURNING id`,
        [to],
      );
    const [lost] = await insert('+16515550331', "now() - interval '1 hour', NULL, NULL");
    const [recent] = await insert('+16515550332', "now() - interval '1 minute', NULL, NULL");
    const [held] = await insert('+16515550333', "now() - interval '1 hour', now() - interval '20 minutes', now() + interval '1 minute'");
    const run = await runJob(t, 'message-sweep');
    expect(run).toMatchObject({ state: 'completed', output: { requeued: 1 } });
    const job = await jobOf(lost.id);
    await waitForJob(t, job.id);
    expect(await row(lost.id)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(await row(recent.id)).toMatchObject({ status: 'QUEUED', attempts: 0 });
    expect(await row(held.id)).toMatchObject({ status: 'QUEUED', attempts: 0 });
    await t.ds.query(`UPDATE messages SET status = 'CANCELLED' WHERE id = ANY($1::uuid[])`, [[recent.id, held.id]]);
  });
});

describe('the messages log', () => {
  it('is for admins (all) and managers (their teams), newest first, filtered', async () => {
    const admin = await signedIn(t, 'ADMIN');
    const manager = await signedIn(t, 'MANAGER', teamId);
    const otherManager = await signedIn(t, 'MANAGER', (await createTeam(t.ds)).id);
    const sales = await signedIn(t, 'SALES', teamId);
    const Q = `query($f: MessageFilter) { messages(first: 50, filter: $f) { totalCount edges { node { id channel purpose recipient status provider subject html customer { name } } } } }`;
    const all = await t.gql(Q, { f: { channels: ['EMAIL'], statuses: ['SENT'] } }, admin.accessToken);
    expect(all.body.errors).toBeUndefined();
    expect(all.body.data.messages.edges.map((e: { node: { recipient: string } }) => e.node.recipient)).toContain('dana@example.com');
    const mine = await t.gql(Q, { f: { recipient: 'DANA@' } }, manager.accessToken);
    expect(mine.body.data.messages).toMatchObject({ totalCount: 1, edges: [{ node: { channel: 'EMAIL', purpose: 'REVIEW', status: 'SENT', provider: 'smtp', customer: { name: 'Dana <Hansen>' } } }] });
    const id: string = mine.body.data.messages.edges[0]!.node.id;
    expect((await t.gql(Q, { f: { recipient: 'dana@' } }, otherManager.accessToken)).body.data.messages.totalCount).toBe(0);
    expect((await t.gql(`{ message(id: "${id}") { recipient } }`, {}, otherManager.accessToken)).body.data.message).toBeNull();
    expect((await t.gql(`{ node(id: "${id}") { ... on Message { recipient } } }`, {}, manager.accessToken)).body.data.node).toEqual({ recipient: 'dana@example.com' });
    expect((await t.gql(Q, {}, sales.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
