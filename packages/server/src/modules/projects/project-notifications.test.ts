import { createCustomer, createProject, createUser, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { NOTIFICATIONS, notificationsOfKind } from '../../../test/notification-factories';
import { createCast } from '../../../test/projects-factories';
import { toGlobalId } from '../../platform/graphql/global-id';
import type { CustomerEntity } from '../customers/customer.entity';

const { t, w: c } = useTestApp(createCast);
let tech2: Session;
let customer: CustomerEntity;

beforeAll(async () => {
  tech2 = await signedIn(t, 'FIELD_TECH', c.team.id);
  customer = await createCustomer(t.ds, { teamId: c.team.id });
});
beforeEach(() => t.ds.query('DELETE FROM notifications'));

const UPDATE = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { project { status } errors { field code } } }`;
const update = async (i: Record<string, unknown>, s: Session) => (await t.gql(UPDATE, { i }, s.accessToken)).body.data.updateProject;
const notified = async () => (await notificationsOfKind(t.ds, 'PROJECT_STATUS_CHANGED')).map((n) => n.recipient_id).sort();

describe('PROJECT_STATUS_CHANGED', () => {
  it('tells every active crew member but the one who changed it', async () => {
    const inactive = await createUser(t.ds, { role: 'FIELD_TECH', teamId: c.team.id, active: false });
    const p = await createProject(t.ds, customer, { name: 'Smith roof' }, [c.tech.user.id, tech2.user.id, inactive.id, c.sales.user.id]);
    expect(await update({ id: toGlobalId('Project', p.id), status: 'SCHEDULED' }, c.sales)).toEqual({ project: { status: 'SCHEDULED' }, errors: [] });
    expect(await notified()).toEqual([c.tech.user.id, tech2.user.id].sort());
    const r = await t.gql(NOTIFICATIONS, {}, c.tech.accessToken);
    expect(r.body.data.notifications.edges.map((e: { node: unknown }) => e.node)).toEqual([
      expect.objectContaining({
        kind: 'PROJECT_STATUS_CHANGED',
        title: 'Smith roof is now Scheduled',
        body: `Changed by ${c.sales.user.name}`,
        subject: { __typename: 'Project', id: toGlobalId('Project', p.id) },
      }),
    ]);
  });

  it('tells the rest of the crew when a field tech reports progress', async () => {
    const p = await createProject(t.ds, customer, { name: 'Lee garage', status: 'SCHEDULED' }, [c.tech.user.id, tech2.user.id]);
    expect(await update({ id: toGlobalId('Project', p.id), status: 'IN_PROGRESS', completionPercentage: 10 }, c.tech)).toMatchObject({ errors: [] });
    expect(await notified()).toEqual([tech2.user.id]);
    expect((await notificationsOfKind(t.ds, 'PROJECT_STATUS_CHANGED'))[0]!.title).toBe('Lee garage is now In progress');
  });

  it('tells nobody when the status stays or the change is refused', async () => {
    const p = await createProject(t.ds, customer, {}, [c.tech.user.id]);
    const id = toGlobalId('Project', p.id);
    expect(await update({ id, name: 'Renamed', status: 'PLANNING' }, c.manager)).toMatchObject({ errors: [] });
    expect(await update({ id, status: 'COMPLETED' }, c.manager)).toMatchObject({ errors: [{ field: ['status'], code: 'INVALID_TRANSITION' }] });
    expect(await update({ id, status: 'SCHEDULED' }, c.otherManager)).toMatchObject({ errors: [{ code: 'NOT_FOUND' }] });
    expect(await notified()).toEqual([]);
  });
});
