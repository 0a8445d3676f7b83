import { createCustomer, createLead } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { auditOf, countOf, customerId, keyOf, leadId, leadWorld, teamId } from '../../../test/lead-factories';

const { t, w } = useTestApp(leadWorld);

const CONVERT = `mutation($i: ConvertLeadInput!) { convertLead(input: $i) {
  lead { id status convertedAt customer { id name } convertedProject { name status } }
  customer { id name email phone address { street city state zip } owningTeam { id } createdBy { id } }
  project { name projectType status budget startDate }
  errors { field code message }
} }`;
type Err = { field: string[]; code: string };
const errs = (list: Err[]) => list.map((e) => `${e.field.join('.')}:${e.code}`).sort();
const convert = (input: Record<string, unknown>, token = w.as.sales.accessToken) => t.gql(CONVERT, { i: input }, token);
const projectOf = async (leadKey: string) => (await t.ds.query('SELECT * FROM projects WHERE lead_id = $1', [leadKey]))[0];
const crewOf = async (projectKey: string) => (await t.ds.query('SELECT user_id FROM project_members WHERE project_id = $1', [projectKey])).map((r: { user_id: string }) => r.user_id);
const totals = async () => ({
  customers: await countOf(t, 'SELECT count(*) AS n FROM customers'),
  projects: await countOf(t, 'SELECT count(*) AS n FROM projects'),
  members: await countOf(t, 'SELECT count(*) AS n FROM project_members'),
  audit: await countOf(t, 'SELECT count(*) AS n FROM audit_log'),
});

const wonLead = (over: Parameters<typeof createLead>[1] = {}) =>
  createLead(t.ds, {
    teamId: w.north,
    status: 'WON',
    contactName: 'Dana Hansen',
    contactEmail: 'dana.hansen@example.com',
    contactPhone: '+16125550142',
    addressStreet: '1208 Maple Ave',
    addressCity: 'Minneapolis',
    addressState: 'MN',
    addressZip: '55401',
    projectType: 'FULL_REPLACEMENT',
    estimatedValue: '18500.00',
    ...over,
  });

