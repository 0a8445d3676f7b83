import { createCustomer, createLead, createProject, createTeam, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { createAlert } from '../../../test/notification-factories';
import { toGlobalId } from '../../platform/graphql/global-id';
import type { AlertEntity } from './alert.entity';

const { t } = useTestApp();
let teamA: string, teamB: string;
let admin: Session, managerA: Session, headOfB: Session, sales: Session;
let alerts: Record<'a' | 'aResolved' | 'b' | 'global', AlertEntity>;
let leadA: string, projectB: string;

const ALERTS = `query($includeResolved: Boolean, $first: Int) {
  alerts(includeResolved: $includeResolved, first: $first) { id kind severity title body createdAt resolvedAt team { id } subject { __typename id } }
}`;
const RESOLVE = `mutation($id: ID!) { resolveAlert(id: $id) { id resolvedAt } }`;
const gid = (a: AlertEntity) => toGlobalId('Alert', a.id);
const alertIds = async (s: Session, vars: Record<string, unknown> = {}) => {
  const r = await t.gql(ALERTS, vars, s.accessToken);
  if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.alerts.map((a: { id: string }) => a.id);
};

beforeAll(async () => {
  [teamA, teamB] = [(await createTeam(t.ds)).id, (await createTeam(t.ds)).id];
  admin = await signedIn(t, 'ADMIN');
  managerA = await signedIn(t, 'MANAGER', teamA);
  headOfB = await signedIn(t, 'MANAGER');
  await t.ds.query('UPDATE teams SET manager_id = $1 WHERE id = $2', [headOfB.user.id, teamB]);
  sales = await signedIn(t, 'SALES', teamA);
  leadA = (await createLead(t.ds, { teamId: teamA })).id;
  projectB = (await createProject(t.ds, await createCustomer(t.ds, { teamId: teamB }))).id;
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));
  alerts = {
    a: await createAlert(t.ds, { kind: 'HOT_LEAD_UNASSIGNED', teamId: teamA, entityType: 'Lead', entityId: leadA, createdAt: at(1) }),
    aResolved: await createAlert(t.ds, { teamId: teamA, createdAt: at(2), resolvedAt: at(3) }),
    b: await createAlert(t.ds, { teamId: teamB, severity: 'CRITICAL', entityType: 'Project', entityId: projectB, createdAt: at(4) }),
    global: await createAlert(t.ds, { kind: 'APPOINTMENT_UNASSIGNED', createdAt: at(5) }),
  };
});

describe('alerts', () => {
  it('shows admins every open alert, newest first, and resolved ones on request', async () => {
    expect(await alertIds(admin)).toEqual([gid(alerts.global), gid(alerts.b), gid(alerts.a)]);
    expect(await alertIds(admin, { includeResolved: true, first: 2 })).toEqual([gid(alerts.global), gid(alerts.b)]);
    expect(await alertIds(admin, { includeResolved: true })).toHaveLength(4);
  });

  it('shows managers the alerts of the teams they are in or run', async () => {
    expect(await alertIds(managerA, { includeResolved: true })).toEqual([gid(alerts.aResolved), gid(alerts.a)]);
    expect(await alertIds(headOfB)).toEqual([gid(alerts.b)]);
  });

  it('resolves the subject through the viewer’s rules, and the team', async () => {
    const r = await t.gql(ALERTS, {}, managerA.accessToken);
    expect(r.body.data.alerts[0]).toMatchObject({
      kind: 'HOT_LEAD_UNASSIGNED',
      severity: 'WARNING',
      resolvedAt: null,
      team: { id: toGlobalId('Team', teamA) },
      subject: { __typename: 'Lead', id: toGlobalId('Lead', leadA) },
    });
    const b = (await t.gql(ALERTS, {}, admin.accessToken)).body.data.alerts[1];
    expect(b.subject).toEqual({ __typename: 'Project', id: toGlobalId('Project', projectB) });
  });

  it('is for admins and managers only, and bounds `first`', async () => {
    expect((await t.gql(ALERTS, {}, sales.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(ALERTS, { first: 0 }, admin.accessToken)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(ALERTS, { first: 101 }, admin.accessToken)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('resolveAlert', () => {
  it('resolves an alert of the manager’s team by hand, with an audit entry; again changes nothing', async () => {
    const r = await t.gql(RESOLVE, { id: gid(alerts.a) }, managerA.accessToken);
    expect(r.body.data.resolveAlert).toEqual({ id: gid(alerts.a), resolvedAt: expect.any(String) });
    const [row] = await t.ds.query('SELECT resolved_at, resolved_by FROM alerts WHERE id = $1', [alerts.a.id]);
    expect(row.resolved_by).toBe(managerA.user.id);
    const again = await t.gql(RESOLVE, { id: gid(alerts.a) }, admin.accessToken);
    expect(again.body.data.resolveAlert.resolvedAt).toBe(row.resolved_at.toISOString());
    const audit = await t.ds.query(`SELECT actor_id, action, team_id, changes FROM audit_log WHERE entity_type = 'Alert' AND entity_id = $1`, [alerts.a.id]);
    expect(audit).toEqual([
      {
        actor_id: managerA.user.id,
        action: 'UPDATE',
        team_id: teamA,
        changes: { resolvedAt: { before: null, after: row.resolved_at.toISOString() }, resolvedById: { before: null, after: managerA.user.id } },
      },
    ]);
    expect(await alertIds(managerA)).toEqual([]);
  });

  it('returns null for alerts the viewer does not see, and leaves them open', async () => {
    for (const id of [gid(alerts.b), gid(alerts.global), toGlobalId('Lead', alerts.b.id), 'garbage']) {
      expect((await t.gql(RESOLVE, { id }, managerA.accessToken)).body.data.resolveAlert).toBeNull();
    }
    expect((await t.gql(RESOLVE, { id: gid(alerts.b) }, sales.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await alertIds(admin)).toEqual([gid(alerts.global), gid(alerts.b)]);
  });
});
