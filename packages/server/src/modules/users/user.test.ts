import type { Role } from '../../generated/graphql';
import { toGlobalId } from '../../platform/graphql/global-id';
import { createTeam, createUser, signedIn, type Session } from '../../../test/factories';
import { useTestApp, subscribed } from '../../../test/harness';

const { t } = useTestApp();
const as: Partial<Record<Role, Session>> = {};
beforeAll(async () => {
  for (const role of ['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH'] as Role[]) as[role] = await signedIn(t, role);
});

const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id email role team { name } } errors { field code message } } }`;
const UPDATE = `mutation($i: UpdateUserInput!) { updateUser(input: $i) { user { id role team { id } } errors { field code } } }`;
const code = (r: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => r.body.errors?.[0]?.extensions?.code;
const newUser = (over: Record<string, unknown> = {}) => ({
  name: 'New Person',
  email: `new.${Math.random().toString(36).slice(2)}@example.com`,
  password: 'a long enough password',
  role: 'SALES',
  ...over,
});

describe('who may call the admin operations', () => {
  const target = () => createUser(t.ds).then((u) => toGlobalId('User', u.id));
  const ops: Array<[string, () => Promise<[string, Record<string, unknown>]>]> = [
    ['createUser', async () => [CREATE, { i: newUser() }]],
    ['updateUser', async () => [UPDATE, { i: { id: await target(), role: 'MANAGER' } }]],
    ['deactivateUser', async () => ['mutation($id: ID!) { deactivateUser(id: $id) { errors { code } } }', { id: await target() }]],
    ['reactivateUser', async () => ['mutation($id: ID!) { reactivateUser(id: $id) { errors { code } } }', { id: await target() }]],
    ['createTeam', async () => ['mutation($i: CreateTeamInput!) { createTeam(input: $i) { errors { code } } }', { i: { name: `T ${Math.random()}` } }]],
  ];
  const expected: Record<Role, string | undefined> = { ADMIN: undefined, MANAGER: 'FORBIDDEN', SALES: 'FORBIDDEN', FIELD_TECH: 'FORBIDDEN' };

  for (const [name, build] of ops) {
    it.each(Object.keys(expected) as Role[])(`${name} as %s`, async (role) => {
      const [query, vars] = await build();
      const r = await t.gql(query, vars, as[role]!.accessToken);
      expect(code(r)).toBe(expected[role]);
      if (!expected[role]) expect(r.body.data[name].errors).toEqual([]);
      else expect(r.body.data).toBeNull();
    });
    it(`${name} without a token is UNAUTHENTICATED`, async () => {
      const [query, vars] = await build();
      expect(code(await t.gql(query, vars))).toBe('UNAUTHENTICATED');
    });
  }

  it.each([
    ['ADMIN', undefined],
    ['MANAGER', undefined],
    ['SALES', 'FORBIDDEN'],
    ['FIELD_TECH', 'FORBIDDEN'],
  ] as const)('users list as %s', async (role, expectedCode) => {
    const r = await t.gql('{ users(first: 1) { totalCount } }', {}, as[role]!.accessToken);
    expect(code(r)).toBe(expectedCode);
  });
});

describe('createUser and updateUser', () => {
  it('creates a user who can then sign in', async () => {
    const team = await createTeam(t.ds, 'Gutter Crew');
    const input = newUser({ email: 'Fresh.Hire@Example.com', teamId: toGlobalId('Team', team.id), role: 'FIELD_TECH' });
    const r = await t.gql(CREATE, { i: input }, as.ADMIN!.accessToken);
    expect(r.body.data.createUser).toMatchObject({ errors: [], user: { email: 'Fresh.Hire@Example.com', role: 'FIELD_TECH', team: { name: 'Gutter Crew' } } });
    const login = await t.gql('mutation($i: LoginInput!) { login(input: $i) { errors { code } } }', {
      i: { email: 'fresh.hire@example.com', password: input.password },
    });
    expect(login.body.data.login.errors).toEqual([]);
  });

  it('reports every bad field as a UserError and creates nothing', async () => {
    await createUser(t.ds, { email: 'taken@example.com' });
    const before = await t.ds.query('SELECT count(*)::int AS n FROM users');
    const r = await t.gql(
      CREATE,
      { i: newUser({ name: ' ', email: 'TAKEN@example.com', password: 'short', teamId: toGlobalId('Team', '00000000-0000-4000-8000-000000000000') }) },
      as.ADMIN!.accessToken,
    );
    expect(r.body.data.createUser.user).toBeNull();
    expect(r.body.data.createUser.errors.map((e: { field: string[]; code: string }) => [e.field.join('.'), e.code]).sort()).toEqual([
      ['email', 'TAKEN'],
      ['name', 'REQUIRED'],
      ['password', 'INVALID'],
      ['teamId', 'NOT_FOUND'],
    ]);
    expect(await t.ds.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  it('rejects a malformed e-mail and a too-long name', async () => {
    const bad = await t.gql(CREATE, { i: newUser({ email: 'not-an-email' }) }, as.ADMIN!.accessToken);
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const long = await t.gql(CREATE, { i: newUser({ name: 'x'.repeat(121) }) }, as.ADMIN!.accessToken);
    expect(long.body.data.createUser.errors).toEqual([{ field: ['name'], code: 'TOO_LONG', message: 'Name must be at most 120 characters.' }]);
  });

  it('changes role and team; the role applies to the next request', async () => {
    const s = await signedIn(t, 'SALES');
    expect(code(await t.gql('{ users(first: 1) { totalCount } }', {}, s.accessToken))).toBe('FORBIDDEN');
    const team = await createTeam(t.ds);
    const r = await t.gql(UPDATE, { i: { id: s.id, role: 'MANAGER', teamId: toGlobalId('Team', team.id) } }, as.ADMIN!.accessToken);
    expect(r.body.data.updateUser).toEqual({ user: { id: s.id, role: 'MANAGER', team: { id: toGlobalId('Team', team.id) } }, errors: [] });
    expect(code(await t.gql('{ users(first: 1) { totalCount } }', {}, s.accessToken))).toBeUndefined();
  });

  it('an admin cannot demote or deactivate themselves', async () => {
    const demote = await t.gql(UPDATE, { i: { id: as.ADMIN!.id, role: 'SALES' } }, as.ADMIN!.accessToken);
    expect(demote.body.data.updateUser.errors).toEqual([{ field: ['role'], code: 'FORBIDDEN' }]);
    const off = await t.gql('mutation($id: ID!) { deactivateUser(id: $id) { errors { field code } } }', { id: as.ADMIN!.id }, as.ADMIN!.accessToken);
    expect(off.body.data.deactivateUser.errors).toEqual([{ field: ['id'], code: 'FORBIDDEN' }]);
  });

  it('an unknown id is NOT_FOUND', async () => {
    const r = await t.gql(UPDATE, { i: { id: toGlobalId('User', '00000000-0000-4000-8000-000000000000'), name: 'X' } }, as.ADMIN!.accessToken);
    expect(r.body.data.updateUser.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
  });
});

describe('users connection', () => {
  it('pages forward and backward with cursors and filters', async () => {
    const team = await createTeam(t.ds);
    for (let i = 0; i < 7; i++) await createUser(t.ds, { teamId: team.id, name: `Pager ${i}` });
    const Q = `query($f: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {
      users(filter: $f, first: $first, after: $after, last: $last, before: $before) {
        totalCount edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    // Rows created in the same millisecond tie on created_at; the id breaks the tie, as in the API.
    const order: string[] = (
      await t.ds.query('SELECT name FROM users WHERE team_id = $1 ORDER BY created_at DESC, id DESC', [team.id])
    ).map((r: { name: string }) => r.name);
    const names = (c: any) => c.edges.map((e: any) => e.node.name);
    const f = { teamId: toGlobalId('Team', team.id) };
    const p1 = (await t.gql(Q, { f, first: 3 }, as.ADMIN!.accessToken)).body.data.users;
    expect(p1.totalCount).toBe(7);
    expect(names(p1)).toEqual(order.slice(0, 3));
    expect(p1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const p2 = (await t.gql(Q, { f, first: 3, after: p1.pageInfo.endCursor }, as.ADMIN!.accessToken)).body.data.users;
    expect(names(p2)).toEqual(order.slice(3, 6));
    const p3 = (await t.gql(Q, { f, first: 3, after: p2.pageInfo.endCursor }, as.ADMIN!.accessToken)).body.data.users;
    expect(names(p3)).toEqual(order.slice(6));
    expect(p3.pageInfo.hasNextPage).toBe(false);
    const back = (await t.gql(Q, { f, last: 2, before: p3.pageInfo.startCursor }, as.ADMIN!.accessToken)).body.data.users;
    expect(names(back)).toEqual(order.slice(4, 6));
    expect(back.pageInfo.hasPreviousPage).toBe(true);

    const search = (await t.gql(Q, { f: { ...f, search: 'pager 3' } }, as.ADMIN!.accessToken)).body.data.users;
    expect(names(search)).toEqual(['Pager 3']);
  });

  it('caps the page size with a clear error', async () => {
    const r = await t.gql('{ users(first: 101) { totalCount } }', {}, as.ADMIN!.accessToken);
    expect(r.body.errors![0]).toMatchObject({ message: '`first` must be between 0 and 100.', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });

  it('rejects a forged cursor', async () => {
    const r = await t.gql('{ users(first: 5, after: "bm90LWEtY3Vyc29y") { totalCount } }', {}, as.ADMIN!.accessToken);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('viewerUpdated subscription', () => {
  it('tells a signed-in user when an admin changes their account', async () => {
    const s = await signedIn(t, 'SALES');
    const sub = await subscribed(t, t.wsClient(s.accessToken), 'subscription { viewerUpdated { id role name } }');
    await t.gql(UPDATE, { i: { id: s.id, role: 'MANAGER' } }, as.ADMIN!.accessToken);
    await sub.waitFor(1);
    expect(sub.results[0]).toEqual({ data: { viewerUpdated: { id: s.id, role: 'MANAGER', name: s.user.name } } });
    sub.unsubscribe();
  });
});

describe('updateProfile', () => {
  const PROFILE = `mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { user { id name email role } errors { field code message } } }`;

  it.each(['ADMIN', 'MANAGER', 'SALES', 'FIELD_TECH'] as Role[])('a %s changes their own name, and only that', async (role) => {
    const s = await signedIn(t, role);
    const r = await t.gql(PROFILE, { i: { name: `  Renamed ${role}  ` } }, s.accessToken);
    expect(r.body.data.updateProfile).toEqual({
      user: { id: s.id, name: `Renamed ${role}`, email: s.user.email, role },
      errors: [],
    });
    const me = await t.gql('{ me { name } }', {}, s.accessToken);
    expect(me.body.data.me.name).toBe(`Renamed ${role}`);
    const [audit] = await t.ds.query(`SELECT action FROM audit_log WHERE entity_type = 'User' AND entity_id = $1 AND actor_id = $1`, [s.user.id]);
    expect(audit).toEqual({ action: 'UPDATE' });
  });

  it('cannot change the e-mail, role or team (the input has no such fields)', async () => {
    const r = await t.gql(PROFILE, { i: { name: 'X', role: 'ADMIN' } }, as.FIELD_TECH!.accessToken);
    expect(code(r)).toBe('BAD_USER_INPUT');
  });

  it('reports a blank or too-long name next to the field and changes nothing', async () => {
    const s = await signedIn(t, 'SALES');
    const blank = await t.gql(PROFILE, { i: { name: '   ' } }, s.accessToken);
    expect(blank.body.data.updateProfile).toEqual({ user: null, errors: [{ field: ['name'], code: 'REQUIRED', message: 'Name is required.' }] });
    const long = await t.gql(PROFILE, { i: { name: 'x'.repeat(121) } }, s.accessToken);
    expect(long.body.data.updateProfile.errors).toEqual([{ field: ['name'], code: 'TOO_LONG', message: 'Name must be at most 120 characters.' }]);
    expect((await t.gql('{ me { name } }', {}, s.accessToken)).body.data.me.name).toBe(s.user.name);
  });

  it('needs a signed-in user', async () => {
    expect(code(await t.gql(PROFILE, { i: { name: 'Nobody' } }))).toBe('UNAUTHENTICATED');
  });

  it('tells the user’s other tabs through viewerUpdated', async () => {
    const s = await signedIn(t, 'FIELD_TECH');
    const sub = await subscribed(t, t.wsClient(s.accessToken), 'subscription { viewerUpdated { id name } }');
    await t.gql(PROFILE, { i: { name: 'Tech Renamed' } }, s.accessToken);
    await sub.waitFor(1);
    expect(sub.results[0]).toEqual({ data: { viewerUpdated: { id: s.id, name: 'Tech Renamed' } } });
    sub.unsubscribe();
  });
});
