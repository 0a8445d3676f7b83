import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createProject, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { createCast, type Cast } from '../../../test/projects-factories';

const { t, w: c } = useTestApp(createCast);
/** Global IDs: two customers (one per team) and their projects; `gone` is soft-deleted. */
const ids = { customer: '', otherCustomer: '', crewed: '', plain: '', other: '', gone: '' };
beforeAll(async () => {
  const customer = await createCustomer(t.ds, { teamId: c.team.id });
  const otherCustomer = await createCustomer(t.ds, { teamId: c.otherTeam.id });
  ids.customer = toGlobalId('Customer', customer.id);
  ids.otherCustomer = toGlobalId('Customer', otherCustomer.id);
  ids.crewed = toGlobalId('Project', (await createProject(t.ds, customer, { name: 'Crewed' }, [c.tech.user.id])).id);
  ids.plain = toGlobalId('Project', (await createProject(t.ds, customer, { name: 'Plain' })).id);
  ids.other = toGlobalId('Project', (await createProject(t.ds, otherCustomer, { name: 'Other' })).id);
  ids.gone = toGlobalId('Project', (await createProject(t.ds, customer, { name: 'Gone', deletedAt: new Date() }, [c.tech.user.id])).id);
});

type Key = 'crewed' | 'plain' | 'other';
const ROLES: Array<[string, (c: Cast) => Session, Key[]]> = [
  ['ADMIN', (x) => x.admin, ['crewed', 'plain', 'other']],
  ['MANAGER of the team', (x) => x.manager, ['crewed', 'plain']],
  ['MANAGER of another team', (x) => x.otherManager, ['other']],
  ['SALES of the team', (x) => x.sales, ['crewed', 'plain']],
  ['SALES of another team', (x) => x.otherSales, ['other']],
  ['FIELD_TECH on one crew', (x) => x.tech, ['crewed']],
];
const ALL: Key[] = ['crewed', 'plain', 'other'];
const names = { crewed: 'Crewed', plain: 'Plain', other: 'Other' };

describe.each(ROLES)('as %s', (_, who, visible) => {
  const token = () => who(c).accessToken;
  const sees = (k: Key) => visible.includes(k);

  it('reads by id and through node', async () => {
    for (const k of ALL) {
      const r = await t.gql('query($id: ID!) { project(id: $id) { name } node(id: $id) { id ... on Project { name } } }', { id: ids[k] }, token());
      expect(r.body.data).toEqual(sees(k) ? { project: { name: names[k] }, node: { id: ids[k], name: names[k] } } : { project: null, node: null });
    }
  });

  it('lists and counts', async () => {
    const r = await t.gql('{ projects(orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { name } } } }', {}, token());
    const expected = visible.map((k) => names[k]).sort();
    expect(r.body.data.projects).toEqual({ totalCount: expected.length, edges: expected.map((name) => ({ node: { name } })) });
  });

  it('never shows invisible projects nested under a customer', async () => {
    const Q = `query($a: ID!, $b: ID!) {
      a: customer(id: $a) { projects { name customer { projects { name } } } }
      b: customer(id: $b) { projects { name } }
    }`;
    const r = await t.gql(Q, { a: ids.customer, b: ids.otherCustomer }, token());
    const ofA = visible.filter((k) => k !== 'other').map((k) => names[k]);
    const nested = (list: Array<{ name: string }> | undefined) => (list ?? []).map((p) => p.name).sort();
    if (r.body.data.a) {
      expect(nested(r.body.data.a.projects)).toEqual(ofA.sort());
      for (const p of r.body.data.a.projects) expect(nested(p.customer.projects)).toEqual(ofA.sort());
    } else expect(ofA).toEqual([]);
    expect(nested(r.body.data.b?.projects)).toEqual(sees('other') ? ['Other'] : []);
  });

  it('changes only what it sees', async () => {
    for (const k of ALL) {
      const r = await t.gql('mutation($i: UpdateProjectInput!) { updateProject(input: $i) { project { completionPercentage } errors { field code } } }', {
        i: { id: ids[k], completionPercentage: 7 },
      }, token());
      expect(r.body.data.updateProject).toEqual(
        sees(k) ? { project: { completionPercentage: 7 }, errors: [] } : { project: null, errors: [{ field: ['id'], code: 'NOT_FOUND' }] },
      );
    }
  });

  it('sees deleted projects only as an admin or manager of the team', async () => {
    const r = await t.gql('query($id: ID!) { project(id: $id) { name } projects(filter: { deleted: true }) { totalCount edges { node { name } } } }', { id: ids.gone }, token());
    const seesGone = who(c) === c.admin || who(c) === c.manager;
    expect(r.body.data).toEqual(
      seesGone
        ? { project: { name: 'Gone' }, projects: { totalCount: 1, edges: [{ node: { name: 'Gone' } }] } }
        : { project: null, projects: { totalCount: 0, edges: [] } },
    );
  });
});
