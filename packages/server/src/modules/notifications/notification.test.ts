import { createCustomer, createLead, createProject, createTeam, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { NOTIFICATIONS, createNotification } from '../../../test/notification-factories';
import { toGlobalId } from '../../platform/graphql/global-id';

const { t } = useTestApp();
let sales: Session, other: Session;
let teamId: string;

const MARK = `mutation($id: ID!) { markNotificationRead(id: $id) { markedCount unreadCount errors { field code message } } }`;
const MARK_ALL = `mutation { markAllNotificationsRead { markedCount unreadCount errors { field code } } }`;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 12, minute));

const list = async (s: Session, vars: Record<string, unknown> = {}) => {
  const r = await t.gql(NOTIFICATIONS, vars, s.accessToken);
  if (!r.body.data) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.notifications;
};
const titles = (c: { edges: Array<{ node: { title: string } }> }) => c.edges.map((e) => e.node.title);

beforeAll(async () => {
  teamId = (await createTeam(t.ds)).id;
  sales = await signedIn(t, 'SALES', teamId);
  other = await signedIn(t, 'SALES', teamId);
});

describe('notifications', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const mk = async (title: string, minute: number, over: { readAt?: Date; recipientId?: string } = {}) =>
      (await createNotification(t.ds, { recipientId: sales.user.id, title, createdAt: at(minute), ...over })).id;
    ids = {
      first: await mk('first', 1),
      second: await mk('second', 2, { readAt: at(3) }),
      third: await mk('third', 3),
      fourth: await mk('fourth', 4),
      others: await mk('not yours', 5, { recipientId: other.user.id }),
    };
  });

  it('lists only your own, newest first, with the total and the unread count', async () => {
    const c = await list(sales);
    expect(titles(c)).toEqual(['fourth', 'third', 'second', 'first']);
    expect(c).toMatchObject({ totalCount: 4, unreadCount: 3 });
    expect(c.edges[2].node).toMatchObject({ id: toGlobalId('Notification', ids.second!), kind: 'FOLLOW_UP_DUE', readAt: at(3).toISOString() });
    expect(c.edges[0].node.readAt).toBeNull();
  });

  it('pages by cursor in both directions', async () => {
    const page1 = await list(sales, { first: 2 });
    expect(titles(page1)).toEqual(['fourth', 'third']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list(sales, { first: 2, after: page1.pageInfo.endCursor });
    expect(titles(page2)).toEqual(['second', 'first']);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(titles(await list(sales, { last: 1, before: page2.edges[0].cursor }))).toEqual(['third']);
  });

  it('filters to unread ones; the unread count does not depend on the filter', async () => {
    const c = await list(sales, { unreadOnly: true, first: 1 });
    expect(titles(c)).toEqual(['fourth']);
    expect(c).toMatchObject({ totalCount: 3, unreadCount: 3 });
  });

  it('marks one read, idempotently; someone else’s or a malformed id is NOT_FOUND and changes nothing', async () => {
    const mark = async (id: string, s = sales) => (await t.gql(MARK, { id }, s.accessToken)).body.data.markNotificationRead;
    expect(await mark(toGlobalId('Notification', ids.third!))).toEqual({ markedCount: 1, unreadCount: 2, errors: [] });
    expect(await mark(toGlobalId('Notification', ids.third!))).toEqual({ markedCount: 0, unreadCount: 2, errors: [] });
    const notFound = { markedCount: 0, unreadCount: 2, errors: [{ field: ['id'], code: 'NOT_FOUND', message: 'No such notification.' }] };
    expect(await mark(toGlobalId('Notification', ids.others!))).toEqual(notFound);
    expect(await mark(toGlobalId('Lead', ids.first!))).toEqual(notFound);
    expect(await mark('garbage')).toEqual(notFound);
    const [row] = await t.ds.query('SELECT read_at FROM notifications WHERE id = $1', [ids.others]);
    expect(row.read_at).toBeNull();
    expect(titles(await list(sales, { unreadOnly: true }))).toEqual(['fourth', 'first']);
  });

  it('marks all your own read, and only yours', async () => {
    const r = await t.gql(MARK_ALL, {}, sales.accessToken);
    expect(r.body.data.markAllNotificationsRead).toEqual({ markedCount: 2, unreadCount: 0, errors: [] });
    expect((await t.gql(MARK_ALL, {}, sales.accessToken)).body.data.markAllNotificationsRead).toEqual({ markedCount: 0, unreadCount: 0, errors: [] });
    expect(await list(other)).toMatchObject({ totalCount: 1, unreadCount: 1 });
  });

  it('needs a signed-in user', async () => {
    const r = await t.gql(NOTIFICATIONS, {});
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('Notification.subject', () => {
  it('resolves the record under the viewer’s own visibility rules, null when hidden or gone', async () => {
    const viewer = await signedIn(t, 'SALES', teamId);
    const otherTeam = (await createTeam(t.ds)).id;
    const mine = await createLead(t.ds, { teamId, assigneeId: viewer.user.id });
    const colleagues = await createLead(t.ds, { teamId, assigneeId: other.user.id });
    const foreign = await createLead(t.ds, { teamId: otherTeam });
    const deleted = await createLead(t.ds, { teamId, assigneeId: viewer.user.id, deletedAt: new Date() });
    const project = await createProject(t.ds, await createCustomer(t.ds, { teamId }));
    const about = [
      ['Lead', mine.id],
      ['Lead', colleagues.id],
      ['Lead', foreign.id],
      ['Lead', deleted.id],
      ['Project', project.id],
      [null, null],
    ] as const;
    for (const [i, [type, id]] of about.entries()) {
      await createNotification(t.ds, { recipientId: viewer.user.id, title: `n${i}`, entityType: type, entityId: id, createdAt: at(i) });
    }
    const before = t.queries.length;
    const c = await list(viewer);
    // One batched lookup per subject type for the whole page.
    expect(t.queries.slice(before).filter((q) => /FROM "leads"/.test(q))).toHaveLength(1);
    const subjects = c.edges.map((e: { node: { subject: unknown } }) => e.node.subject).reverse();
    expect(subjects).toEqual([
      { __typename: 'Lead', id: toGlobalId('Lead', mine.id) },
      null,
      null,
      null,
      { __typename: 'Project', id: toGlobalId('Project', project.id) },
      null,
    ]);
  });
});
