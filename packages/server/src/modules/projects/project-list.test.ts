import type { ProjectOrderField } from '../../generated/graphql';
import { fromGlobalId, toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, createTeam, createUser, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t } = useTestApp();
let admin: Session;
let sales: Session;
const ids = { team: '', alder: '', member: '' };
beforeAll(async () => {
  const team = await createTeam(t.ds);
  admin = await signedIn(t, 'ADMIN');
  sales = await signedIn(t, 'SALES', team.id);
  const alder = await createCustomer(t.ds, { name: 'Alder Homes', teamId: team.id });
  const birch = await createCustomer(t.ds, { name: 'Birch Estates', teamId: team.id });
  const member = await createUser(t.ds, { role: 'FIELD_TECH' });
  Object.assign(ids, { team: toGlobalId('Team', team.id), alder: toGlobalId('Customer', alder.id), member: toGlobalId('User', member.id) });
  const add = (customer: typeof alder, name: string, over: Parameters<typeof createProject>[2], crew: string[] = []) =>
    createProject(t.ds, customer, { name, ...over }, crew);
  await add(alder, 'Maple roof', { projectType: 'FULL_REPLACEMENT', status: 'PLANNING', budget: '500.00', startDate: '2026-03-01' }, [member.id]);
  await add(alder, 'Oak gutters', { projectType: 'GUTTERS', status: 'SCHEDULED', budget: null, startDate: '2026-03-05' });
  await add(birch, 'Pine siding', { projectType: 'SIDING', status: 'IN_PROGRESS', budget: '1500.00', startDate: null });
  await add(birch, 'Cedar repair', { projectType: 'REPAIR', status: 'COMPLETED', budget: '1000.00', startDate: '2026-02-20' }, [member.id]);
  await add(birch, 'Elm storm 100%', { projectType: 'STORM_DAMAGE', status: 'CANCELLED', budget: '20.00', startDate: '2026-03-10' });
  await add(alder, 'Fir repair', { projectType: 'REPAIR', status: 'PLANNING', budget: '500.00', startDate: null });
  await add(alder, 'Ash inspection', { projectType: 'INSPECTION', budget: '10.00', deletedAt: new Date() });
  // Another team's project, to check the team filter.
  await createProject(t.ds, await createCustomer(t.ds, { name: 'Alder Elsewhere', teamId: (await createTeam(t.ds)).id }), { name: 'Maple elsewhere' });
});

