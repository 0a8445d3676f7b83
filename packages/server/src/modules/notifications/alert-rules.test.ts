import { createAppointment, createCustomer, createLead, createProject, createTeam, createUser } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { fromNow, notificationsOfKind, runJob, unschedule } from '../../../test/notification-factories';
import type { UserEntity } from '../users/user.entity';

const { t } = useTestApp({ env: { JOBS_WORKERS: 'true' } });
let managed: string, unmanaged: string;
let manager: UserEntity, admins: UserEntity[];

beforeAll(async () => {
  await unschedule(t, ['alert-rules']);
  [managed, unmanaged] = [(await createTeam(t.ds)).id, (await createTeam(t.ds)).id];
  manager = await createUser(t.ds, { role: 'MANAGER', teamId: managed });
  await t.ds.query('UPDATE teams SET manager_id = $1 WHERE id = $2', [manager.id, managed]);
  admins = [await createUser(t.ds, { role: 'ADMIN' }), await createUser(t.ds, { role: 'ADMIN' })];
  await createUser(t.ds, { role: 'ADMIN', active: false });
});

interface AlertRow {
  kind: string;
  severity: string;
  title: string;
  entity_id: string;
  team_id: string | null;
  dedupe_key: string;
  resolved_at: Date | null;
}
const alertRows = (): Promise<AlertRow[]> =>
  t.ds.query('SELECT kind, severity, title, entity_id, team_id, dedupe_key, resolved_at FROM alerts ORDER BY kind, title');
const open = async () => (await alertRows()).filter((a) => !a.resolved_at).map((a) => `${a.kind}:${a.severity}:${a.entity_id}`).sort();
const hoursAgo = (h: number) => fromNow(-h * 60);

