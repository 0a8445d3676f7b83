import { toGlobalId } from '../../platform/graphql/global-id';
import { createAppointment, createCustomer, createInteraction, createLead, createProject } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { createCast } from '../../../test/projects-factories';

const { t, w: c } = useTestApp(createCast);
let projectId = '';
beforeAll(async () => {
  const customer = await createCustomer(t.ds, { teamId: c.team.id });
  const lead = await createLead(t.ds, { contactName: 'Dana Hansen', teamId: c.team.id, customerId: customer.id });
  const p = await createProject(t.ds, customer, { leadId: lead.id }, [c.tech.user.id]);
  projectId = toGlobalId('Project', p.id);
  await createAppointment(t.ds, customer, { projectId: p.id, title: 'Tear-off', startsAt: new Date('2030-06-02T14:00:00Z'), endsAt: new Date('2030-06-02T16:00:00Z') });
  await createAppointment(t.ds, customer, { projectId: p.id, title: 'Walkthrough', startsAt: new Date('2030-06-01T14:00:00Z'), endsAt: new Date('2030-06-01T15:00:00Z') });
  await createAppointment(t.ds, customer, { title: 'Not this project' });
  for (const [subject, at] of [['Old', '2026-01-01'], ['Newest', '2026-03-01'], ['Middle', '2026-02-01']]) {
    await createInteraction(t.ds, customer, { projectId: p.id, subject, occurredAt: new Date(`${at}T12:00:00Z`) });
  }
  await createInteraction(t.ds, customer, { subject: 'About the customer only' });
});

const Q = `query($id: ID!, $first: Int) {
  project(id: $id) { lead { contactName } appointments { title } interactions(first: $first) { subject } recent: interactions { subject } }
}`;

describe('nested fields of a project', () => {
  it('shows its lead, appointments soonest first and latest interactions', async () => {
    const r = await t.gql(Q, { id: projectId, first: 2 }, c.sales.accessToken);
    expect(r.body.data.project).toEqual({
      lead: { contactName: 'Dana Hansen' },
      appointments: [{ title: 'Walkthrough' }, { title: 'Tear-off' }],
      interactions: [{ subject: 'Newest' }, { subject: 'Middle' }],
      recent: [{ subject: 'Newest' }, { subject: 'Middle' }, { subject: 'Old' }],
    });
  });

  it("applies each record's own rules: a field tech sees the project's appointments and interactions but not the lead", async () => {
    const r = await t.gql(Q, { id: projectId, first: 1 }, c.tech.accessToken);
    expect(r.body.data.project).toEqual({
      lead: null,
      appointments: [{ title: 'Walkthrough' }, { title: 'Tear-off' }],
      interactions: [{ subject: 'Newest' }],
      recent: [{ subject: 'Newest' }, { subject: 'Middle' }, { subject: 'Old' }],
    });
  });

  it.each([0, 101])('refuses interactions(first: %i)', async (first) => {
    const r = await t.gql(Q, { id: projectId, first }, c.sales.accessToken);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('loads the nested fields of a whole page in a fixed number of queries', async () => {
    const customer = await createCustomer(t.ds, { teamId: c.team.id });
    for (let i = 0; i < 5; i++) await createProject(t.ds, customer, {}, [c.tech.user.id]);
    const start = t.queries.length;
    const r = await t.gql(
      '{ projects(first: 10) { edges { node { customer { name } team { name } owningTeam { name } createdBy { name } appointments { title } } } } }',
      {},
      c.manager.accessToken,
    );
    expect(r.body.data.projects.edges).toHaveLength(6);
    const crewQueries = t.queries.slice(start).filter((q) => q.includes('project_members')); // memberships and users in one statement
    expect(crewQueries).toHaveLength(1);
    expect(t.queries.length - start).toBeLessThanOrEqual(8);
  });
});
