import { createAppointment, createCustomer, createLead, createTeam, createUser, signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { fromNow, notificationsOfKind, runJob, unschedule, waitForJob } from '../../../test/notification-factories';
import type { UserEntity } from '../users/user.entity';

const { t } = useTestApp({ env: { JOBS_WORKERS: 'true' } });
let teamId: string;
let rep: UserEntity, gone: UserEntity;

beforeAll(async () => {
  await unschedule(t, ['follow-up-reminders', 'appointment-reminders']);
  teamId = (await createTeam(t.ds)).id;
  rep = await createUser(t.ds, { role: 'SALES', teamId, name: 'Rita Rep' });
  gone = await createUser(t.ds, { role: 'SALES', teamId, active: false });
});

/** The e-mails queued for `u` (the messages feature sends them through the `message-send` job). */
const emailsTo = (u: UserEntity): Promise<Array<{ channel: string; to: string; subject: string; text: string }>> =>
  t.ds.query(`SELECT channel, recipient AS to, subject, text FROM messages WHERE recipient = $1 ORDER BY created_at, id`, [u.email]);

describe('follow-up-reminders', () => {
  it('reminds the assignee once per follow-up time, in the app and by e-mail, of open leads that are due', async () => {
    const due = fromNow(-10);
    const lead = await createLead(t.ds, { teamId, assigneeId: rep.id, contactName: 'Pat Lee', contactPhone: '+16515550101', nextFollowUpAt: due });
    await createLead(t.ds, { teamId, assigneeId: rep.id, nextFollowUpAt: fromNow(30) });
    await createLead(t.ds, { teamId, assigneeId: rep.id, nextFollowUpAt: due, status: 'WON' });
    await createLead(t.ds, { teamId, assigneeId: rep.id, nextFollowUpAt: due, status: 'LOST', lostReason: 'price' });
    await createLead(t.ds, { teamId, assigneeId: rep.id, nextFollowUpAt: due, deletedAt: new Date() });
    await createLead(t.ds, { teamId, nextFollowUpAt: due });
    await createLead(t.ds, { teamId, assigneeId: gone.id, nextFollowUpAt: due });

    expect(await runJob(t, 'follow-up-reminders')).toMatchObject({ state: 'completed', output: { created: 1 } });
    expect(await runJob(t, 'follow-up-reminders')).toMatchObject({ state: 'completed', output: { created: 0 } });

    const rows = await notificationsOfKind(t.ds, 'FOLLOW_UP_DUE');
    expect(rows).toEqual([
      {
        recipient_id: rep.id,
        kind: 'FOLLOW_UP_DUE',
        title: 'Follow up with Pat Lee',
        body: expect.stringMatching(/^The follow-up was due .+\nPhone: \(651\) 555-0101$/),
        entity_type: 'Lead',
        entity_id: lead.id,
        dedupe_key: `follow-up:${lead.id}:${due.toISOString()}`,
      },
    ]);
    expect(await emailsTo(rep)).toEqual([{ channel: 'EMAIL', to: rep.email, subject: 'Follow up with Pat Lee', text: expect.stringContaining(rows[0]!.body!) }]);

    // A new follow-up time reminds again.
    await t.ds.query('UPDATE leads SET next_follow_up_at = $2 WHERE id = $1', [lead.id, fromNow(-1)]);
    expect(await runJob(t, 'follow-up-reminders')).toMatchObject({ output: { created: 1 } });
    expect(await notificationsOfKind(t.ds, 'FOLLOW_UP_DUE')).toHaveLength(2);
    expect(await emailsTo(rep)).toHaveLength(2);
  });
});

describe('appointment-reminders', () => {
  it('reminds the assignee 24 hours ahead in the app, and 1 hour ahead by e-mail too, once each', async () => {
    await t.ds.query('DELETE FROM messages');
    const customer = await createCustomer(t.ds, { name: 'Dana Hansen', teamId });
    const appt = (minutes: number, over: Record<string, unknown> = {}) =>
      createAppointment(t.ds, customer, { assigneeId: rep.id, startsAt: fromNow(minutes), endsAt: fromNow(minutes + 5), title: `In ${minutes} min`, location: '100 Main St', ...over });
    const soon = await appt(30);
    const later = await appt(5 * 60);
    await appt(30 * 60);
    await appt(-30);
    await appt(40, { status: 'CANCELLED' });
    await appt(50, { deletedAt: new Date() });
    await appt(60 * 3, { assigneeId: null });
    await appt(60 * 4, { assigneeId: gone.id });

    expect(await runJob(t, 'appointment-reminders')).toMatchObject({ state: 'completed', output: { created: 2 } });
    expect(await runJob(t, 'appointment-reminders')).toMatchObject({ state: 'completed', output: { created: 0 } });

    const [inOneHour] = await notificationsOfKind(t.ds, 'APPOINTMENT_IN_1H');
    const in24 = await notificationsOfKind(t.ds, 'APPOINTMENT_IN_24H');
    expect(inOneHour).toMatchObject({
      recipient_id: rep.id,
      title: expect.stringMatching(/^In 1 hour: In 30 min — /),
      body: 'With Dana Hansen\n100 Main St',
      entity_type: 'Appointment',
      entity_id: soon.id,
      dedupe_key: `appt-1h:${soon.id}:${soon.startsAt.toISOString()}`,
    });
    expect(in24).toEqual([
      expect.objectContaining({ recipient_id: rep.id, entity_id: later.id, dedupe_key: `appt-24h:${later.id}:${later.startsAt.toISOString()}` }),
    ]);
    expect(await emailsTo(rep)).toEqual([{ channel: 'EMAIL', to: rep.email, subject: inOneHour!.title, text: expect.stringContaining(inOneHour!.body!) }]);

    // Within the hour now: the 1-hour reminder follows the 24-hour one.
    await t.ds.query(`UPDATE appointments SET starts_at = now() + interval '20 minutes', ends_at = now() + interval '25 minutes' WHERE id = $1`, [later.id]);
    expect(await runJob(t, 'appointment-reminders')).toMatchObject({ output: { created: 1 } });
    expect((await notificationsOfKind(t.ds, 'APPOINTMENT_IN_1H')).map((n) => n.entity_id)).toEqual([soon.id, later.id]);
    expect(await emailsTo(rep)).toHaveLength(2);
  });
});

describe('a run that crashes', () => {
  afterAll(() => t.ds.query('DROP TRIGGER crash_once ON notifications; DROP FUNCTION crash_once(); DROP SEQUENCE crash_attempts'));

  it('is retried by the queue and creates its reminders once', async () => {
    // The first attempt to create this lead's reminder fails (sequences do not roll back, so the retry succeeds).
    const lead = await createLead(t.ds, { teamId, assigneeId: rep.id, nextFollowUpAt: fromNow(-5) });
    await t.ds.query(`
      CREATE SEQUENCE crash_attempts;
      CREATE FUNCTION crash_once() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.entity_id = '${lead.id}' AND nextval('crash_attempts') = 1 THEN RAISE EXCEPTION 'simulated crash'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER crash_once BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION crash_once();`);
    const sentBefore = (await emailsTo(rep)).length;

    const id = (await t.queue.send('follow-up-reminders', {}))!;
    const row = await waitForJob(t, id, 40_000);
    expect(row).toMatchObject({ state: 'completed', retry_count: 1, output: { created: 1 } });
    expect((await notificationsOfKind(t.ds, 'FOLLOW_UP_DUE')).filter((n) => n.entity_id === lead.id)).toHaveLength(1);
    expect((await emailsTo(rep)).length).toBe(sentBefore + 1);

    // Admins see the run and its retry.
    const admin = await signedIn(t, 'ADMIN');
    const r = await t.gql('{ jobQueues { name lastRun { id state retryCount output } } }', {}, admin.accessToken);
    expect(r.body.data.jobQueues.find((q: { name: string }) => q.name === 'follow-up-reminders').lastRun).toEqual({
      id,
      state: 'COMPLETED',
      retryCount: 1,
      output: { created: 1 },
    });
  }, 60_000);
});
