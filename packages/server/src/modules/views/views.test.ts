import { fromGlobalId } from '../../platform/graphql/global-id';
import { signedIn, twoTeamCast, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t, w } = useTestApp(twoTeamCast);

const VIEW = `id table name filter { key value } sort { field direction } shared owner { name } team { name } canEdit`;
const PAYLOAD = `savedView { ${VIEW} } errors { field code message }`;
const CREATE = `mutation($i: CreateSavedViewInput!) { createSavedView(input: $i) { ${PAYLOAD} } }`;
const UPDATE = `mutation($i: UpdateSavedViewInput!) { updateSavedView(input: $i) { ${PAYLOAD} } }`;
const DELETE = `mutation($id: ID!) { deleteSavedView(id: $id) { deletedId errors { field code message } } }`;
const LIST = `query($t: String!) { savedViews(table: $t) { ${VIEW} } }`;
const PREFS = `query($t: String!) { tablePreferences(table: $t) { table columns density updatedAt } }`;
const SET_PREFS = `mutation($i: TablePreferencesInput!) { updateTablePreferences(input: $i) { preferences { table columns density } errors { field code message } } }`;

type Who = keyof typeof w.as;
const token = (who: Who | Session) => (typeof who === 'string' ? w.as[who]! : who).accessToken;
const gql = async (who: Who | Session, q: string, v: Record<string, unknown>): Promise<any> => (await t.gql(q, v, token(who))).body;

async function create(who: Who | Session, input: Record<string, unknown>) {
  return (await gql(who, CREATE, { i: { table: 'leads', filter: [], ...input } })).data.createSavedView as { savedView: any; errors: any[] };
}
const names = async (who: Who, table = 'leads') => ((await gql(who, LIST, { t: table })).data.savedViews as any[]).map((v) => v.name);

