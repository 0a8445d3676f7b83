import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { startSmtp, type TestSmtp } from '../../../test/smtp-server';
import { startReceiver } from '../../../test/webhook-receiver';
import type { CustomerEntity } from '../customers/customer.entity';
import { RATING_PAGE_RATE } from './review-page.routes';

let mail: TestSmtp;
beforeAll(async () => {
  mail = await startSmtp();
});
afterAll(() => mail.close());

const { t, w } = useTestApp(twoTeamCast, {
  // TRUST_PROXY: the rate-limit tests claim client addresses in X-Forwarded-For.
  env: () => ({ TRUST_PROXY: 'loopback', JOBS_WORKERS: 'true', JOBS_POLL_SECONDS: '0.5', WEBHOOK_ALLOW_TARGETS: 'loopback', SMTP_URL: `smtp://127.0.0.1:${mail.port}`, MAIL_FROM: 'Roofs <mail@roofs.test>', PUBLIC_URL: 'https://crm.roofs.test' }),
});

type Who = keyof typeof w.as;
const token = (who: Who) => w.as[who].accessToken;
const SETTINGS = `enabled delayHours reminderDays expiryDays messageText profileLinks { platform url } referralAsk updatedBy { name }`;
const UPDATE_SETTINGS = `mutation($i: ReviewSettingsInput!) { updateReviewSettings(input: $i) { settings { ${SETTINGS} } errors { field code message } } }`;
const COMPLETE = `mutation($id: ID!) { updateProject(input: { id: $id, status: COMPLETED }) { project { status } errors { code message } } }`;
const REQUEST_FIELDS = `id status channel notSentReason sendAt sentAt remindersSent expiresAt answeredAt rating referralCount
  review { platform rating text authorName } customer { name } project { name } createdBy { name }`;
const PROJECT_REQUEST = `query($id: ID!) { project(id: $id) { reviewRequest { ${REQUEST_FIELDS} } } }`;

async function gql(who: Who, query: string, variables: Record<string, unknown> = {}) {
  const r = await t.gql(query, variables, token(who));
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data;
}
const settings = (input: Record<string, unknown>) => gql('admin', UPDATE_SETTINGS, { i: input }).then((d) => d.updateReviewSettings);

/** A customer of the north team with a project in progress (the sales person on its crew). */
async function inProgress(name: string, over: Partial<CustomerEntity> = {}) {
  const slug = name.toLowerCase().replace(/\W+/g, '.');
  const customer = await createCustomer(t.ds, { teamId: w.north, name, email: `${slug}@example.com`, emailOptIn: true, ...over });
  const project = await createProject(t.ds, customer, { name: `${name} roof`, status: 'IN_PROGRESS' }, [w.as.sales.user.id]);
  return { customer, project, id: toGlobalId('Project', project.id), email: customer.email! };
}
async function complete(projectId: string) {
  const d = await gql('sales', COMPLETE, { id: projectId });
  expect(d.updateProject.errors).toEqual([]);
  return (await gql('sales', PROJECT_REQUEST, { id: projectId })).project.reviewRequest;
}
/** The rating-page link in a received message. */
const linkIn = (text: string) => /https:\/\/crm\.roofs\.test(\/review\/[\w-]{43})/.exec(text)![1]!;
const page = (path: string, form?: Record<string, string>) =>
  fetch(`${t.url}${path}`, form ? { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() } : undefined);
const requestRow = async (projectKey: string) => (await t.ds.query('SELECT * FROM review_requests WHERE project_id = $1', [projectKey]))[0];
const messagesOf = (ids: string[]) => t.ds.query('SELECT status, send_after, purpose, template FROM messages WHERE id = ANY($1::uuid[]) ORDER BY send_after NULLS FIRST', [ids]);

beforeAll(async () => {
  await settings({ delayHours: 0, profileLinks: [{ platform: 'GOOGLE', url: 'https://g.page/r/roofs/review' }, { platform: 'YELP', url: 'https://www.yelp.com/writeareview/biz/roofs' }] });
});