const Q = `query($f: ProjectFilter, $o: ProjectOrder, $first: Int, $after: String, $last: Int, $before: String) {
  projects(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
type Page = { totalCount: number; edges: Array<{ node: { name: string } }>; pageInfo: Record<string, any> };
const list = async (vars: Record<string, unknown>, token = admin.accessToken): Promise<Page> => {
  const r = await t.gql(Q, vars, token);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.projects;
};
const names = (p: Page) => p.edges.map((e) => e.node.name);
const inTeam = (f: Record<string, unknown> = {}) => ({ teamId: ids.team, ...f });

describe('projects filters', () => {
  it.each([
    ['search on the project name', () => ({ search: '  MAPLE ' }), ['Maple roof']],
    ["search on the customer's name", () => ({ search: 'birch' }), ['Cedar repair', 'Elm storm 100%', 'Pine siding']],
    ['search with a wildcard character', () => ({ search: '100%' }), ['Elm storm 100%']],
    ['search that matches nothing', () => ({ search: 'slate' }), []],
    ['statuses', () => ({ statuses: ['PLANNING', 'IN_PROGRESS'] }), ['Fir repair', 'Maple roof', 'Pine siding']],
    ['projectTypes', () => ({ projectTypes: ['GUTTERS', 'REPAIR'] }), ['Cedar repair', 'Fir repair', 'Oak gutters']],
    ['memberId', () => ({ memberId: ids.member }), ['Cedar repair', 'Maple roof']],
    ['customerId', () => ({ customerId: ids.alder }), ['Fir repair', 'Maple roof', 'Oak gutters']],
    ['budget range (inclusive)', () => ({ budget: { min: '20', max: '1000.00' } }), ['Cedar repair', 'Elm storm 100%', 'Fir repair', 'Maple roof']],
    ['budget minimum', () => ({ budget: { min: '1000.01' } }), ['Pine siding']],
    ['startDate range from midnight', () => ({ startDate: { from: '2026-03-01T00:00:00Z', to: '2026-03-05T00:00:00Z' } }), ['Maple roof', 'Oak gutters']],
    ['startDate range after midnight', () => ({ startDate: { from: '2026-02-28T23:00:00-05:00', to: '2026-03-09T23:59:59Z' } }), ['Oak gutters']],
    ['combined conditions', () => ({ search: 'birch', statuses: ['COMPLETED', 'PLANNING'] }), ['Cedar repair']],
    ['deleted', () => ({ deleted: true }), ['Ash inspection']],
    ['an unknown customer id', () => ({ customerId: toGlobalId('Customer', '00000000-0000-4000-8000-000000000000') }), []],
    ['a malformed member id', () => ({ memberId: 'nope' }), []],
  ] as Array<[string, () => Record<string, unknown>, string[]]>)('%s', async (_, filter, expected) => {
    const page = await list({ f: inTeam(filter()), o: { field: 'NAME', direction: 'ASC' } });
    expect(names(page)).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
  });

  it('filters by team', async () => {
    expect(names(await list({ f: { search: 'maple' }, o: { field: 'NAME', direction: 'ASC' } }))).toEqual(['Maple elsewhere', 'Maple roof']);
    expect(names(await list({ f: { teamId: toGlobalId('Team', '00000000-0000-4000-8000-000000000000') } }))).toEqual([]);
  });

  it('deleted projects only for admins and managers', async () => {
    expect((await list({ f: { deleted: true } }, sales.accessToken)).totalCount).toBe(0);
    expect((await list({ f: { deleted: false } }, sales.accessToken)).totalCount).toBe(6);
  });
});

describe('projects ordering and pagination', () => {
  /** The expected order, straight from SQL. */
  const expected = async (sql: string): Promise<string[]> =>
    (await t.ds.query(`SELECT name FROM projects p WHERE deleted_at IS NULL AND team_id = $1 ORDER BY ${sql}`, [fromGlobalId(ids.team)!.id])).map(
      (r: { name: string }) => r.name,
    );

  /** Every page of 2 forward, then every page of 2 backward from the end; both must give the same order. */
  async function walk(o: Record<string, unknown> | undefined): Promise<string[]> {
    const forward: string[] = [];
    let page = await list({ f: inTeam(), o, first: 2 });
    forward.push(...names(page));
    while (page.pageInfo.hasNextPage) {
      page = await list({ f: inTeam(), o, first: 2, after: page.pageInfo.endCursor });
      expect(page.totalCount).toBe(6);
      forward.push(...names(page));
    }
    const backward: string[] = [];
    page = await list({ f: inTeam(), o, last: 2 });
    backward.unshift(...names(page));
    while (page.pageInfo.hasPreviousPage) {
      page = await list({ f: inTeam(), o, last: 2, before: page.pageInfo.startCursor });
      backward.unshift(...names(page));
    }
    expect(backward).toEqual(forward);
    return forward;
  }

  it.each([
    ['BUDGET', 'ASC', 'p.budget ASC NULLS LAST, p.id ASC'],
    ['BUDGET', 'DESC', 'p.budget DESC NULLS LAST, p.id DESC'],
    ['START_DATE', 'ASC', 'p.start_date ASC NULLS LAST, p.id ASC'],
    ['START_DATE', 'DESC', 'p.start_date DESC NULLS LAST, p.id DESC'],
    ['NAME', 'ASC', 'p.name ASC, p.id ASC'],
    ['NAME', 'DESC', 'p.name DESC, p.id DESC'],
    ['CREATED_AT', 'ASC', 'p.created_at ASC, p.id ASC'],
    ['UPDATED_AT', 'DESC', 'p.updated_at DESC, p.id DESC'],
  ] as Array<[ProjectOrderField, string, string]>)('%s %s', async (field, direction, sql) => {
    expect(await walk({ field, direction })).toEqual(await expected(sql));
  });

  it('newest first by default; without a budget or start date last', async () => {
    expect(await walk(undefined)).toEqual(await expected('p.created_at DESC, p.id DESC'));
    const byBudget = names(await list({ f: inTeam(), o: { field: 'BUDGET', direction: 'ASC' } }));
    expect(byBudget[0]).toBe('Elm storm 100%');
    expect(byBudget.at(-1)).toBe('Oak gutters');
    const byStart = names(await list({ f: inTeam(), o: { field: 'START_DATE', direction: 'DESC' } }));
    expect(byStart.slice(0, 4)).toEqual(['Elm storm 100%', 'Oak gutters', 'Maple roof', 'Cedar repair']);
  });

  it('rejects a malformed cursor and too large pages', async () => {
    const bad = await t.gql(Q, { o: { field: 'NAME' }, after: Buffer.from('["x"]').toString('base64url') }, admin.accessToken);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await t.gql(Q, { first: 101 }, admin.accessToken);
    expect(big.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
