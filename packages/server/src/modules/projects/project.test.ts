import { fromGlobalId, toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, createUser } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { createCast, errorPairs, PROJECT_FIELDS } from '../../../test/projects-factories';

const { t, w: c } = useTestApp(createCast);

const CREATE = `mutation($i: CreateProjectInput!) { createProject(input: $i) { project { ${PROJECT_FIELDS} } errors { field code message } } }`;
const UPDATE = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { project { ${PROJECT_FIELDS} } errors { field code } } }`;
const gid = (type: string, id: string) => toGlobalId(type, id);
const idFrom = (globalId: string) => fromGlobalId(globalId)!.id;
const count = async (sql: string, params: unknown[] = []) => (await t.ds.query(sql, params))[0].n as number;
const gqlCode = (r: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => r.body.errors?.[0]?.extensions?.code;

describe('createProject', () => {
  it('creates a planning project for the customer, owned by its team, with its crew', async () => {
    const customer = await createCustomer(t.ds, { teamId: c.team.id });
    const crewUser = await createUser(t.ds, { role: 'FIELD_TECH', teamId: c.team.id });
    const input = {
      customerId: gid('Customer', customer.id),
      name: '  Hansen – full replacement ',
      projectType: 'FULL_REPLACEMENT',
      budget: '18500.50',
      startDate: '2026-05-04',
      endDate: '2026-05-08',
      memberIds: [c.tech.id, gid('User', crewUser.id), c.tech.id],
    };
    const r = await t.gql(CREATE, { i: input }, c.sales.accessToken);
    const { project, errors } = r.body.data.createProject;
    expect(errors).toEqual([]);
    expect(project).toMatchObject({
      name: 'Hansen – full replacement',
      status: 'PLANNING',
      projectType: 'FULL_REPLACEMENT',
      budget: '18500.50',
      actualCost: '0.00',
      onBudget: true,
      completionPercentage: 0,
      startDate: '2026-05-04',
      endDate: '2026-05-08',
      customer: { id: gid('Customer', customer.id), name: customer.name },
      owningTeam: { id: gid('Team', c.team.id) },
      createdBy: { id: c.sales.id },
      deletedAt: null,
    });
    expect(project.team.map((u: { id: string }) => u.id).sort()).toEqual([c.tech.id, gid('User', crewUser.id)].sort());
    const rows = await t.ds.query('SELECT user_id FROM project_members WHERE project_id = $1 ORDER BY user_id', [idFrom(project.id)]);
    expect(rows.map((x: { user_id: string }) => x.user_id)).toEqual([c.tech.user.id, crewUser.id].sort());
    const audit = await t.ds.query('SELECT action, changes FROM audit_log WHERE entity_id = $1 ORDER BY id', [idFrom(project.id)]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1].changes.crew).toEqual({ before: [], after: [c.tech.user.id, crewUser.id].sort() });
  });

  it('reports every bad field at once and creates nothing', async () => {
    const customer = await createCustomer(t.ds, { teamId: c.team.id });
    const inactive = await createUser(t.ds, { role: 'FIELD_TECH', active: false });
    const before = await count('SELECT count(*)::int AS n FROM projects');
    const r = await t.gql(
      CREATE,
      {
        i: {
          customerId: gid('Customer', customer.id),
          name: 'x',
          projectType: 'REPAIR',
          budget: '-1.00',
          startDate: '2026-05-08',
          endDate: '2026-05-04',
          memberIds: [c.tech.id, gid('User', '00000000-0000-4000-8000-000000000000'), gid('User', inactive.id), 'garbage'],
        },
      },
      c.manager.accessToken,
    );
    expect(r.body.data.createProject.project).toBeNull();
    expect(errorPairs(r.body.data.createProject.errors)).toEqual([
      ['budget', 'OUT_OF_RANGE'],
      ['endDate', 'OUT_OF_RANGE'],
      ['memberIds.1', 'NOT_FOUND'],
      ['memberIds.2', 'NOT_FOUND'],
      ['memberIds.3', 'NOT_FOUND'],
      ['name', 'INVALID'],
    ]);
    expect(await count('SELECT count(*)::int AS n FROM projects')).toBe(before);
  });

  it('refuses a too-long name and a blank one', async () => {
    const customer = await createCustomer(t.ds, { teamId: c.team.id });
    const base = { customerId: gid('Customer', customer.id), projectType: 'GUTTERS' };
    const long = await t.gql(CREATE, { i: { ...base, name: 'x'.repeat(201) } }, c.sales.accessToken);
    expect(errorPairs(long.body.data.createProject.errors)).toEqual([['name', 'TOO_LONG']]);
    const blank = await t.gql(CREATE, { i: { ...base, name: '  ' } }, c.sales.accessToken);
    expect(errorPairs(blank.body.data.createProject.errors)).toEqual([['name', 'REQUIRED']]);
  });

  it("a customer the viewer may not see is NOT_FOUND (another team's, deleted, unknown)", async () => {
    const other = await createCustomer(t.ds, { teamId: c.otherTeam.id });
    const deleted = await createCustomer(t.ds, { teamId: c.team.id, deletedAt: new Date() });
    for (const customerId of [gid('Customer', other.id), gid('Customer', deleted.id), gid('Lead', other.id)]) {
      const r = await t.gql(CREATE, { i: { customerId, name: 'Roof job', projectType: 'REPAIR' } }, c.sales.accessToken);
      expect(r.body.data.createProject).toEqual({ project: null, errors: [{ field: ['customerId'], code: 'NOT_FOUND', message: 'No such customer.' }] });
    }
  });

  it('field techs may not create projects', async () => {
    const customer = await createCustomer(t.ds, { teamId: c.team.id });
    const r = await t.gql(CREATE, { i: { customerId: gid('Customer', customer.id), name: 'Roof job', projectType: 'REPAIR' } }, c.tech.accessToken);
    expect(gqlCode(r)).toBe('FORBIDDEN');
  });
});

describe('updateProject', () => {
  const update = (token: string, i: Record<string, unknown>) => t.gql(UPDATE, { i }, token).then((r) => r.body.data.updateProject);

  it('walks the allowed status moves; completing sets progress to 100', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }));
    const id = gid('Project', p.id);
    for (const status of ['SCHEDULED', 'PLANNING', 'SCHEDULED', 'IN_PROGRESS', 'SCHEDULED', 'IN_PROGRESS']) {
      expect(await update(c.manager.accessToken, { id, status })).toMatchObject({ errors: [], project: { status } });
    }
    const done = await update(c.manager.accessToken, { id, status: 'COMPLETED', completionPercentage: 40 });
    expect(done).toMatchObject({ errors: [], project: { status: 'COMPLETED', completionPercentage: 100 } });
    const back = await t.gql(`mutation($i: UpdateProjectInput!) { updateProject(input: $i) { errors { message } } }`, { i: { id, status: 'IN_PROGRESS' } }, c.manager.accessToken);
    expect(back.body.data.updateProject.errors).toEqual([{ message: 'A project cannot move from Completed to In progress.' }]);
  });

  it.each([
    ['PLANNING', 'IN_PROGRESS'],
    ['PLANNING', 'COMPLETED'],
    ['SCHEDULED', 'COMPLETED'],
    ['COMPLETED', 'CANCELLED'],
    ['CANCELLED', 'PLANNING'],
    ['IN_PROGRESS', 'PLANNING'],
  ] as const)('refuses %s → %s and changes nothing', async (from, to) => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), { status: from });
    const r = await update(c.sales.accessToken, { id: gid('Project', p.id), status: to, name: 'Renamed too' });
    expect(r).toEqual({ project: null, errors: [{ field: ['status'], code: 'INVALID_TRANSITION' }] });
    expect(await t.ds.query('SELECT status, name FROM projects WHERE id = $1', [p.id])).toEqual([{ status: from, name: p.name }]);
  });

  it.each(['PLANNING', 'SCHEDULED', 'IN_PROGRESS'] as const)('cancels from %s', async (from) => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), { status: from });
    expect(await update(c.sales.accessToken, { id: gid('Project', p.id), status: 'CANCELLED' })).toMatchObject({ errors: [], project: { status: 'CANCELLED' } });
  });

  it('changes every field, clears optional ones and records the change', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), { startDate: '2026-06-01' });
    const r = await update(c.sales.accessToken, {
      id: gid('Project', p.id),
      name: 'Gutter swap',
      projectType: 'GUTTERS',
      budget: null,
      actualCost: '250.5',
      endDate: '2026-06-03',
      completionPercentage: 30,
    });
    expect(r).toMatchObject({
      errors: [],
      project: { name: 'Gutter swap', projectType: 'GUTTERS', budget: null, onBudget: null, actualCost: '250.50', startDate: '2026-06-01', endDate: '2026-06-03', completionPercentage: 30 },
    });
    const [entry] = await t.ds.query(`SELECT changes FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE'`, [p.id]);
    expect(Object.keys(entry.changes).sort()).toEqual(['actualCost', 'budget', 'completionPercentage', 'endDate', 'name', 'projectType']);
  });

  it('reports every bad field at once and changes nothing', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), { startDate: '2026-06-10', endDate: '2026-06-12' });
    const r = await update(c.manager.accessToken, {
      id: gid('Project', p.id),
      name: null,
      status: null,
      budget: '-10',
      actualCost: '-0.01',
      completionPercentage: 101,
      endDate: '2026-06-09',
    });
    expect(r.project).toBeNull();
    expect(errorPairs(r.errors)).toEqual([
      ['actualCost', 'OUT_OF_RANGE'],
      ['budget', 'OUT_OF_RANGE'],
      ['completionPercentage', 'OUT_OF_RANGE'],
      ['endDate', 'OUT_OF_RANGE'],
      ['name', 'REQUIRED'],
      ['status', 'REQUIRED'],
    ]);
    const moved = await update(c.manager.accessToken, { id: gid('Project', p.id), startDate: '2026-06-13' });
    expect(moved.errors).toEqual([{ field: ['startDate'], code: 'OUT_OF_RANGE' }]);
    expect(await t.ds.query('SELECT budget, start_date::text, end_date::text FROM projects WHERE id = $1', [p.id])).toEqual([
      { budget: '10000.00', start_date: '2026-06-10', end_date: '2026-06-12' },
    ]);
  });

  it('a field tech on the crew reports progress, cost and status', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), { status: 'SCHEDULED' }, [c.tech.user.id]);
    const r = await update(c.tech.accessToken, { id: gid('Project', p.id), status: 'IN_PROGRESS', completionPercentage: 60, actualCost: '4200.00' });
    expect(r).toMatchObject({ errors: [], project: { status: 'IN_PROGRESS', completionPercentage: 60, actualCost: '4200.00' } });
    const [entry] = await t.ds.query(`SELECT actor_id FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE'`, [p.id]);
    expect(entry.actor_id).toBe(c.tech.user.id);
  });

  it('a field tech may not change anything else, even along with allowed fields', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), {}, [c.tech.user.id]);
    const r = await update(c.tech.accessToken, { id: gid('Project', p.id), completionPercentage: 10, name: 'Mine now', budget: null, endDate: '2027-01-01' });
    expect(r.project).toBeNull();
    expect(errorPairs(r.errors)).toEqual([
      ['budget', 'FORBIDDEN'],
      ['endDate', 'FORBIDDEN'],
      ['name', 'FORBIDDEN'],
    ]);
    expect(await t.ds.query('SELECT name, budget, completion_percentage FROM projects WHERE id = $1', [p.id])).toEqual([
      { name: p.name, budget: '10000.00', completion_percentage: 0 },
    ]);
  });

  it('a project the viewer may not see is NOT_FOUND (field tech not on the crew, other team)', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }));
    for (const s of [c.tech, c.otherManager, c.otherSales]) {
      expect(await update(s.accessToken, { id: gid('Project', p.id), completionPercentage: 5 })).toEqual({ project: null, errors: [{ field: ['id'], code: 'NOT_FOUND' }] });
    }
    expect(await update(c.admin.accessToken, { id: gid('Project', p.id), completionPercentage: 5 })).toMatchObject({ errors: [], project: { completionPercentage: 5 } });
  });
});