describe('alert-rules', () => {
  it('raises an alert per condition once, notifies the team’s manager (else the admins), and resolves cleared ones', async () => {
    const customer = await createCustomer(t.ds, { teamId: managed });
    const hot = await createLead(t.ds, { teamId: managed, contactName: 'Hot Harriet', score: 82, createdAt: hoursAgo(2) });
    await createLead(t.ds, { teamId: managed, score: 90, createdAt: fromNow(-30) });
    await createLead(t.ds, { teamId: managed, score: 60, createdAt: hoursAgo(2) });
    await createLead(t.ds, { teamId: managed, score: 95, createdAt: hoursAgo(2), assigneeId: manager.id });
    await createLead(t.ds, { teamId: managed, score: 95, createdAt: hoursAgo(2), status: 'LOST', lostReason: 'price' });
    const slightly = await createProject(t.ds, customer, { name: 'Slightly over', budget: '1000.00', actualCost: '1050.00' });
    const far = await createProject(t.ds, customer, { name: 'Far over', budget: '1000.00', actualCost: '1200.00' });
    await createProject(t.ds, customer, { budget: '1000.00', actualCost: '1000.00' });
    await createProject(t.ds, customer, { budget: '1000.00', actualCost: '2000.00', status: 'CANCELLED' });
    await createProject(t.ds, customer, { budget: null, actualCost: '2000.00' });
    const other = await createCustomer(t.ds, { teamId: unmanaged });
    const lonely = await createAppointment(t.ds, other, { title: 'Lonely inspection', startsAt: fromNow(600), endsAt: fromNow(660) });
    await createAppointment(t.ds, other, { startsAt: fromNow(60 * 50), endsAt: fromNow(60 * 51) });
    await createAppointment(t.ds, other, { startsAt: fromNow(60), endsAt: fromNow(90), status: 'CANCELLED' });
    await createAppointment(t.ds, other, { startsAt: fromNow(120), endsAt: fromNow(150), assigneeId: manager.id });

    expect(await runJob(t, 'alert-rules')).toMatchObject({
      state: 'completed',
      output: {
        HOT_LEAD_UNASSIGNED: { raised: 1, resolved: 0 },
        PROJECT_OVER_BUDGET: { raised: 2, resolved: 0 },
        APPOINTMENT_UNASSIGNED: { raised: 1, resolved: 0 },
      },
    });
    expect(await open()).toEqual(
      [
        `APPOINTMENT_UNASSIGNED:WARNING:${lonely.id}`,
        `HOT_LEAD_UNASSIGNED:WARNING:${hot.id}`,
        `PROJECT_OVER_BUDGET:CRITICAL:${far.id}`,
        `PROJECT_OVER_BUDGET:WARNING:${slightly.id}`,
      ].sort(),
    );
    const rows = await alertRows();
    expect(rows.find((a) => a.entity_id === hot.id)).toMatchObject({ title: 'Hot lead unassigned: Hot Harriet (score 82)', team_id: managed, dedupe_key: `HOT_LEAD_UNASSIGNED:${hot.id}` });
    expect(rows.find((a) => a.entity_id === far.id)).toMatchObject({ title: 'Far over is over budget', dedupe_key: `PROJECT_OVER_BUDGET:${far.id}:CRITICAL` });
    expect(rows.find((a) => a.entity_id === lonely.id)).toMatchObject({ team_id: unmanaged, title: expect.stringMatching(/^Nobody assigned: Lonely inspection — /) });

    // The manager hears about their team's three alerts; both active admins about the unmanaged team's one.
    const recipients = (await notificationsOfKind(t.ds, 'ALERT')).map((n) => `${n.recipient_id}:${n.entity_id}`).sort();
    expect(recipients).toEqual(
      [`${manager.id}:${hot.id}`, `${manager.id}:${slightly.id}`, `${manager.id}:${far.id}`, ...admins.map((a) => `${a.id}:${lonely.id}`)].sort(),
    );

    // Idempotent: nothing new while the same conditions hold.
    expect(await runJob(t, 'alert-rules')).toMatchObject({ output: { PROJECT_OVER_BUDGET: { raised: 0, resolved: 0 } } });
    expect(await alertRows()).toHaveLength(4);
    expect(await notificationsOfKind(t.ds, 'ALERT')).toHaveLength(5);

    // Conditions change: the lead gets an owner, the appointment too, the small overrun escalates past 10 %.
    await t.ds.query('UPDATE leads SET assignee_id = $2 WHERE id = $1', [hot.id, manager.id]);
    await t.ds.query('UPDATE appointments SET assignee_id = $2 WHERE id = $1', [lonely.id, manager.id]);
    await t.ds.query(`UPDATE projects SET actual_cost = 1150 WHERE id = $1`, [slightly.id]);
    expect(await runJob(t, 'alert-rules')).toMatchObject({
      output: {
        HOT_LEAD_UNASSIGNED: { raised: 0, resolved: 1 },
        PROJECT_OVER_BUDGET: { raised: 1, resolved: 1 },
        APPOINTMENT_UNASSIGNED: { raised: 0, resolved: 1 },
      },
    });
    expect(await open()).toEqual([`PROJECT_OVER_BUDGET:CRITICAL:${far.id}`, `PROJECT_OVER_BUDGET:CRITICAL:${slightly.id}`].sort());
    expect(await notificationsOfKind(t.ds, 'ALERT')).toHaveLength(6);
  });

  it('does not raise again what a person resolved by hand while the same condition holds', async () => {
    const [far] = await t.ds.query(`SELECT id FROM alerts WHERE title = 'Far over is over budget' AND resolved_at IS NULL`);
    await t.ds.query('UPDATE alerts SET resolved_at = now(), resolved_by = $2 WHERE id = $1', [far.id, admins[0]!.id]);
    expect(await runJob(t, 'alert-rules')).toMatchObject({ output: { PROJECT_OVER_BUDGET: { raised: 0, resolved: 0 } } });
    expect((await open()).filter((a) => a.startsWith('PROJECT_OVER_BUDGET'))).toHaveLength(1);
  });
});