describe('table preferences', () => {
  it('are the table’s own until changed, then follow the user (columns in order, density)', async () => {
    expect((await gql('sales', PREFS, { t: 'customers' })).data.tablePreferences).toEqual({ table: 'customers', columns: [], density: 'COMPACT', updatedAt: null });
    const r = (await gql('sales', SET_PREFS, { i: { table: 'customers', columns: ['phone', 'name', 'city'], density: 'COMFORTABLE' } })).data.updateTablePreferences;
    expect(r).toEqual({ preferences: { table: 'customers', columns: ['phone', 'name', 'city'], density: 'COMFORTABLE' }, errors: [] });
    await gql('sales', SET_PREFS, { i: { table: 'customers', density: 'COMPACT' } });
    expect((await gql('sales', PREFS, { t: 'customers' })).data.tablePreferences).toMatchObject({ columns: ['phone', 'name', 'city'], density: 'COMPACT' });
    // Another user's set-up of the same table is their own.
    expect((await gql('manager', PREFS, { t: 'customers' })).data.tablePreferences.columns).toEqual([]);
  });

  it('refuse unknown columns, a column twice and unknown tables as UserErrors', async () => {
    const r = (await gql('sales', SET_PREFS, { i: { table: 'customers', columns: ['name', 'shoeSize', 'name'] } })).data.updateTablePreferences;
    expect(r.preferences).toBeNull();
    expect(r.errors.map((e: any) => [e.field.join('.'), e.code])).toEqual([
      ['input.columns.1', 'INVALID'],
      ['input.columns.2', 'INVALID'],
    ]);
    const bad = (await gql('sales', SET_PREFS, { i: { table: 'spaceships', density: 'COMPACT' } })).data.updateTablePreferences;
    expect(bad.errors).toEqual([expect.objectContaining({ field: ['input', 'table'], code: 'INVALID' })]);
    expect((await gql('sales', PREFS, { t: 'spaceships' })).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('are open to field techs only for the tables they may open (projects)', async () => {
    const ok = (await gql('tech', SET_PREFS, { i: { table: 'projects', columns: ['name', 'status'] } })).data.updateTablePreferences;
    expect(ok.preferences.columns).toEqual(['name', 'status']);
    const refused = (await gql('tech', SET_PREFS, { i: { table: 'customers', density: 'COMPACT' } })).data.updateTablePreferences;
    expect(refused.errors).toEqual([expect.objectContaining({ field: ['input', 'table'], code: 'FORBIDDEN' })]);
    expect((await gql('tech', PREFS, { t: 'leads' })).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await gql('tech', LIST, { t: 'leads' })).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('saved views', () => {
  it('saves a filter and order, audited, shared with the owner’s team', async () => {
    const r = await create('sales', {
      name: ' Hot new leads ',
      filter: [{ key: 'status', value: 'NEW' }, { key: 'priority', value: 'URGENT' }],
      sort: { field: 'SCORE', direction: 'DESC' },
      shared: true,
    });
    expect(r.errors).toEqual([]);
    expect(r.savedView).toMatchObject({
      table: 'leads',
      name: 'Hot new leads',
      filter: [{ key: 'status', value: 'NEW' }, { key: 'priority', value: 'URGENT' }],
      sort: { field: 'SCORE', direction: 'DESC' },
      shared: true,
      owner: { name: w.as.sales!.user.name },
      team: { name: 'North' },
      canEdit: true,
    });
    const id = fromGlobalId(r.savedView.id)!.id;
    expect(await t.ds.query(`SELECT entity_type, action FROM audit_log WHERE entity_id = $1`, [id])).toEqual([{ entity_type: 'SavedView', action: 'CREATE' }]);
  });

  it('shows personal views to their owner only, shared ones to the team (and admins)', async () => {
    const mate = await signedIn(t, 'SALES', w.north);
    await create(mate, { name: 'Mine only' });
    await create(mate, { name: 'Team board', shared: true });
    await create('otherSales', { name: 'South shared', shared: true });
    expect(await names('sales')).toEqual(expect.arrayContaining(['Team board']));
    expect(await names('sales')).not.toEqual(expect.arrayContaining(['Mine only']));
    expect(await names('sales')).not.toEqual(expect.arrayContaining(['South shared']));
    expect(await names('manager')).toEqual(expect.arrayContaining(['Team board']));
    expect(await names('otherManager')).toEqual(expect.arrayContaining(['South shared']));
    expect(await names('otherManager')).not.toEqual(expect.arrayContaining(['Team board']));
    expect(await names('admin')).toEqual(expect.arrayContaining(['Team board', 'South shared']));
    expect(await names('admin')).not.toEqual(expect.arrayContaining(['Mine only']));
    // Views of one table only.
    expect(await names('sales', 'customers')).not.toEqual(expect.arrayContaining(['Team board']));
  });

  it('lets the owner, admins and the team’s managers change or delete a shared view; nobody else', async () => {
    const { savedView } = await create('sales', { name: 'Follow-ups', shared: true, sort: { field: 'NEXT_FOLLOW_UP_AT' } });
    const mate = await signedIn(t, 'SALES', w.north);
    const seen = ((await gql(mate, LIST, { t: 'leads' })).data.savedViews as any[]).find((v) => v.id === savedView.id);
    expect(seen.canEdit).toBe(false);
    const refused = (await gql(mate, UPDATE, { i: { id: savedView.id, name: 'Mine now' } })).data.updateSavedView;
    expect(refused.errors).toEqual([expect.objectContaining({ field: ['id'], code: 'FORBIDDEN' })]);
    const unseen = (await gql('otherManager', UPDATE, { i: { id: savedView.id, name: 'Ours' } })).data.updateSavedView;
    expect(unseen.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    const renamed = (await gql('manager', UPDATE, { i: { id: savedView.id, name: 'Due follow-ups' } })).data.updateSavedView;
    expect(renamed.savedView).toMatchObject({ name: 'Due follow-ups', owner: { name: w.as.sales!.user.name }, canEdit: true });
    const personal = (await gql('sales', UPDATE, { i: { id: savedView.id, shared: false } })).data.updateSavedView;
    expect(personal.savedView).toMatchObject({ shared: false, team: null });
    // Personal again: the manager no longer sees it.
    expect((await gql('manager', DELETE, { id: savedView.id })).data.deleteSavedView.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
    expect((await gql('sales', DELETE, { id: savedView.id })).data.deleteSavedView).toEqual({ deletedId: savedView.id, errors: [] });
    const id = fromGlobalId(savedView.id)!.id;
    expect((await t.ds.query(`SELECT action FROM audit_log WHERE entity_id = $1`, [id])).map((r: any) => r.action).sort()).toEqual(
      ['CREATE', 'HARD_DELETE', 'UPDATE', 'UPDATE'].sort(),
    );
  });

  it.each([
    ['an unknown filter key', { filter: [{ key: 'shoeSize', value: '9' }] }, 'input.filter.0.key', 'INVALID'],
    ['a filter key twice', { filter: [{ key: 'q', value: 'a' }, { key: 'q', value: 'b' }] }, 'input.filter.1.key', 'INVALID'],
    ['an order the list does not have', { sort: { field: 'SHOE_SIZE' } }, 'input.sort.field', 'INVALID'],
    ['a blank name', { name: '  ' }, 'input.name', 'REQUIRED'],
    ['an unknown table', { table: 'spaceships' }, 'input.table', 'INVALID'],
  ])('refuses %s as a UserError naming the field', async (_what, input, field, code) => {
    const r = await create('sales', { name: 'Bad', ...input });
    expect(r.savedView).toBeNull();
    expect(r.errors).toContainEqual(expect.objectContaining({ field: field.split('.'), code }));
  });

  it('refuses a name the owner already uses for the table, and sharing without a team', async () => {
    await create('manager', { name: 'Weekly' });
    expect((await create('manager', { name: 'WEEKLY' })).errors).toEqual([expect.objectContaining({ field: ['input', 'name'], code: 'TAKEN' })]);
    expect((await create('manager', { name: 'Weekly', table: 'customers' })).errors).toEqual([]);
    expect((await create('admin', { name: 'Everyone', shared: true })).errors).toEqual([expect.objectContaining({ field: ['input', 'shared'], code: 'INVALID' })]);
  });

  it('a view is a node its viewers can fetch', async () => {
    const { savedView } = await create('sales', { name: 'By node', shared: true });
    const q = `query($id: ID!) { node(id: $id) { ... on SavedView { name } } }`;
    expect((await gql('manager', q, { id: savedView.id })).data.node).toEqual({ name: 'By node' });
    expect((await gql('otherManager', q, { id: savedView.id })).data.node).toBeNull();
  });
});