describe('onBudget and the customer lifetime value', () => {
  it('compares cost and budget as decimals', async () => {
    const customer = await createCustomer(t.ds, { teamId: c.team.id });
    const cases: Array<[string | null, string, boolean | null]> = [
      ['100.00', '100.00', true],
      ['100.00', '100.01', false],
      ['0.30', '0.30', true],
      [null, '5.00', null],
    ];
    for (const [budget, actualCost, onBudget] of cases) {
      const p = await createProject(t.ds, customer, { budget, actualCost });
      const r = await t.gql('query($id: ID!) { project(id: $id) { onBudget } }', { id: gid('Project', p.id) }, c.sales.accessToken);
      expect(r.body.data.project.onBudget).toBe(onBudget);
    }
  });

  it('sums the budgets of projects that are not cancelled or deleted', async () => {
    const customer = await createCustomer(t.ds, { teamId: c.team.id });
    await createProject(t.ds, customer, { budget: '1000.50' });
    await createProject(t.ds, customer, { budget: '2000.25', status: 'COMPLETED' });
    await createProject(t.ds, customer, { budget: '5000.00', status: 'CANCELLED' });
    await createProject(t.ds, customer, { budget: '7000.00', deletedAt: new Date() });
    await createProject(t.ds, customer, { budget: null });
    const Q = 'query($id: ID!) { customer(id: $id) { lifetimeValue } }';
    const value = async () => (await t.gql(Q, { id: gid('Customer', customer.id) }, c.sales.accessToken)).body.data.customer.lifetimeValue;
    expect(await value()).toBe('3000.75');
    const r = await t.gql(CREATE, { i: { customerId: gid('Customer', customer.id), name: 'Siding', projectType: 'SIDING', budget: '0.10' } }, c.sales.accessToken);
    expect(r.body.data.createProject.errors).toEqual([]);
    expect(await value()).toBe('3000.85');
    await t.gql(UPDATE, { i: { id: r.body.data.createProject.project.id, status: 'CANCELLED' } }, c.sales.accessToken);
    expect(await value()).toBe('3000.75');
  });
});
