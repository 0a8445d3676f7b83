import { signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { jobRow } from '../../../test/notification-factories';

const { t } = useTestApp();
let admin: Session, manager: Session;

const JOB_QUEUES = `{
  jobQueues {
    name description schedule
    lastRun { id state retryCount createdAt startedAt completedAt output }
    stateCounts { state count }
    recentFailures { id state output }
  }
}`;
const RUN_JOB = `mutation($name: String!) { runJob(name: $name) { jobId errors { field code message } } }`;
type Queue = { name: string; lastRun: Record<string, unknown> | null; stateCounts: unknown[]; recentFailures: Array<Record<string, unknown>> };
const queues = async (): Promise<Queue[]> => {
  const r = await t.gql(JOB_QUEUES, {}, admin.accessToken);
  if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.jobQueues;
};
const queue = async (name: string) => (await queues()).find((q) => q.name === name)!;

// Workers are off in this app: runs are driven by hand through pg-boss, as a worker would.
beforeAll(async () => {
  admin = await signedIn(t, 'ADMIN');
  manager = await signedIn(t, 'MANAGER');
});

describe('jobQueues', () => {
  it('lists every registered job with its description and schedule, with no runs yet', async () => {
    const all = await queues();
    expect(all.map((q) => q.name)).toEqual(expect.arrayContaining(['follow-up-reminders', 'appointment-reminders', 'alert-rules']));
    expect(all.find((q) => q.name === 'alert-rules')).toEqual({
      name: 'alert-rules',
      description: expect.stringContaining('hot leads'),
      schedule: '*/10 * * * *',
      lastRun: null,
      stateCounts: [],
      recentFailures: [],
    });
    // Scheduled jobs say when; jobs queued on demand (a webhook attempt, a message to send, an import's check and run,
    // a photo's thumbnail, a claim's package) have none.
    const onDemand = new Set(['webhook-deliver', 'message-send', 'import-check', 'import-run', 'attachment-thumbnail', 'claim-package']);
    for (const q of all) expect(q).toMatchObject({ description: expect.any(String), schedule: onDemand.has(q.name) ? null : expect.any(String) });
  });

  it('shows the last run, the runs per state and the recent failures, one query per field for all queues', async () => {
    const boss = t.queue.db;
    const okId = (await boss.send('follow-up-reminders', {}))!;
    await boss.fetch('follow-up-reminders');
    await boss.complete('follow-up-reminders', okId, { created: 3 });
    const badId = (await boss.send('follow-up-reminders', {}, { retryLimit: 0 }))!;
    await boss.fetch('follow-up-reminders');
    await boss.fail('follow-up-reminders', badId, new Error('database went away'));
    await boss.send('follow-up-reminders', {}, { startAfter: new Date(Date.now() + 3_600_000) });
    expect((await jobRow(t, badId))!.state).toBe('failed');

    const before = t.queries.length;
    const q = await queue('follow-up-reminders');
    expect(t.queries.slice(before).filter((sql) => sql.includes('pgboss.'))).toHaveLength(3);
    expect(q.lastRun).toMatchObject({ state: 'CREATED', retryCount: 0, startedAt: null, completedAt: null });
    expect(q.stateCounts).toEqual([
      { state: 'COMPLETED', count: 1 },
      { state: 'CREATED', count: 1 },
      { state: 'FAILED', count: 1 },
    ]);
    expect(q.recentFailures).toEqual([{ id: badId, state: 'FAILED', output: { name: 'Error', message: 'database went away' } }]);
  });
});

describe('runJob', () => {
  it('queues a run of a known job now', async () => {
    const r = await t.gql(RUN_JOB, { name: 'alert-rules' }, admin.accessToken);
    expect(r.body.data.runJob).toEqual({ jobId: expect.any(String), errors: [] });
    expect((await jobRow(t, r.body.data.runJob.jobId))!.state).toBe('created');
    expect((await queue('alert-rules')).lastRun).toMatchObject({ id: r.body.data.runJob.jobId, state: 'CREATED' });
  });

  it('refuses an unknown queue with NOT_FOUND on name', async () => {
    const r = await t.gql(RUN_JOB, { name: 'no-such-job' }, admin.accessToken);
    expect(r.body.data.runJob).toEqual({ jobId: null, errors: [{ field: ['name'], code: 'NOT_FOUND', message: 'No such job queue.' }] });
  });
});

describe('access', () => {
  it('is for admins only', async () => {
    for (const role of ['MANAGER', 'SALES', 'FIELD_TECH'] as const) {
      const s = role === 'MANAGER' ? manager : await signedIn(t, role);
      expect((await t.gql(JOB_QUEUES, {}, s.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const run = await t.gql(RUN_JOB, { name: 'alert-rules' }, s.accessToken);
      expect(run.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(JOB_QUEUES, {})).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