describe('review settings', () => {
  it('are read by admins and managers, changed by admins only, validated by field and audited', async () => {
    expect((await gql('manager', `{ reviewSettings { ${SETTINGS} } }`)).reviewSettings).toMatchObject({ enabled: true, delayHours: 0, reminderDays: [3, 7], expiryDays: 30, referralAsk: true });
    expect((await t.gql(`{ reviewSettings { enabled } }`, {}, token('sales'))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(UPDATE_SETTINGS, { i: { delayHours: 2 } }, token('manager'))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await settings({ delayHours: 800, reminderDays: [5, 2], expiryDays: 3, messageText: 'short', profileLinks: [{ platform: 'INTERNAL', url: 'http://x.example' }] });
    expect(bad.settings).toBeNull();
    expect(bad.errors.map((e: { field: string[]; code: string }) => `${e.field.join('.')}:${e.code}`).sort()).toEqual(
      ['delayHours:OUT_OF_RANGE', 'expiryDays:OUT_OF_RANGE', 'messageText:INVALID', 'profileLinks.0.platform:INVALID', 'profileLinks.0.url:INVALID', 'reminderDays:INVALID'].sort(),
    );
    expect((await gql('admin', `{ reviewSettings { delayHours } }`)).reviewSettings.delayHours).toBe(0); // nothing saved
    const ok = await settings({ messageText: 'Thanks from {company}, {customer}! How was {project}?' });
    expect(ok.settings).toMatchObject({ messageText: 'Thanks from {company}, {customer}! How was {project}?', updatedBy: { name: w.as.admin.user.name } });
    const audit = await t.ds.query(`SELECT changes FROM audit_log WHERE entity_type = 'Setting' ORDER BY occurred_at DESC LIMIT 1`);
    expect(JSON.stringify(audit[0].changes)).toContain('messageText');
  });
});

describe('completing a project', () => {
  it('queues the request and two reminders, and the SMTP server receives the request with the rating link', async () => {
    const p = await inProgress('Ada Lane');
    const arrived = mail.mailTo(p.email);
    const request = await complete(p.id);
    expect(request).toMatchObject({ channel: 'EMAIL', customer: { name: 'Ada Lane' }, project: { name: 'Ada Lane roof' }, remindersSent: 0, rating: null });
    const { parsed } = await arrived;
    expect(parsed.subject).toBe('How did we do, Ada Lane?');
    expect(parsed.text).toContain('How was Ada Lane roof?');
    expect(parsed.html).toContain('Rate your project');
    expect(parsed.headerLines.some((h) => h.key === 'list-unsubscribe')).toBe(true);
    const row = await requestRow(p.project.id);
    expect(row.token_hash).toBeInstanceOf(Buffer);
    expect(row.token_hash.toString('hex')).not.toContain(Buffer.from(linkIn(parsed.text!).slice(8)).toString('hex')); // only its hash
    const msgs = await messagesOf(row.message_ids);
    expect(msgs).toHaveLength(3);
    const days = msgs.slice(1).map((m: { send_after: Date }) => Math.round((m.send_after.getTime() - row.send_at.getTime()) / 86_400_000));
    expect(days).toEqual([3, 7]);
    expect(msgs.every((m: { purpose: string; template: string }) => m.purpose === 'REVIEW' && m.template === 'review-request')).toBe(true);
  });

  it('is once per project, waits out the configured delay, and never asks opted-out customers', async () => {
    await settings({ delayHours: 48 });
    try {
      const p = await inProgress('Ben Late');
      const r = await complete(p.id);
      expect(r.status).toBe('SCHEDULED');
      expect(new Date(r.sendAt).getTime() - Date.now()).toBeGreaterThan(47 * 3_600_000);
      const again = await gql('sales', `mutation($id: ID!) { requestReview(projectId: $id) { reviewRequest { id } errors { field code } } }`, { id: p.id });
      expect(again.requestReview).toEqual({ reviewRequest: null, errors: [{ field: ['projectId'], code: 'CONFLICT' }] });

      const q = await inProgress('Cy Quiet', { emailOptIn: false, smsOptIn: false, phone: '+16125550111' });
      const none = await complete(q.id);
      expect(none).toMatchObject({ status: 'NOT_SENT', channel: null, notSentReason: expect.stringContaining('not opted in') });
      expect((await requestRow(q.project.id)).message_ids).toEqual([]);
    } finally {
      await settings({ delayHours: 0 });
    }
  });

  it('goes by SMS when only SMS is opted in, not before the quiet hours end', async () => {
    const p = await inProgress('Dee Text', { email: null, emailOptIn: false, phone: '+16125550112', smsOptIn: true });
    const before = t.app.services.messages.now;
    t.app.services.messages.now = () => new Date(Date.now() - 1000);
    const quietAt = new Date('2030-01-15T04:00:00Z'); // 22:00 in Chicago
    try {
      const r = await t.ds.transaction((m) =>
        t.app.services.messages.enqueue(m, { channel: 'SMS', to: '+16125550112', template: 'review-request', data: { customerName: 'Dee', message: 'How did we do?', reviewUrl: 'https://x.example' }, purpose: 'REVIEW', customerId: p.customer.id, at: quietAt }),
      );
      expect(r.sendAfter!.toISOString()).toBe('2030-01-15T14:00:00.000Z'); // 08:00 the next morning
    } finally {
      t.app.services.messages.now = before;
    }
    await settings({ delayHours: 48 });
    try {
      const request = await complete(p.id);
      expect(request).toMatchObject({ channel: 'SMS', status: 'SCHEDULED' });
    } finally {
      await settings({ delayHours: 0 });
    }
  });
});

describe('the rating page', () => {
  let ada: Awaited<ReturnType<typeof inProgress>>;
  let link: string;
  beforeAll(async () => {
    ada = await inProgress('Eve Happy');
    const arrived = mail.mailTo(ada.email);
    await complete(ada.id);
    link = linkIn((await arrived).parsed.text!);
  });

  it('shows the form, records 5 stars as an internal review, shows the public links, withdraws the reminders', async () => {
    const form = await page(link);
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toBe('no-store');
    const html = await form.text();
    expect(html).toContain('How did we do, Eve Happy?');
    expect(html).toMatch(/<input type="radio" name="rating" value="5"/);
    const res = await page(link, { rating: '5', comment: 'Great crew, spotless yard.' });
    expect(res.status).toBe(200);
    const thanks = await res.text();
    expect(thanks).toContain('Thank you, Eve Happy!');
    expect(thanks).toContain('href="https://g.page/r/roofs/review"');
    expect(thanks).toContain('Review us on Yelp');
    expect(thanks).toContain('Know a neighbour');
    const r = (await gql('sales', PROJECT_REQUEST, { id: ada.id })).project.reviewRequest;
    expect(r).toMatchObject({ status: 'ANSWERED', rating: 5, review: { platform: 'INTERNAL', rating: 5, text: 'Great crew, spotless yard.', authorName: 'Eve Happy' } });
    const row = await requestRow(ada.project.id);
    const msgs = await messagesOf(row.message_ids.slice(1));
    expect(msgs.map((m: { status: string }) => m.status)).toEqual(['CANCELLED', 'CANCELLED']);
  });

  it('tells webhook receivers of the new review', async () => {
    const hook = await startReceiver();
    try {
      const made = await gql('admin', `mutation($i: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $i) { errors { message } } }`, { i: { url: hook.url, eventTypes: ['review.updated'] } });
      expect(made.createWebhookEndpoint.errors).toEqual([]);
      const p = await inProgress('Fay Hook');
      const arrived = mail.mailTo(p.email);
      await complete(p.id);
      expect((await page(linkIn((await arrived).parsed.text!), { rating: '4' })).status).toBe(200);
      await hook.waitFor(1);
      const body = JSON.parse(hook.received[0]!.body);
      expect(body).toMatchObject({ type: 'review.updated', data: { platform: 'INTERNAL', rating: 4, authorName: 'Fay Hook', projectId: p.id } });
    } finally {
      await hook.close();
    }
  });

  it('cannot be answered twice', async () => {
    const again = await page(link, { rating: '1', comment: 'changed my mind' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already rated');
    expect((await requestRow(ada.project.id)).rating).toBe(5);
    expect((await t.ds.query(`SELECT count(*)::int AS n FROM reviews WHERE project_id = $1`, [ada.project.id]))[0].n).toBe(1);
  });

  it('takes a referral after 5 stars: a REFERRAL lead linked to the customer, whose won revenue is theirs', async () => {
    const bad = await page(`${link}/referral`, { name: '', phone: 'nope' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('role="alert"');
    expect(badHtml).toContain('not a valid phone number');
    const ok = await page(`${link}/referral`, { name: 'Nick Neighbour', phone: '(612) 555-0199', street: '12 Elm St', zip: '55401', note: 'Hail damage' });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Thank you for the referral!');
    const customerId = toGlobalId('Customer', ada.customer.id);
    const leads = await gql('sales', `query($c: ID!) { customer(id: $c) { referrals { leads wins wonRevenue } } leads(first: 5, filter: { search: "Nick Neighbour" }) { edges { node { source contactName contactPhone referringCustomer { name } } } } }`, { c: customerId });
    expect(leads.customer.referrals).toEqual({ leads: 1, wins: 0, wonRevenue: '0.00' });
    expect(leads.leads.edges[0].node).toEqual({ source: 'REFERRAL', contactName: 'Nick Neighbour', contactPhone: '+16125550199', referringCustomer: { name: 'Eve Happy' } });
  });

  it('1–3 stars stay internal, alert the team manager and ask the salesperson to follow up', async () => {
    await t.ds.query('UPDATE teams SET manager_id = $1 WHERE id = $2', [w.as.manager.user.id, w.north]);
    const p = await inProgress('Gus Grumpy');
    const arrived = mail.mailTo(p.email);
    await complete(p.id);
    const res = await page(linkIn((await arrived).parsed.text!), { rating: '2', comment: 'Nails left in the driveway.' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('A manager will contact you');
    expect(html).not.toContain('g.page');
    expect(html).not.toContain('Know a neighbour');
    const alertRows = await t.ds.query(`SELECT kind, severity, title, team_id FROM alerts WHERE kind = 'UNHAPPY_CUSTOMER'`);
    expect(alertRows).toEqual([{ kind: 'UNHAPPY_CUSTOMER', severity: 'WARNING', title: 'Gus Grumpy gave 2 of 5 stars for Gus Grumpy roof', team_id: w.north }]);
    const notes = await t.ds.query(`SELECT recipient_id, kind, title FROM notifications WHERE kind IN ('REVIEW_FOLLOW_UP', 'ALERT') AND title LIKE '%Gus Grumpy%' ORDER BY kind`);
    expect(notes).toEqual(
      expect.arrayContaining([
        { recipient_id: w.as.manager.user.id, kind: 'ALERT', title: expect.stringContaining('Gus Grumpy') },
        { recipient_id: w.as.sales.user.id, kind: 'REVIEW_FOLLOW_UP', title: 'Call Gus Grumpy: 2 of 5 stars for Gus Grumpy roof' },
      ]),
    );
  });

  it('refuses bad input with clear errors and stores nothing', async () => {
    const p = await inProgress('Hal Input');
    const arrived = mail.mailTo(p.email);
    await complete(p.id);
    const l = linkIn((await arrived).parsed.text!);
    const cases: Array<[Record<string, string>, string]> = [
      [{ comment: 'no rating' }, 'Choose from 1 to 5 stars.'],
      [{ rating: '7' }, 'Choose from 1 to 5 stars.'],
      [{ rating: '5', comment: 'x'.repeat(2001) }, 'Please keep your comment to 2,000 characters'],
      [{ rating: '4', comment: '<script>alert(1)</script>' }, 'without HTML tags'],
    ];
    for (const [form, message] of cases) {
      const res = await page(l, form);
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain(message);
      expect(html).not.toContain('<script>alert(1)</script>'); // what was typed comes back escaped
    }
    const huge = await page(l, { rating: '5', comment: 'y'.repeat(70_000) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain('shorten your comment');
    expect(await requestRow(p.project.id)).toMatchObject({ status: 'PENDING', rating: null, review_id: null });
    expect((await t.ds.query('SELECT count(*)::int AS n FROM reviews WHERE project_id = $1', [p.project.id]))[0].n).toBe(0);
  });

  it('refuses wrong, malformed and expired tokens, and a token answers only its own project', async () => {
    const a = await inProgress('Ivy One');
    const b = await inProgress('Jo Two');
    const arrivedA = mail.mailTo(a.email);
    const arrivedB = mail.mailTo(b.email);
    await complete(a.id);
    await complete(b.id);
    const la = linkIn((await arrivedA).parsed.text!);
    const lb = linkIn((await arrivedB).parsed.text!);
    expect(la).not.toBe(lb);
    for (const wrong of ['/review/short', `/review/${'A'.repeat(43)}`, `/review/${encodeURIComponent('<script>x</script>')}`]) {
      const res = await page(wrong);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('This link is not valid');
      expect((await page(wrong, { rating: '5' })).status).toBe(404);
    }
    // Token A with B's project named in the form: the form names no project; A's request is answered, B's untouched.
    expect((await page(la, { rating: '4', projectId: b.id })).status).toBe(200);
    expect((await requestRow(a.project.id)).rating).toBe(4);
    expect(await requestRow(b.project.id)).toMatchObject({ status: 'PENDING', rating: null });
    // Expired: neither shown nor taken.
    await t.ds.query(`UPDATE review_requests SET expires_at = now() - interval '1 minute' WHERE project_id = $1`, [b.project.id]);
    const expired = await page(lb);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('This link has expired');
    expect((await page(lb, { rating: '5' })).status).toBe(410);
    expect(await requestRow(b.project.id)).toMatchObject({ status: 'PENDING', rating: null });
    expect((await gql('sales', PROJECT_REQUEST, { id: b.id })).project.reviewRequest.status).toBe('EXPIRED');
  });
});

describe('staff API', () => {
  it('lists requests under the team rule with statuses; field techs may not', async () => {
    const LIST = `query($f: ReviewRequestFilter) { reviewRequests(first: 50, filter: $f) { totalCount edges { node { status customer { name } } } } }`;
    const mine = (await gql('manager', LIST)).reviewRequests;
    expect(mine.totalCount).toBeGreaterThanOrEqual(8);
    expect((await gql('otherManager', LIST)).reviewRequests.totalCount).toBe(0);
    const answered = (await gql('admin', LIST, { f: { statuses: ['ANSWERED'] } })).reviewRequests.edges.map((e: { node: { customer: { name: string } } }) => e.node.customer.name).sort();
    expect(answered).toEqual(['Eve Happy', 'Fay Hook', 'Gus Grumpy', 'Ivy One']);
    expect((await t.gql(LIST, {}, token('tech'))).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('asks for a review by hand only of a completed project without one', async () => {
    const REQUEST = `mutation($id: ID!) { requestReview(projectId: $id) { reviewRequest { status createdBy { name } } errors { field code } } }`;
    const p = await inProgress('Kim Manual');
    expect((await gql('sales', REQUEST, { id: p.id })).requestReview.errors).toEqual([{ field: ['projectId'], code: 'INVALID_TRANSITION' }]);
    await settings({ enabled: false });
    try {
      expect(await complete(p.id)).toBeNull();
    } finally {
      await settings({ enabled: true });
    }
    expect((await gql('otherSales', REQUEST, { id: p.id })).requestReview.errors).toEqual([{ field: ['projectId'], code: 'NOT_FOUND' }]);
    const arrived = mail.mailTo(p.email);
    expect((await gql('sales', REQUEST, { id: p.id })).requestReview).toEqual({ reviewRequest: { status: expect.stringMatching(/SCHEDULED|SENT/), createdBy: { name: w.as.sales.user.name } }, errors: [] });
    await arrived;
  });

  it('counts requests sent and answered in reputation, per team and salesperson', async () => {
    const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const d = await gql('admin', `query($r: DateRangeInput!) { reputation(range: $r) { requests { sent answered responseRate unhappy }
      byTeam { team { name } requests { sent answered } } bySalesperson { user { name } requests { sent answered } } } }`, { r: range });
    const sent = (await t.ds.query(`SELECT count(*)::int AS n FROM review_requests rr JOIN messages m ON m.id = rr.message_ids[1] AND m.status = 'SENT'`))[0].n;
    expect(d.reputation.requests).toEqual({ sent, answered: 4, responseRate: Math.round((4 / sent) * 10_000) / 10_000, unhappy: 1 });
    expect(d.reputation.byTeam).toEqual([{ team: { name: 'North' }, requests: { sent, answered: 4 } }]);
    expect(d.reputation.bySalesperson).toEqual([{ user: { name: w.as.sales.user.name }, requests: { sent, answered: 4 } }]);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once an address has used its requests', async () => {
    let last: Response | null = null;
    for (let i = 0; i <= RATING_PAGE_RATE + 1 && last?.status !== 429; i++) last = await page(`/review/${'B'.repeat(43)}`);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await last!.text()).toContain('Please wait a moment');
  });

  it('counts an IPv6 client by its /64: a new address in it gets no new requests; the next /64 is apart', async () => {
    const from = (address: string) => fetch(`${t.url}/review/${'C'.repeat(43)}`, { headers: { 'x-forwarded-for': address } });
    const statuses = [];
    for (let i = 1; i <= RATING_PAGE_RATE; i++) statuses.push((await from(`2001:db8:99:1::${i.toString(16)}`)).status);
    expect(new Set(statuses)).toEqual(new Set([404])); // an unknown link: answered, not limited
    expect((await from('2001:db8:99:1:aaaa:bbbb:cccc:dddd')).status).toBe(429);
    expect((await from('2001:db8:99:2::1')).status).toBe(404);
  });
});
