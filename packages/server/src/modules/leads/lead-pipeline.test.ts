import { createLead } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { auditOf, leadId, leadWorld } from '../../../test/lead-factories';
import { LEAD_STAGE_NAMES } from './lead-transitions';

const { t, w } = useTestApp(leadWorld);

const STATUS = `mutation($i: UpdateLeadStatusInput!) { updateLeadStatus(input: $i) { lead { status lostReason } errors { field code message } } }`;
const ASSIGN = `mutation($i: AssignLeadInput!) { assignLead(input: $i) { lead { id assignee { id } } errors { field code message } } }`;
type Err = { field: string[]; code: string };
const errs = (list: Err[]) => list.map((e) => `${e.field.join('.')}:${e.code}`).sort();

describe('updateLeadStatus', () => {
  const move = (id: string, status: string, token = w.as.sales.accessToken, lostReason?: string) =>
    t.gql(STATUS, { i: { id: leadId(id), status, lostReason } }, token).then((r) => r.body.data.updateLeadStatus);

  it('walks the pipeline forward to WON, with one step back allowed', async () => {
    const lead = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales.user.id });
    for (const status of ['CONTACTED', 'NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON']) {
      expect(await move(lead.id, status)).toEqual({ lead: { status, lostReason: null }, errors: [] });
    }
    const audit = await auditOf(t, 'Lead', lead.id);
    expect(audit).toHaveLength(10);
    expect(audit.at(-1)!.changes.status).toEqual({ before: 'ESTIMATE_SENT', after: 'WON' });
  });

  it('LOST needs a reason; reopening to NEW clears it', async () => {
    const lead = await createLead(t.ds, { teamId: w.north, status: 'INSPECTION_SCHEDULED' });
    expect(errs((await move(lead.id, 'LOST')).errors)).toEqual(['lostReason:REQUIRED']);
    expect(errs((await move(lead.id, 'LOST', undefined, '  ')).errors)).toEqual(['lostReason:REQUIRED']);
    expect(errs((await move(lead.id, 'LOST', undefined, 'r'.repeat(501))).errors)).toEqual(['lostReason:TOO_LONG']);
    expect(await move(lead.id, 'LOST', undefined, ' Went with a competitor ')).toEqual({ lead: { status: 'LOST', lostReason: 'Went with a competitor' }, errors: [] });
    expect(await move(lead.id, 'NEW')).toEqual({ lead: { status: 'NEW', lostReason: null }, errors: [] });
  });

  it.each([
    ['skipping a stage', 'NEW', 'INSPECTION_SCHEDULED'],
    ['jumping to WON', 'NEW', 'WON'],
    ['two steps back', 'ESTIMATE_SENT', 'CONTACTED'],
    ['back from WON', 'WON', 'ESTIMATE_SENT'],
    ['losing a WON lead', 'WON', 'LOST'],
    ['reopening LOST to anything but NEW', 'LOST', 'CONTACTED'],
    ['winning a LOST lead', 'LOST', 'WON'],
    ['staying put', 'CONTACTED', 'CONTACTED'],
  ] as const)('refuses %s (%s → %s) and changes nothing', async (_, from, to) => {
    const lead = await createLead(t.ds, { teamId: w.north, status: from, lostReason: from === 'LOST' ? 'Price' : null });
    const r = await move(lead.id, to, w.as.manager.accessToken, 'Some reason');
    expect(r.lead).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ field: ['status'], code: 'INVALID_TRANSITION' });
    expect(r.errors[0].message).toContain(from === to ? `already at ${LEAD_STAGE_NAMES[from]}` : `from ${LEAD_STAGE_NAMES[from]} to ${LEAD_STAGE_NAMES[to]}`);
    expect(r.errors[0].message).not.toContain(from);
    expect((await t.ds.query('SELECT status FROM leads WHERE id = $1', [lead.id]))[0].status).toBe(from);
    expect(await auditOf(t, 'Lead', lead.id)).toEqual([]);
  });

  it('a repair may skip the inspection (never the estimate); other work may not', async () => {
    const repair = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales.user.id, status: 'CONTACTED', projectType: 'REPAIR' });
    const roof = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales.user.id, status: 'CONTACTED', projectType: 'FULL_REPLACEMENT' });
    const refused = await move(roof.id, 'ESTIMATE_SENT');
    expect(refused.errors).toEqual([{
      field: ['status'],
      code: 'INVALID_TRANSITION',
      message: 'A lead cannot move from Contacted to Estimate sent: only repairs may be quoted without an inspection. From Contacted it can move to Inspection scheduled, New or Lost.',
    }]);
    expect((await move(repair.id, 'WON')).errors[0].message).toContain('a lead is won only after an estimate was sent');
    expect(await move(repair.id, 'ESTIMATE_SENT')).toEqual({ lead: { status: 'ESTIMATE_SENT', lostReason: null }, errors: [] });
    expect(await move(repair.id, 'WON')).toEqual({ lead: { status: 'WON', lostReason: null }, errors: [] });
  });

  it('an invisible lead is NOT_FOUND; field techs are refused', async () => {
    const lead = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales2.user.id });
    expect((await move(lead.id, 'CONTACTED')).errors).toEqual([{ field: ['id'], code: 'NOT_FOUND', message: 'No such lead.' }]);
    const tech = await t.gql(STATUS, { i: { id: leadId(lead.id), status: 'CONTACTED' } }, w.as.tech.accessToken);
    expect(tech.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Lead.allowedStatuses', () => {
  const ALLOWED = `query($id: ID!) { lead(id: $id) { status allowedStatuses } }`;
  const allowed = (id: string, token: string) => t.gql(ALLOWED, { id: leadId(id) }, token).then((r) => r.body.data.lead?.allowedStatuses);
  const STATUSES = ['NEW', 'CONTACTED', 'INSPECTION_SCHEDULED', 'ESTIMATE_SENT', 'WON', 'LOST'] as const;

  it.each([null, 'REPAIR'] as const)('is exactly what updateLeadStatus accepts, from every stage (project type %s)', async (projectType) => {
    for (const from of STATUSES) {
      const lead = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales.user.id, status: from, projectType, lostReason: from === 'LOST' ? 'Price' : null });
      const offered: string[] = await allowed(lead.id, w.as.sales.accessToken);
      for (const to of STATUSES) {
        await t.ds.query('UPDATE leads SET status = $2 WHERE id = $1', [lead.id, from]);
        const r = await t.gql(STATUS, { i: { id: leadId(lead.id), status: to, lostReason: 'Price' } }, w.as.sales.accessToken);
        expect([from, to, r.body.data.updateLeadStatus.errors.length === 0]).toEqual([from, to, offered.includes(to)]);
      }
    }
  });

  it('is the same for everyone who may change the lead, and empty in the trash', async () => {
    const theirs = await createLead(t.ds, { teamId: w.north, assigneeId: w.as.sales.user.id, status: 'CONTACTED' });
    expect(await allowed(theirs.id, w.as.manager.accessToken)).toEqual(['INSPECTION_SCHEDULED', 'NEW', 'LOST']);
    expect(await allowed(theirs.id, w.as.admin.accessToken)).toEqual(['INSPECTION_SCHEDULED', 'NEW', 'LOST']);
    await t.ds.query('UPDATE leads SET deleted_at = now() WHERE id = $1', [theirs.id]);
    expect(await allowed(theirs.id, w.as.admin.accessToken)).toEqual([]);
  });
});

