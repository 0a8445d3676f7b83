import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { createCast } from '../../../test/projects-factories';

const { t, w: c } = useTestApp(createCast);

const gid = (type: string, id: string) => toGlobalId(type, id);
const count = async (sql: string, params: unknown[] = []) => (await t.ds.query(sql, params))[0].n as number;
const gqlCode = (r: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => r.body.errors?.[0]?.extensions?.code;

describe('delete, restore and hard delete', () => {
  const DELETE = `mutation($id: ID!) { deleteProject(id: $id) { project { id deletedAt } errors { field code } } }`;
  const RESTORE = `mutation($id: ID!) { restoreProject(id: $id) { project { id deletedAt } errors { field code } } }`;
  const HARD = `mutation($id: ID!) { hardDeleteProject(id: $id) { deletedId errors { field code } } }`;
  const GET = 'query($id: ID!) { project(id: $id) { id deletedAt } }';

  it('moves a project to the trash and back', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), {}, [c.tech.user.id]);
    const id = gid('Project', p.id);
    const del = (await t.gql(DELETE, { id }, c.manager.accessToken)).body.data.deleteProject;
    expect(del.errors).toEqual([]);
    expect(del.project.deletedAt).not.toBeNull();
    expect((await t.gql(GET, { id }, c.manager.accessToken)).body.data.project.deletedAt).not.toBeNull();
    for (const s of [c.sales, c.tech]) expect((await t.gql(GET, { id }, s.accessToken)).body.data.project).toBeNull();
    expect((await t.gql(DELETE, { id }, c.manager.accessToken)).body.data.deleteProject.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    expect((await t.gql(RESTORE, { id }, c.otherManager.accessToken)).body.data.restoreProject.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);

    const res = (await t.gql(RESTORE, { id }, c.manager.accessToken)).body.data.restoreProject;
    expect(res).toEqual({ project: { id, deletedAt: null }, errors: [] });
    expect((await t.gql(GET, { id }, c.tech.accessToken)).body.data.project).toEqual({ id, deletedAt: null });
    expect((await t.gql(RESTORE, { id }, c.manager.accessToken)).body.data.restoreProject.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    const actions = await t.ds.query('SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id', [p.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['DELETE', 'RESTORE']);
  });

  it('only admins and managers of the team delete', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }));
    const id = gid('Project', p.id);
    expect(gqlCode(await t.gql(DELETE, { id }, c.sales.accessToken))).toBe('FORBIDDEN');
    expect((await t.gql(DELETE, { id }, c.otherManager.accessToken)).body.data.deleteProject.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    expect(await count('SELECT count(*)::int AS n FROM projects WHERE id = $1 AND deleted_at IS NULL', [p.id])).toBe(1);
  });

  it('admins remove a project for good, with its crew', async () => {
    const p = await createProject(t.ds, await createCustomer(t.ds, { teamId: c.team.id }), { deletedAt: new Date() }, [c.tech.user.id]);
    const id = gid('Project', p.id);
    expect(gqlCode(await t.gql(HARD, { id }, c.manager.accessToken))).toBe('FORBIDDEN');
    expect((await t.gql(HARD, { id }, c.admin.accessToken)).body.data.hardDeleteProject).toEqual({ deletedId: id, errors: [] });
    expect(await count('SELECT count(*)::int AS n FROM projects WHERE id = $1', [p.id])).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM project_members WHERE project_id = $1', [p.id])).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'HARD_DELETE'`, [p.id])).toBe(1);
    expect((await t.gql(HARD, { id }, c.admin.accessToken)).body.data.hardDeleteProject).toEqual({ deletedId: null, errors: [{ field: ['id'], code: 'NOT_FOUND' }] });
  });
});