describe('convertLead', () => {
  it('creates the customer from the contact data and the project with the assignee as crew, all audited', async () => {
    const lead = await wonLead({ assigneeId: w.as.sales.user.id });
    const r = await convert({ id: leadId(lead.id), startDate: '2030-04-01' });
    const out = r.body.data.convertLead;
    expect(out.errors).toEqual([]);
    expect(out.customer).toMatchObject({
      name: 'Dana Hansen',
      email: 'dana.hansen@example.com',
      phone: '+16125550142',
      address: { street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
      owningTeam: { id: teamId(w.north) },
      createdBy: { id: w.as.sales.id },
    });
    expect(out.project).toEqual({ name: 'Dana Hansen – full replacement', projectType: 'FULL_REPLACEMENT', status: 'PLANNING', budget: '18500.00', startDate: '2030-04-01' });
    expect(out.lead).toMatchObject({
      id: leadId(lead.id),
      status: 'WON',
      convertedAt: expect.any(String),
      customer: { id: out.customer.id, name: 'Dana Hansen' },
      convertedProject: { name: 'Dana Hansen – full replacement', status: 'PLANNING' },
    });

    const customerKey = keyOf(out.customer.id);
    const project = await projectOf(lead.id);
    expect(project).toMatchObject({ customer_id: customerKey, team_id: w.north, created_by: w.as.sales.user.id, actual_cost: '0.00' });
    expect(await crewOf(project.id)).toEqual([w.as.sales.user.id]);
    const [row] = await t.ds.query('SELECT customer_id, converted_project_id, team_id FROM leads WHERE id = $1', [lead.id]);
    expect(row).toEqual({ customer_id: customerKey, converted_project_id: project.id, team_id: w.north });
    expect((await t.ds.query('SELECT team_id FROM customers WHERE id = $1', [customerKey]))[0].team_id).toBe(w.north);

    expect((await auditOf(t, 'Customer', customerKey)).map((a) => a.action)).toEqual(['CREATE']);
    const projectAudit = await auditOf(t, 'Project', project.id);
    expect(projectAudit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(projectAudit[1]!.changes.crew).toEqual({ before: [], after: [w.as.sales.user.id] });
    const leadAudit = await auditOf(t, 'Lead', lead.id);
    expect(leadAudit).toHaveLength(1);
    expect(leadAudit[0]).toMatchObject({ action: 'UPDATE', actor_id: w.as.sales.user.id });
    expect(leadAudit[0]!.changes.convertedProjectId).toEqual({ before: null, after: project.id });

    // The lead now shows its project when read again, and WON stays final.
    const again = await t.gql(`query($id: ID!) { lead(id: $id) { convertedProject { name } customer { name } } }`, { id: leadId(lead.id) }, w.as.manager.accessToken);
    expect(again.body.data.lead).toEqual({ convertedProject: { name: 'Dana Hansen – full replacement' }, customer: { name: 'Dana Hansen' } });
    const other = await createCustomer(t.ds, { teamId: w.north });
    const relink = await t.gql(
      `mutation($i: UpdateLeadInput!) { updateLead(input: $i) { errors { field code } } }`,
      { i: { id: leadId(lead.id), customerId: customerId(other.id) } },
      w.as.manager.accessToken,
    );
    expect(relink.body.data.updateLead.errors).toEqual([{ field: ['customerId'], code: 'CONFLICT' }]);
  });

  it('links the customer that has the contact e-mail (case-insensitive, any team); input overrides name and budget', async () => {
    const existing = await createCustomer(t.ds, { teamId: w.south, name: 'Erik Lund', email: 'erik.lund@example.com' });
    const lead = await wonLead({ contactName: 'Erik L.', contactEmail: 'Erik.Lund@Example.COM', assigneeId: null });
    const before = await totals();
    const r = await convert({ id: leadId(lead.id), projectName: '  Lund gutters ', budget: '9000.5' }, w.as.manager.accessToken);
    const out = r.body.data.convertLead;
    expect(out.errors).toEqual([]);
    expect(out.customer).toMatchObject({ id: customerId(existing.id), name: 'Erik Lund' });
    expect(out.project).toMatchObject({ name: 'Lund gutters', budget: '9000.50', startDate: null });
    const project = await projectOf(lead.id);
    expect(project).toMatchObject({ customer_id: existing.id, team_id: w.north });
    expect(await crewOf(project.id)).toEqual([]);
    const after = await totals();
    expect(after).toEqual({ ...before, projects: before.projects + 1, audit: before.audit + 2 });
  });

  it('uses the linked customer; without a project type the project is OTHER', async () => {
    const customer = await createCustomer(t.ds, { teamId: w.north, name: 'Maple Court HOA', email: null });
    const lead = await wonLead({ customerId: customer.id, contactName: null, contactEmail: 'someone.else@example.com', projectType: null, estimatedValue: null });
    const r = await convert({ id: leadId(lead.id) }, w.as.admin.accessToken);
    const out = r.body.data.convertLead;
    expect(out.errors).toEqual([]);
    expect(out.customer.id).toBe(customerId(customer.id));
    expect(out.project).toEqual({ name: 'Maple Court HOA – other', projectType: 'OTHER', status: 'PLANNING', budget: null, startDate: null });
    expect(await countOf(t, "SELECT count(*) AS n FROM customers WHERE email = 'someone.else@example.com'")).toBe(0);
  });

  it('refuses leads that are not WON, already converted, invisible, or bad input, changing nothing', async () => {
    const open = await wonLead({ status: 'ESTIMATE_SENT' });
    const won = await wonLead({ contactEmail: 'twice@example.com' });
    expect((await convert({ id: leadId(won.id) })).body.data.convertLead.errors).toEqual([]);
    const hidden = await wonLead({ teamId: w.south });
    const before = await totals();

    const notWon = (await convert({ id: leadId(open.id) })).body.data.convertLead;
    expect(notWon).toMatchObject({ lead: null, customer: null, project: null });
    expect(notWon.errors).toEqual([{ field: ['id'], code: 'INVALID_TRANSITION', message: 'Only a won lead can be converted; this one is at Estimate sent.' }]);
    expect(errs((await convert({ id: leadId(won.id) })).body.data.convertLead.errors)).toEqual(['id:CONFLICT']);
    expect(errs((await convert({ id: leadId(hidden.id) })).body.data.convertLead.errors)).toEqual(['id:NOT_FOUND']);
    const bad = await convert({ id: leadId(open.id), projectName: 'p'.repeat(201), budget: '-1' });
    expect(errs(bad.body.data.convertLead.errors)).toEqual(['budget:OUT_OF_RANGE', 'id:INVALID_TRANSITION', 'projectName:TOO_LONG']);
    const tech = await convert({ id: leadId(won.id) }, w.as.tech.accessToken);
    expect(tech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect(await totals()).toEqual(before);
    expect((await t.ds.query('SELECT converted_project_id FROM leads WHERE id = $1', [open.id]))[0].converted_project_id).toBeNull();
  });

  it('refuses when the lead customer or the e-mail match is deleted', async () => {
    const gone = await createCustomer(t.ds, { teamId: w.north, deletedAt: new Date() });
    const linked = await wonLead({ customerId: gone.id });
    expect(errs((await convert({ id: leadId(linked.id) })).body.data.convertLead.errors)).toEqual(['id:CONFLICT']);
    const byEmail = await wonLead({ contactEmail: gone.email });
    expect(errs((await convert({ id: leadId(byEmail.id) })).body.data.convertLead.errors)).toEqual(['id:CONFLICT']);
    expect(await projectOf(linked.id)).toBeUndefined();
    expect(await projectOf(byEmail.id)).toBeUndefined();
  });

  describe('atomicity', () => {
    afterEach(async () => {
      await t.ds.query('DROP TRIGGER IF EXISTS lead_test_boom ON projects');
      await t.ds.query('DROP TRIGGER IF EXISTS lead_test_boom ON project_members');
    });
    beforeAll(() => t.ds.query(`CREATE FUNCTION lead_test_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'boom'; END $$`));

    it.each([
      ['the project insert', 'projects'],
      ['the crew insert', 'project_members'],
    ])('a failure in %s leaves nothing behind', async (_, table) => {
      const lead = await wonLead({ contactEmail: `atomic.${table}@example.com`, assigneeId: w.as.sales.user.id });
      await t.ds.query(`CREATE TRIGGER lead_test_boom BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION lead_test_boom()`);
      const before = await totals();
      const r = await convert({ id: leadId(lead.id) });
      expect(r.body.errors?.[0]?.extensions?.code).toBe('INTERNAL');
      expect(await totals()).toEqual(before);
      expect(await countOf(t, 'SELECT count(*) AS n FROM customers WHERE email = $1', [`atomic.${table}@example.com`])).toBe(0);
      const [row] = await t.ds.query('SELECT customer_id, converted_project_id, converted_at FROM leads WHERE id = $1', [lead.id]);
      expect(row).toEqual({ customer_id: null, converted_project_id: null, converted_at: null });

      await t.ds.query(`DROP TRIGGER lead_test_boom ON ${table}`);
      expect((await convert({ id: leadId(lead.id) })).body.data.convertLead.errors).toEqual([]);
    });
  });
});