describe('assignLead', () => {
  const assign = (id: string, assigneeId: string | null, token: string) =>
    t.gql(ASSIGN, { i: { id: leadId(id), assigneeId } }, token).then((r) => r.body.data.assignLead);
  const assigneeOf = async (id: string) => (await t.ds.query('SELECT assignee_id FROM leads WHERE id = $1', [id]))[0].assignee_id;

  it('admins assign any lead to anyone who works leads, and unassign', async () => {
    const lead = await createLead(t.ds, { teamId: w.south });
    expect((await assign(lead.id, w.as.sales.id, w.as.admin.accessToken)).lead.assignee).toEqual({ id: w.as.sales.id });
    expect(errs((await assign(lead.id, w.as.tech.id, w.as.admin.accessToken)).errors)).toEqual(['assigneeId:INVALID']);
    expect((await assign(lead.id, null, w.as.admin.accessToken)).lead.assignee).toBeNull();
    const audit = await auditOf(t, 'Lead', lead.id);
    expect(audit.map((a) => a.changes.assigneeId)).toEqual([
      { before: null, after: w.as.sales.user.id },
      { before: w.as.sales.user.id, after: null },
    ]);
  });

  it('managers assign within their teams', async () => {
    const lead = await createLead(t.ds, { teamId: w.north });
    expect((await assign(lead.id, w.as.sales2.id, w.as.manager.accessToken)).lead.assignee).toEqual({ id: w.as.sales2.id });
    expect(errs((await assign(lead.id, w.as.otherSales.id, w.as.manager.accessToken)).errors)).toEqual(['assigneeId:FORBIDDEN']);
    expect((await assign(lead.id, null, w.as.manager.accessToken)).lead.assignee).toBeNull();
    expect(errs((await assign(lead.id, w.as.otherSales.id, w.as.otherManager.accessToken)).errors)).toEqual(['id:NOT_FOUND']);
    const south = await createLead(t.ds, { teamId: w.south });
    expect((await assign(south.id, w.as.otherSales.id, w.as.southHead.accessToken)).lead.assignee).toEqual({ id: w.as.otherSales.id });
  });

  it('sales may claim an unassigned lead of their team for themselves, nothing else', async () => {
    const lead = await createLead(t.ds, { teamId: w.north });
    expect(errs((await assign(lead.id, w.as.sales2.id, w.as.sales.accessToken)).errors)).toEqual(['assigneeId:FORBIDDEN']);
    expect(errs((await assign(lead.id, null, w.as.sales.accessToken)).errors)).toEqual(['assigneeId:FORBIDDEN']);
    expect(await assigneeOf(lead.id)).toBeNull();
    expect((await assign(lead.id, w.as.sales.id, w.as.sales.accessToken)).lead.assignee).toEqual({ id: w.as.sales.id });
    // Now theirs: no handing it on, no unassigning, no re-claiming.
    for (const target of [w.as.sales2.id, null, w.as.sales.id]) {
      expect(errs((await assign(lead.id, target, w.as.sales.accessToken)).errors)).toEqual(['id:FORBIDDEN']);
    }
    // Gone from the other rep's view once claimed.
    expect(errs((await assign(lead.id, w.as.sales2.id, w.as.sales2.accessToken)).errors)).toEqual(['id:NOT_FOUND']);
    const south = await createLead(t.ds, { teamId: w.south });
    expect(errs((await assign(south.id, w.as.sales.id, w.as.sales.accessToken)).errors)).toEqual(['id:NOT_FOUND']);
    expect(await assigneeOf(lead.id)).toBe(w.as.sales.user.id);
    expect(await assigneeOf(south.id)).toBeNull();
  });
});
