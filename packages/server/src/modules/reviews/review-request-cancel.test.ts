import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, twoTeamCast } from '../../../test/factories';
import { subscribe, subscribed, useTestApp } from '../../../test/harness';
import { runWaitingJob, waitForJob } from '../../../test/notification-factories';
import { startSmtp, type TestSmtp } from '../../../test/smtp-server';

let mail: TestSmtp;
beforeAll(async () => {
  mail = await startSmtp();
});
afterAll(() => mail.close());

const { t, w } = useTestApp(twoTeamCast, {
  env: () => ({ JOBS_WORKERS: 'true', JOBS_POLL_SECONDS: '0.5', SMTP_URL: `smtp://127.0.0.1:${mail.port}`, MAIL_FROM: 'Roofs <mail@roofs.test>', PUBLIC_URL: 'https://crm.roofs.test' }),
});

type Who = keyof typeof w.as;
async function gql(who: Who, query: string, variables: Record<string, unknown> = {}) {
  const r = await t.gql(query, variables, w.as[who].accessToken);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data;
}
const mutate = async (who: Who, field: string, query: string, variables: Record<string, unknown>) => {
  const payload = (await gql(who, query, variables))[field];
  expect(payload.errors).toEqual([]);
  return payload;
};
const settings = (input: Record<string, unknown>) =>
  mutate('admin', 'updateReviewSettings', `mutation($i: ReviewSettingsInput!) { updateReviewSettings(input: $i) { errors { field code message } } }`, { i: input });

const REQUEST = `status channel cancelReason cancelledAt notSentReason sentAt`;
const BY_PROJECT = `query($p: ID!) { reviewRequests(first: 5, filter: { projectId: $p }) { edges { node { ${REQUEST} } } } }`;
const DELETE_PROJECT = `mutation($id: ID!) { deleteProject(id: $id) { errors { code message } } }`;

/** A customer (e-mail opted in) whose project its team's salesperson has just completed: its request waits two days. */
async function completed(name: string, team: 'north' | 'south' = 'north') {
  const slug = name.toLowerCase().replace(/\W+/g, '.');
  const sales = team === 'north' ? 'sales' : 'otherSales';
  const customer = await createCustomer(t.ds, { teamId: w[team], name, email: `${slug}@example.com`, emailOptIn: true });
  const project = await createProject(t.ds, customer, { name: `${name} roof`, status: 'IN_PROGRESS' }, [w.as[sales].user.id]);
  const id = toGlobalId('Project', project.id);
  await mutate(sales, 'updateProject', `mutation($id: ID!) { updateProject(input: { id: $id, status: COMPLETED }) { errors { code message } } }`, { id });
  const [row] = await t.ds.query('SELECT id, message_ids FROM review_requests WHERE project_id = $1', [project.id]);
  return { customer, project, id, email: customer.email!, requestId: row.id as string, messageIds: row.message_ids as string[] };
}
type Completed = Awaited<ReturnType<typeof completed>>;

/** The project's request as the office sees it. */
const requestOf = async (p: Completed) => (await gql('manager', BY_PROJECT, { p: p.id })).reviewRequests.edges[0].node;
/** Its messages, request first: status and why it was not sent. */
const messagesOf = (p: Completed) =>
  t.ds.query('SELECT m.status, m.error FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n) JOIN messages m ON m.id = x.id ORDER BY x.n', [p.messageIds]);
/** The request's first message's send job, run now (it was due in two days). */
const runSend = (p: Completed, i = 0) => runWaitingJob(t, 'message-send', { messageId: p.messageIds[i]! });
const mailsTo = (address: string) => mail.received.filter((m) => m.to.includes(address)).length;
const cancelAudits = (p: Completed) =>
  t.ds.query(`SELECT actor_id, changes FROM audit_log WHERE entity_type = 'ReviewRequest' AND entity_id = $1 AND action = 'UPDATE'`, [p.requestId]);

