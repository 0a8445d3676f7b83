import { createCustomer, createLead, createUser } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { LEAD_FIELDS, auditOf, countOf, customerId, keyOf, leadId, leadWorld, teamId } from '../../../test/lead-factories';
import { toGlobalId } from '../../platform/graphql/global-id';

const { t, w } = useTestApp(leadWorld);

const CREATE = `mutation($i: CreateLeadInput!) { createLead(input: $i) { lead { ${LEAD_FIELDS} } errors { field code message } } }`;
const UPDATE = `mutation($i: UpdateLeadInput!) { updateLead(input: $i) { lead { ${LEAD_FIELDS} } errors { field code message } } }`;
const GET = `query($id: ID!) { lead(id: $id) { id status deletedAt } }`;
type Err = { field: string[]; code: string };
const errs = (list: Err[]) => list.map((e) => `${e.field.join('.')}:${e.code}`).sort();
const leadCount = () => countOf(t, 'SELECT count(*) AS n FROM leads');
const userGid = (id: string) => toGlobalId('User', id);

describe('createLead', () => {
  it('creates a contact lead in the viewer team: NEW, scored, auto-assigned, normalised phone, audited', async () => {
    const r = await t.gql(
      CREATE,
      {
        i: {
          contactName: '  Dana Hansen ',
          contactPhone: '(612) 555-0142',
          propertyAddress: { street: '1208 Maple Ave', city: 'Minneapolis', state: 'mn', zip: '55401' },
          source: 'DOOR_KNOCK',
          projectType: 'FULL_REPLACEMENT',
          estimatedValue: '18500.50',
          notes: 'Hail damage on the north slope.',
          nextFollowUpAt: '2030-01-02T15:00:00Z',
        },
      },
      w.as.sales.accessToken,
    );
    const { lead, errors } = r.body.data.createLead;
    expect(errors).toEqual([]);
    expect(lead).toMatchObject({
      contactName: 'Dana Hansen',
      contactPhone: '+16125550142',
      contactEmail: null,
      propertyAddress: { street: '1208 Maple Ave', city: 'Minneapolis', state: 'MN', zip: '55401' },
      source: 'DOOR_KNOCK',
      status: 'NEW',
      priority: 'MEDIUM',
      estimatedValue: '18500.50',
      nextFollowUpAt: '2030-01-02T15:00:00.000Z',
      customer: null,
      owningTeam: { id: teamId(w.north) },
      createdBy: { id: w.as.sales.id },
      deletedAt: null,
    });
    expect(lead.score).toBeGreaterThan(0);
    expect([w.as.sales.id, w.as.sales2.id]).toContain(lead.assignee.id);
    const audit = await auditOf(t, 'Lead', keyOf(lead.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'CREATE', actor_id: w.as.sales.user.id });
    expect(audit[0]!.changes.contactPhone).toEqual({ before: null, after: '+16125550142' });
  });

  it("creates a lead about a visible customer, in the customer's team", async () => {
    const customer = await createCustomer(t.ds, { teamId: w.south, name: 'Erik Lund' });
    const r = await t.gql(CREATE, { i: { customerId: customerId(customer.id), source: 'REFERRAL', priority: 'URGENT' } }, w.as.admin.accessToken);
    expect(r.body.data.createLead.errors).toEqual([]);
    expect(r.body.data.createLead.lead).toMatchObject({
      customer: { id: customerId(customer.id), name: 'Erik Lund' },
      owningTeam: { id: teamId(w.south) },
      priority: 'URGENT',
      contactName: null,
    });
    const mine = await createCustomer(t.ds, { teamId: w.north });
    const s = await t.gql(CREATE, { i: { customerId: customerId(mine.id), source: 'PHONE' } }, w.as.sales.accessToken);
    expect(s.body.data.createLead.lead.owningTeam).toEqual({ id: teamId(w.north) });
  });

  it('reports every bad field at once and creates nothing', async () => {
    const before = await leadCount();
    const r = await t.gql(
      CREATE,
      {
        i: {
          contactPhone: '555-12',
          propertyAddress: { zip: '5540' },
          source: 'WEBSITE',
          estimatedValue: '-1.00',
          notes: 'n'.repeat(5001),
          teamId: teamId(w.south),
        },
      },
      w.as.sales.accessToken,
    );
    expect(r.body.data.createLead.lead).toBeNull();
    expect(errs(r.body.data.createLead.errors)).toEqual([
      'contactName:REQUIRED',
      'contactPhone:INVALID',
      'estimatedValue:OUT_OF_RANGE',
      'notes:TOO_LONG',
      'propertyAddress.zip:INVALID',
      'teamId:FORBIDDEN',
    ]);
    const noReach = await t.gql(CREATE, { i: { contactName: 'Only A Name', source: 'WEBSITE' } }, w.as.sales.accessToken);
    expect(noReach.body.data.createLead.errors).toEqual([{ field: ['contactPhone'], code: 'REQUIRED', message: 'Give a contact phone or e-mail address.' }]);
    const name = await t.gql(CREATE, { i: { contactName: 'x'.repeat(201), contactEmail: 'a@b.co', source: 'WEBSITE' } }, w.as.sales.accessToken);
    expect(errs(name.body.data.createLead.errors)).toEqual(['contactName:TOO_LONG']);
    const southCustomer = await createCustomer(t.ds, { teamId: w.south });
    const hidden = await t.gql(CREATE, { i: { customerId: customerId(southCustomer.id), source: 'WEBSITE' } }, w.as.sales.accessToken);
    expect(errs(hidden.body.data.createLead.errors)).toEqual(['customerId:NOT_FOUND']);
    expect(await leadCount()).toBe(before);
  });

  it('an e-mail alone is enough to reach the contact; a bad e-mail is reported with the other fields', async () => {
    const ok = await t.gql(CREATE, { i: { contactName: 'Mail Only', contactEmail: 'mail.only@example.com', source: 'ADS' } }, w.as.manager.accessToken);
    expect(ok.body.data.createLead.lead.contactEmail).toBe('mail.only@example.com');
    const before = await leadCount();
    const bad = await t.gql(CREATE, { i: { contactName: 'Bad Mail', contactEmail: 'nope', contactPhone: '612-555-014', source: 'ADS' } }, w.as.manager.accessToken);
    expect(bad.body.errors).toBeUndefined();
    expect(bad.body.data.createLead.errors).toEqual([
      { field: ['contactEmail'], code: 'INVALID', message: 'Contact email is not a valid e-mail address.' },
      { field: ['contactPhone'], code: 'INVALID', message: 'Contact phone is not a valid phone number.' },
    ]);
    expect(await leadCount()).toBe(before);
  });

  it('field techs may not create leads', async () => {
    const r = await t.gql(CREATE, { i: { contactName: 'Tech Try', contactPhone: '6125550100', source: 'OTHER' } }, w.as.tech.accessToken);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('assignee rules', () => {
    const contact = { contactName: 'Assign Me', contactPhone: '6125550100', source: 'WEBSITE' };
    const create = (token: string, assigneeId: string) => t.gql(CREATE, { i: { ...contact, assigneeId } }, token).then((r) => r.body.data.createLead);

    it('sales may only name themselves', async () => {
      expect((await create(w.as.sales.accessToken, w.as.sales.id)).lead.assignee).toEqual({ id: w.as.sales.id });
      expect(errs((await create(w.as.sales.accessToken, w.as.sales2.id)).errors)).toEqual(['assigneeId:FORBIDDEN']);
    });

    it('managers may name members of their teams (also through manager_id), admins anyone', async () => {
      expect((await create(w.as.manager.accessToken, w.as.sales2.id)).lead.assignee).toEqual({ id: w.as.sales2.id });
      expect(errs((await create(w.as.manager.accessToken, w.as.otherSales.id)).errors)).toEqual(['assigneeId:FORBIDDEN']);
      const head = await t.gql(CREATE, { i: { ...contact, teamId: teamId(w.south), assigneeId: w.as.otherSales.id } }, w.as.southHead.accessToken);
      expect(head.body.data.createLead.lead).toMatchObject({ assignee: { id: w.as.otherSales.id }, owningTeam: { id: teamId(w.south) } });
      expect((await create(w.as.admin.accessToken, w.as.otherSales.id)).lead.assignee).toEqual({ id: w.as.otherSales.id });
    });

    it('the assignee must be an active sales user, manager or admin', async () => {
      const inactive = await createUser(t.ds, { role: 'SALES', teamId: w.north, active: false });
      expect(errs((await create(w.as.manager.accessToken, w.as.tech.id)).errors)).toEqual(['assigneeId:INVALID']);
      expect(errs((await create(w.as.manager.accessToken, userGid(inactive.id))).errors)).toEqual(['assigneeId:INVALID']);
      expect(errs((await create(w.as.admin.accessToken, userGid('00000000-0000-4000-8000-000000000000'))).errors)).toEqual(['assigneeId:NOT_FOUND']);
      expect(errs((await create(w.as.admin.accessToken, 'garbage')).errors)).toEqual(['assigneeId:NOT_FOUND']);
    });
  });
});

describe('updateLead', () => {
  it('changes given fields, clears fields set to null and records the change', async () => {
    const lead = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales.user.id, notes: 'old', estimatedValue: '100.00', contactEmail: 'a@example.com' });
    const r = await t.gql(
      UPDATE,
      { i: { id: leadId(lead.id), contactPhone: '+1 612 555 0177', notes: null, estimatedValue: null, priority: 'HIGH', propertyAddress: { city: 'Edina' } } },
      w.as.sales.accessToken,
    );
    expect(r.body.data.updateLead.errors).toEqual([]);
    expect(r.body.data.updateLead.lead).toMatchObject({
      contactPhone: '+16125550177',
      contactEmail: 'a@example.com',
      notes: null,
      estimatedValue: null,
      priority: 'HIGH',
      propertyAddress: { street: null, city: 'Edina', state: null, zip: null },
    });
    const audit = await auditOf(t, 'Lead', lead.id);
    expect(audit).toHaveLength(1);
    const update = audit[0];
    expect(update).toMatchObject({ action: 'UPDATE', actor_id: w.as.sales.user.id });
    expect(update!.changes.notes).toEqual({ before: 'old', after: null });
  });

  it('keeps a customer or a reachable contact, and validates like create', async () => {
    const lead = await createLead(t.ds, { teamId: w.north, contactEmail: null });
    const r = await t.gql(UPDATE, { i: { id: leadId(lead.id), contactName: null, contactPhone: null, estimatedValue: '-5' } }, w.as.manager.accessToken);
    expect(errs(r.body.data.updateLead.errors)).toEqual(['contactName:REQUIRED', 'contactPhone:REQUIRED', 'estimatedValue:OUT_OF_RANGE']);
    expect((await t.ds.query('SELECT contact_name FROM leads WHERE id = $1', [lead.id]))[0].contact_name).toBe(lead.contactName);

    const customer = await createCustomer(t.ds, { teamId: w.north });
    const linked = await t.gql(UPDATE, { i: { id: leadId(lead.id), customerId: customerId(customer.id), contactName: null, contactPhone: null } }, w.as.manager.accessToken);
    expect(linked.body.data.updateLead).toMatchObject({ errors: [], lead: { customer: { id: customerId(customer.id) }, contactName: null } });
    const southCustomer = await createCustomer(t.ds, { teamId: w.south });
    const hidden = await t.gql(UPDATE, { i: { id: leadId(lead.id), customerId: customerId(southCustomer.id) } }, w.as.manager.accessToken);
    expect(errs(hidden.body.data.updateLead.errors)).toEqual(['customerId:NOT_FOUND']);
    const unlink = await t.gql(UPDATE, { i: { id: leadId(lead.id), customerId: null } }, w.as.manager.accessToken);
    expect(errs(unlink.body.data.updateLead.errors)).toEqual(['contactName:REQUIRED', 'contactPhone:REQUIRED']);
  });

  it('a lead the viewer may not see is NOT_FOUND', async () => {
    const other = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales2.user.id });
    const south = await createLead(t.ds, { teamId: w.south });
    for (const [id, token] of [
      [other.id, w.as.sales.accessToken],
      [south.id, w.as.sales.accessToken],
      [south.id, w.as.manager.accessToken],
      [other.id, w.as.otherManager.accessToken],
    ] as const) {
      const r = await t.gql(UPDATE, { i: { id: leadId(id), notes: 'sneaky' } }, token);
      expect(r.body.data.updateLead).toEqual({ lead: null, errors: [{ field: ['id'], code: 'NOT_FOUND', message: 'No such lead.' }] });
    }
    expect(await countOf(t, "SELECT count(*) AS n FROM leads WHERE notes = 'sneaky'")).toBe(0);
  });
});

