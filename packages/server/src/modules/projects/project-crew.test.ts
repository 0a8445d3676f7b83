import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, createUser } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { createCast } from '../../../test/projects-factories';

const { t, w: c } = useTestApp(createCast);

const ASSIGN = `mutation($i: AssignProjectTeamInput!) { assignProjectTeam(input: $i) { project { id team { id name } } errors { field code } } }`;
const uid = (id: string) => toGlobalId('User', id);
const crewRows = async (projectId: string) =>
  (await t.ds.query('SELECT user_id FROM project_members WHERE project_id = $1 ORDER BY user_id', [projectId])).map((r: { user_id: string }) => r.user_id);
const crewAudit = (projectId: string) =>
  t.ds.query(`SELECT entity_type, action, actor_id, team_id, changes FROM audit_log WHERE entity_id = $1 AND action = 'UPDATE' ORDER BY id`, [projectId]);

describe('assignProjectTeam', () => {
  it('replaces the crew (duplicates ignored), keeps unchanged members and records one audit entry', async () => {
    const [a, b, d] = await Promise.all(['Ann', 'Bob', 'Dee'].map((name) => createUser(t.ds, { role: 'FIELD_TECH', name })));
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), {}, [a!.id, b!.id]);
    const [{ assigned_at: bobSince }] = await t.ds.query('SELECT assigned_at FROM project_members WHERE project_id = $1 AND user_id = $2', [p.id, b!.id]);

    const r = await t.gql(ASSIGN, { i: { id: toGlobalId('Project', p.id), memberIds: [uid(d!.id), uid(b!.id), uid(d!.id)] } }, c.sales.accessToken);
    expect(r.body.data.assignProjectTeam).toEqual({
      project: { id: toGlobalId('Project', p.id), team: [{ id: uid(b!.id), name: 'Bob' }, { id: uid(d!.id), name: 'Dee' }] },
      errors: [],
    });
    expect(await crewRows(p.id)).toEqual([b!.id, d!.id].sort());
    const [{ assigned_at: bobNow }] = await t.ds.query('SELECT assigned_at FROM project_members WHERE project_id = $1 AND user_id = $2', [p.id, b!.id]);
    expect(bobNow).toEqual(bobSince);
    expect(await crewAudit(p.id)).toEqual([
      {
        entity_type: 'Project',
        action: 'UPDATE',
        actor_id: c.sales.user.id,
        team_id: c.team.id,
        changes: { crew: { before: [a!.id, b!.id].sort(), after: [b!.id, d!.id].sort() } },
      },
    ]);
  });

  it("the project's history names who joined and who left the crew", async () => {
    const [a, b, d] = await Promise.all(['Ann Berg', 'Bob Ek', 'Dee Fox'].map((name) => createUser(t.ds, { role: 'FIELD_TECH', name })));
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), {}, [a!.id, b!.id]);
    await t.gql(ASSIGN, { i: { id: toGlobalId('Project', p.id), memberIds: [uid(b!.id), uid(d!.id)] } }, c.sales.accessToken);
    const HISTORY = `query($id: ID!) { auditLog(first: 5, filter: { entityType: "Project", entityId: $id }) {
      edges { node { action changes { field } peopleChanges { field added { id name } removed { id name } } } } } }`;
    const r = await t.gql(HISTORY, { id: toGlobalId('Project', p.id) }, c.manager.accessToken);
    expect(r.body.data.auditLog.edges).toEqual([
      {
        node: {
          action: 'UPDATE',
          changes: [{ field: 'crew' }],
          peopleChanges: [{ field: 'crew', added: [{ id: uid(d!.id), name: 'Dee Fox' }], removed: [{ id: uid(a!.id), name: 'Ann Berg' }] }],
        },
      },
    ]);
  });

  it('later fields in the same request see the new crew', async () => {
    const [a, b] = await Promise.all([createUser(t.ds, { role: 'FIELD_TECH' }), createUser(t.ds, { role: 'FIELD_TECH' })]);
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }));
    const id = toGlobalId('Project', p.id);
    const r = await t.gql(
      `mutation($id: ID!, $a: [ID!]!, $b: [ID!]!) {
        first: assignProjectTeam(input: { id: $id, memberIds: $a }) { project { team { id } } }
        second: assignProjectTeam(input: { id: $id, memberIds: $b }) { project { team { id } } }
      }`,
      { id, a: [uid(a!.id)], b: [uid(b!.id)] },
      c.manager.accessToken,
    );
    expect(r.body.data).toEqual({ first: { project: { team: [{ id: uid(a!.id) }] } }, second: { project: { team: [{ id: uid(b!.id) }] } } });
  });

  it('an empty list clears the crew; the same crew again records nothing', async () => {
    const a = await createUser(t.ds, { role: 'FIELD_TECH' });
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), {}, [a.id]);
    const id = toGlobalId('Project', p.id);
    expect((await t.gql(ASSIGN, { i: { id, memberIds: [] } }, c.manager.accessToken)).body.data.assignProjectTeam.project.team).toEqual([]);
    expect((await t.gql(ASSIGN, { i: { id, memberIds: [] } }, c.manager.accessToken)).body.data.assignProjectTeam.errors).toEqual([]);
    expect(await crewRows(p.id)).toEqual([]);
    expect(await crewAudit(p.id)).toHaveLength(1);
  });

  it('a field tech added to the crew sees the project and its customer; once removed, no longer', async () => {
    const customer = await createCustomer(t.ds, { teamId: c.team.id });
    const p = await createProject(t.ds, customer);
    const Q = `query($p: ID!, $c: ID!) {
      project(id: $p) { id customer { id } } customer(id: $c) { id } projects { totalCount } node(id: $p) { id }
    }`;
    const vars = { p: toGlobalId('Project', p.id), c: toGlobalId('Customer', customer.id) };
    const seen = async () => (await t.gql(Q, vars, c.tech.accessToken)).body.data;
    const before = await seen();
    expect(before).toMatchObject({ project: null, customer: null, node: null });

    await t.gql(ASSIGN, { i: { id: vars.p, memberIds: [c.tech.id] } }, c.sales.accessToken);
    expect(await seen()).toEqual({
      project: { id: vars.p, customer: { id: vars.c } },
      customer: { id: vars.c },
      projects: { totalCount: before.projects.totalCount + 1 },
      node: { id: vars.p },
    });

    await t.gql(ASSIGN, { i: { id: vars.p, memberIds: [] } }, c.sales.accessToken);
    expect(await seen()).toEqual(before);
  });

  it('refuses unknown and inactive users and changes nothing', async () => {
    const a = await createUser(t.ds, { role: 'FIELD_TECH' });
    const inactive = await createUser(t.ds, { role: 'FIELD_TECH', active: false });
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), {}, [a.id]);
    const r = await t.gql(
      ASSIGN,
      { i: { id: toGlobalId('Project', p.id), memberIds: [c.tech.id, uid(inactive.id), uid('00000000-0000-4000-8000-000000000000'), toGlobalId('Team', c.team.id)] } },
      c.manager.accessToken,
    );
    expect(r.body.data.assignProjectTeam).toEqual({
      project: null,
      errors: [
        { field: ['memberIds', '1'], code: 'NOT_FOUND' },
        { field: ['memberIds', '2'], code: 'NOT_FOUND' },
        { field: ['memberIds', '3'], code: 'NOT_FOUND' },
      ],
    });
    expect(await crewRows(p.id)).toEqual([a.id]);
    expect(await crewAudit(p.id)).toEqual([]);
  });

  it('who may set a crew', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), {}, [c.tech.user.id]);
    const i = { id: toGlobalId('Project', p.id), memberIds: [] };
    for (const s of [c.otherManager, c.otherSales]) {
      expect((await t.gql(ASSIGN, { i }, s.accessToken)).body.data.assignProjectTeam).toEqual({ project: null, errors: [{ field: ['id'], code: 'NOT_FOUND' }] });
    }
    const tech = await t.gql(ASSIGN, { i }, c.tech.accessToken);
    expect(tech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleted = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), { deletedAt: new Date() });
    const onDeleted = await t.gql(ASSIGN, { i: { ...i, id: toGlobalId('Project', deleted.id) } }, c.admin.accessToken);
    expect(onDeleted.body.data.assignProjectTeam.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    expect(await crewRows(p.id)).toEqual([c.tech.user.id]);
  });
});