describe('a queued review request', () => {
  beforeAll(() => settings({ delayHours: 48 }));

  it('is cancelled when its project goes to the trash: audited, live to the office, never sent, not brought back by a restore', async () => {
    const LIVE = `subscription { reviewRequestUpdated { change reviewRequest { status cancelReason project { name } } } }`;
    const office = await subscribed(t, t.wsClient(w.as.manager.accessToken), LIVE);
    const p = await completed('Tia Trash');
    expect((await requestOf(p)).status).toBe('SCHEDULED');

    await mutate('manager', 'deleteProject', DELETE_PROJECT, { id: p.id });
    expect(await requestOf(p)).toMatchObject({ status: 'CANCELLED', cancelReason: 'PROJECT_DELETED', cancelledAt: expect.any(String), channel: 'EMAIL', sentAt: null, notSentReason: null });
    expect(await messagesOf(p)).toEqual(Array(3).fill({ status: 'CANCELLED', error: 'The project was deleted.' }));
    expect(await cancelAudits(p)).toEqual([
      { actor_id: w.as.manager.user.id, changes: expect.objectContaining({ status: { before: 'PENDING', after: 'CANCELLED' }, cancelReason: { before: null, after: 'PROJECT_DELETED' } }) },
    ]);
    await office.waitFor(2);
    expect(office.results.map((r) => r.data?.reviewRequestUpdated.change)).toEqual(['CREATED', 'CANCELLED']);
    expect(office.results[1]!.data.reviewRequestUpdated.reviewRequest).toMatchObject({ status: 'CANCELLED', cancelReason: 'PROJECT_DELETED' });
    office.unsubscribe();

    expect(await runSend(p)).toMatchObject({ state: 'completed', output: { outcome: 'not-queued' } });
    expect(mailsTo(p.email)).toBe(0);

    await mutate('manager', 'restoreProject', `mutation($id: ID!) { restoreProject(id: $id) { errors { code } } }`, { id: p.id });
    expect((await requestOf(p)).status).toBe('CANCELLED');
    const again = await gql('sales', `mutation($id: ID!) { requestReview(projectId: $id) { errors { code } } }`, { id: p.id });
    expect(again.requestReview.errors).toEqual([{ code: 'CONFLICT' }]);
  });

  it("is live to the request's team only (made, cancelled); field techs may not subscribe", async () => {
    const LIVE = `subscription { reviewRequestUpdated { change reviewRequest { customer { name } } } }`;
    const north = await subscribed(t, t.wsClient(w.as.sales.accessToken), LIVE);
    const south = await subscribed(t, t.wsClient(w.as.otherManager.accessToken), LIVE);
    const sol = await completed('Sol South', 'south');
    const nia = await completed('Nia North');
    await mutate('otherManager', 'deleteProject', DELETE_PROJECT, { id: sol.id });
    await mutate('manager', 'deleteProject', DELETE_PROJECT, { id: nia.id });
    // Events arrive in order: once the last one each may see is in, any earlier foreign one would have been too.
    await north.waitFor(2);
    await south.waitFor(2);
    const seen = (sub: typeof north) => sub.results.map((r) => `${r.data?.reviewRequestUpdated.change} ${r.data?.reviewRequestUpdated.reviewRequest?.customer?.name}`);
    expect(seen(north)).toEqual(['CREATED Nia North', 'CANCELLED Nia North']);
    expect(seen(south)).toEqual(['CREATED Sol South', 'CANCELLED Sol South']);
    for (const sub of [north, south]) sub.unsubscribe();

    const tech = subscribe(t.wsClient(w.as.tech.accessToken), LIVE);
    await tech.ended;
    expect(JSON.stringify(tech.error ?? tech.results)).toContain('FORBIDDEN');
  });

  it('is cancelled by its send job when the project is no longer completed (the API keeps COMPLETED final; a data fix need not)', async () => {
    const p = await completed('Cal Called-Off');
    const refused = await gql('manager', `mutation($id: ID!) { updateProject(input: { id: $id, status: CANCELLED }) { errors { field code } } }`, { id: p.id });
    expect(refused.updateProject.errors).toEqual([{ field: ['status'], code: 'INVALID_TRANSITION' }]);
    await t.ds.query(`UPDATE projects SET status = 'CANCELLED' WHERE id = $1`, [p.project.id]);

    expect(await runSend(p)).toMatchObject({ state: 'completed', output: { outcome: 'cancelled' } });
    expect(mailsTo(p.email)).toBe(0);
    expect(await requestOf(p)).toMatchObject({ status: 'CANCELLED', cancelReason: 'PROJECT_CANCELLED' });
    expect(await messagesOf(p)).toEqual(Array(3).fill({ status: 'CANCELLED', error: 'The project was cancelled.' }));
    expect(await cancelAudits(p)).toEqual([{ actor_id: null, changes: expect.objectContaining({ cancelReason: { before: null, after: 'PROJECT_CANCELLED' } }) }]);
  });

  it('is cancelled by its send job when the customer opted out of its channel, or was deleted', async () => {
    const quiet = await completed('Ola Optout');
    await mutate('sales', 'updateCustomer', `mutation($i: UpdateCustomerInput!) { updateCustomer(input: $i) { errors { field code } } }`, {
      i: { id: toGlobalId('Customer', quiet.customer.id), emailOptIn: false },
    });
    expect(await runSend(quiet)).toMatchObject({ state: 'completed', output: { outcome: 'suppressed' } });
    expect(await requestOf(quiet)).toMatchObject({ status: 'CANCELLED', cancelReason: 'CONSENT_WITHDRAWN' });
    const [first, ...reminders] = await messagesOf(quiet);
    expect(first).toEqual({ status: 'SUPPRESSED', error: 'The customer opted out before it was sent.' });
    expect(reminders.map((r: { status: string }) => r.status)).toEqual(['CANCELLED', 'CANCELLED']);

    const gone = await completed('Gil Gone');
    await mutate('manager', 'deleteCustomer', `mutation($id: ID!) { deleteCustomer(id: $id) { errors { code } } }`, { id: toGlobalId('Customer', gone.customer.id) });
    expect(await runSend(gone)).toMatchObject({ state: 'completed', output: { outcome: 'cancelled' } });
    expect(await requestOf(gone)).toMatchObject({ status: 'CANCELLED', cancelReason: 'CUSTOMER_DELETED' });
    expect(mailsTo(quiet.email) + mailsTo(gone.email)).toBe(0);
  });

  it('is withdrawn with its project when the project is deleted for good', async () => {
    const p = await completed('Hal Hard');
    const d = await gql('admin', `mutation($id: ID!) { hardDeleteProject(id: $id) { errors { code } } }`, { id: p.id });
    expect(d.hardDeleteProject.errors).toEqual([]);
    expect(await t.ds.query('SELECT 1 FROM review_requests WHERE id = $1', [p.requestId])).toEqual([]);
    expect(await messagesOf(p)).toEqual(Array(3).fill({ status: 'CANCELLED', error: 'The project was deleted.' }));
    expect(await runSend(p)).toMatchObject({ state: 'completed', output: { outcome: 'not-queued' } });
    expect(mailsTo(p.email)).toBe(0);
  });
});