describe('deleteLead, restoreLead, hardDeleteLead', () => {
  const DELETE = `mutation($id: ID!) { deleteLead(id: $id) { lead { id deletedAt } errors { field code } } }`;
  const RESTORE = `mutation($id: ID!) { restoreLead(id: $id) { lead { id deletedAt } errors { field code } } }`;
  const HARD = `mutation($id: ID!) { hardDeleteLead(id: $id) { deletedId errors { field code } } }`;

  it('soft-deletes, lists the lead only as deleted, restores it', async () => {
    const lead = await createLead(t.ds, { teamId: w.north, contactName: 'Trash Candidate' });
    const id = leadId(lead.id);
    const list = (deleted: boolean, token = w.as.manager.accessToken) =>
      t.gql(`query($f: LeadFilter) { leads(filter: $f) { totalCount edges { node { id } } } }`, { f: { search: 'trash candidate', deleted } }, token).then((r) => r.body.data.leads);

    const del = await t.gql(DELETE, { id }, w.as.manager.accessToken);
    expect(del.body.data.deleteLead.errors).toEqual([]);
    expect(del.body.data.deleteLead.lead.deletedAt).toEqual(expect.any(String));
    expect((await t.gql(GET, { id }, w.as.manager.accessToken)).body.data.lead.deletedAt).toEqual(expect.any(String));
    expect((await t.gql(GET, { id }, w.as.sales.accessToken)).body.data.lead).toBeNull();
    expect((await list(false)).totalCount).toBe(0);
    expect(await list(true)).toEqual({ totalCount: 1, edges: [{ node: { id } }] });
    expect((await list(true, w.as.sales.accessToken)).totalCount).toBe(0);
    expect((await t.gql(DELETE, { id }, w.as.manager.accessToken)).body.data.deleteLead.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    expect((await t.gql(RESTORE, { id }, w.as.otherManager.accessToken)).body.data.restoreLead.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);

    const restored = await t.gql(RESTORE, { id }, w.as.manager.accessToken);
    expect(restored.body.data.restoreLead).toEqual({ lead: { id, deletedAt: null }, errors: [] });
    expect((await list(false)).totalCount).toBe(1);
    expect((await t.gql(RESTORE, { id }, w.as.manager.accessToken)).body.data.restoreLead.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    expect((await auditOf(t, 'Lead', lead.id)).map((a) => a.action)).toEqual(['DELETE', 'RESTORE']);
  });

  it('only admins and managers delete; only admins remove for good', async () => {
    const lead = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales.user.id });
    const id = leadId(lead.id);
    expect((await t.gql(DELETE, { id }, w.as.sales.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(DELETE, { id }, w.as.otherManager.accessToken)).body.data.deleteLead.errors).toEqual([{ field: ['id'], code: 'NOT_FOUND' }]);
    expect((await t.gql(HARD, { id }, w.as.manager.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const hard = await t.gql(HARD, { id }, w.as.admin.accessToken);
    expect(hard.body.data.hardDeleteLead).toEqual({ deletedId: id, errors: [] });
    expect(await countOf(t, 'SELECT count(*) AS n FROM leads WHERE id = $1', [lead.id])).toBe(0);
    expect((await auditOf(t, 'Lead', lead.id)).map((a) => a.action)).toEqual(['HARD_DELETE']);
    expect((await t.gql(HARD, { id }, w.as.admin.accessToken)).body.data.hardDeleteLead).toEqual({ deletedId: null, errors: [{ field: ['id'], code: 'NOT_FOUND' }] });
  });
});