describe('a review request already sent', () => {
  beforeAll(() => settings({ delayHours: 0 }));

  /** Completed with requests going out at once: returns once its first message was sent (its job done). */
  async function sent(name: string) {
    const arrived = mail.mailTo(`${name.toLowerCase().replace(/\W+/g, '.')}@example.com`);
    const p = await completed(name);
    await arrived;
    const [job] = await t.ds.query(`SELECT id FROM pgboss.job WHERE name = 'message-send' AND data->>'messageId' = $1`, [p.messageIds[0]]);
    expect(await waitForJob(t, job.id)).toMatchObject({ state: 'completed', output: { outcome: 'sent' } });
    return p;
  }

  it('goes out exactly once: a second run of its send job (as the sweep would queue) sends nothing', async () => {
    const p = await sent('Sam Once');
    const id = await t.queue.send('message-send', { messageId: p.messageIds[0] });
    expect(await waitForJob(t, id!)).toMatchObject({ state: 'completed', output: { outcome: 'not-queued' } });
    expect(mailsTo(p.email)).toBe(1);
    expect(await requestOf(p)).toMatchObject({ status: 'SENT', cancelReason: null, sentAt: expect.any(String) });
  });

  it('stays SENT when its project goes to the trash; only its queued reminders are withdrawn', async () => {
    const p = await sent('Sue Sent');
    const before = await requestOf(p);
    await mutate('manager', 'deleteProject', DELETE_PROJECT, { id: p.id });
    expect(await requestOf(p)).toEqual(before);
    expect(await cancelAudits(p)).toEqual([]);
    expect(await messagesOf(p)).toEqual([
      { status: 'SENT', error: null },
      { status: 'CANCELLED', error: 'The project was deleted.' },
      { status: 'CANCELLED', error: 'The project was deleted.' },
    ]);
    expect(await runSend(p, 1)).toMatchObject({ state: 'completed', output: { outcome: 'not-queued' } });
    expect(mailsTo(p.email)).toBe(1);
  });

  it('sends no reminder once the customer is deleted (the reminder is withdrawn when due, the request stays SENT)', async () => {
    const p = await sent('Rex Reminder');
    await mutate('manager', 'deleteCustomer', `mutation($id: ID!) { deleteCustomer(id: $id) { errors { code } } }`, { id: toGlobalId('Customer', p.customer.id) });
    expect(await runSend(p, 1)).toMatchObject({ state: 'completed', output: { outcome: 'cancelled' } });
    expect((await messagesOf(p))[1]).toEqual({ status: 'CANCELLED', error: 'The customer was deleted.' });
    expect((await requestOf(p)).status).toBe('SENT');
    expect(mailsTo(p.email)).toBe(1);
  });
});
