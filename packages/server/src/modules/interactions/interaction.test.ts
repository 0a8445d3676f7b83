import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createInteraction, createLead, createProject, signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { createWorld, errorCodes, keyOf } from '../../../test/interactions-factories';
import type { CustomerEntity } from '../customers/customer.entity';
import type { ProjectEntity } from '../projects/project.entity';

const { t, w } = useTestApp(createWorld);
let customer: CustomerEntity;
let project: ProjectEntity;
let crewProject: ProjectEntity;

beforeAll(async () => {
  customer = await createCustomer(t.ds, { name: 'Dana Hansen', teamId: w.north });
  project = await createProject(t.ds, customer, { name: 'Hansen re-roof' });
  crewProject = await createProject(t.ds, customer, { name: 'Hansen gutters' }, [w.tech.user.id]);
});

const FIELDS = 'id type channel direction subject notes outcome occurredAt deletedAt customer { name } lead { contactName } project { name } user { name }';
const LOG = `mutation($i: LogInteractionInput!) { logInteraction(input: $i) { interaction { ${FIELDS} } errors { field code message } } }`;
const UPDATE = `mutation($i: UpdateInteractionInput!) { updateInteraction(input: $i) { interaction { ${FIELDS} } errors { field code message } } }`;
const DELETE = `mutation($id: ID!) { deleteInteraction(id: $id) { interaction { id deletedAt } errors { field code } } }`;
const RESTORE = `mutation($id: ID!) { restoreInteraction(id: $id) { interaction { id deletedAt } errors { field code } } }`;
const HARD_DELETE = `mutation($id: ID!) { hardDeleteInteraction(id: $id) { deletedId errors { field code } } }`;
const GET = `query($id: ID!) { interaction(id: $id) { id subject deletedAt } }`;
const DELETED = `query($f: InteractionFilter) { interactions(filter: $f) { totalCount edges { node { id } } } }`;

const gid = (type: string, id: string) => toGlobalId(type, id);
const count = async () => Number((await t.ds.query('SELECT count(*) AS n FROM interactions'))[0].n);
const row = async (id: string) => (await t.ds.query('SELECT * FROM interactions WHERE id = $1', [id]))[0];
const auditOf = (id: string): Promise<Array<{ action: string; actor_id: string; changes: Record<string, { before: unknown; after: unknown }> }>> =>
  t.ds.query(`SELECT action, actor_id, changes FROM audit_log WHERE entity_type = 'Interaction' AND entity_id = $1 ORDER BY id`, [id]);
const code = (r: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => r.body.errors?.[0]?.extensions?.code;
const minutesFromNow = (m: number) => new Date(Date.now() + m * 60_000).toISOString();
const log = (token: string, input: Record<string, unknown>) => t.gql(LOG, { i: { customerId: gid('Customer', customer.id), ...input } }, token);

describe('logInteraction', () => {
  it('logs a call about a lead and a project of the customer, by the viewer, in the customer team', async () => {
    const lead = await createLead(t.ds, { customerId: customer.id, teamId: w.north, contactName: 'Dana' });
    const r = await log(w.sales.accessToken, {
      type: 'CALL',
      leadId: gid('Lead', lead.id),
      projectId: gid('Project', project.id),
      channel: ' mobile ',
      subject: 'Discussed the estimate',
      outcome: 'booked inspection',
      occurredAt: '2026-01-15T14:30:00.000Z',
    });
    const { interaction, errors } = r.body.data.logInteraction;
    expect(errors).toEqual([]);
    expect(interaction).toMatchObject({
      type: 'CALL',
      channel: 'mobile',
      direction: 'OUTBOUND',
      subject: 'Discussed the estimate',
      notes: null,
      outcome: 'booked inspection',
      occurredAt: '2026-01-15T14:30:00.000Z',
      deletedAt: null,
      customer: { name: 'Dana Hansen' },
      lead: { contactName: 'Dana' },
      project: { name: 'Hansen re-roof' },
      user: { name: w.sales.user.name },
    });
    const stored = await row(keyOf(interaction.id));
    expect(stored).toMatchObject({ user_id: w.sales.user.id, team_id: w.north, lead_id: lead.id, project_id: project.id });
    const audit = await auditOf(keyOf(interaction.id));
    expect(audit).toMatchObject([{ action: 'CREATE', actor_id: w.sales.user.id }]);
    expect(audit[0]!.changes.subject).toEqual({ before: null, after: 'Discussed the estimate' });
  });

  it('makes notes INTERNAL whatever the direction, and dates them now when no time is given', async () => {
    const before = Date.now();
    const r = await log(w.sales.accessToken, { type: 'NOTE', direction: 'INBOUND', notes: 'Gate code 4412' });
    const { interaction, errors } = r.body.data.logInteraction;
    expect(errors).toEqual([]);
    expect(interaction).toMatchObject({ type: 'NOTE', direction: 'INTERNAL', subject: null, notes: 'Gate code 4412', lead: null, project: null });
    const at = new Date(interaction.occurredAt).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('keeps the direction given for other kinds and accepts a time a few minutes ahead (clock skew)', async () => {
    const r = await log(w.sales.accessToken, { type: 'EMAIL', direction: 'INBOUND', subject: 'Question about shingles', occurredAt: minutesFromNow(4) });
    expect(r.body.data.logInteraction.errors).toEqual([]);
    expect(r.body.data.logInteraction.interaction.direction).toBe('INBOUND');
  });

  it('reports every invalid field at once and logs nothing', async () => {
    const other = await createCustomer(t.ds, { teamId: w.north });
    const otherLead = await createLead(t.ds, { customerId: other.id, teamId: w.north });
    const otherProject = await createProject(t.ds, other);
    const before = await count();
    const r = await log(w.sales.accessToken, {
      type: 'CALL',
      leadId: gid('Lead', otherLead.id),
      projectId: gid('Project', otherProject.id),
      channel: 'c'.repeat(51),
      subject: '   ',
      outcome: 'o'.repeat(101),
      occurredAt: minutesFromNow(10),
    });
    expect(r.body.data.logInteraction.interaction).toBeNull();
    expect(errorCodes(r.body.data.logInteraction.errors)).toEqual([
      'channel:TOO_LONG',
      'leadId:NOT_FOUND',
      'notes:REQUIRED',
      'occurredAt:OUT_OF_RANGE',
      'outcome:TOO_LONG',
      'projectId:NOT_FOUND',
    ]);
    expect(await count()).toBe(before);
  });

  it('limits subject to 200 and notes to 10,000 characters', async () => {
    const r = await log(w.sales.accessToken, { type: 'VISIT', subject: 's'.repeat(201), notes: 'n'.repeat(10_001) });
    expect(errorCodes(r.body.data.logInteraction.errors)).toEqual(['notes:TOO_LONG', 'subject:TOO_LONG']);
    const ok = await log(w.sales.accessToken, { type: 'VISIT', subject: 's'.repeat(200), notes: 'n'.repeat(10_000) });
    expect(ok.body.data.logInteraction.errors).toEqual([]);
  });

  it('treats customers, leads and projects the viewer may not see as missing', async () => {
    const south = await createCustomer(t.ds, { teamId: w.south });
    const notMine = await createLead(t.ds, { customerId: customer.id, teamId: w.north, assigneeId: w.manager.user.id });
    const before = await count();
    const invisible = await log(w.sales.accessToken, { customerId: gid('Customer', south.id), type: 'CALL', subject: 'Hi' });
    expect(errorCodes(invisible.body.data.logInteraction.errors)).toEqual(['customerId:NOT_FOUND']);
    const bogus = await log(w.sales.accessToken, { customerId: gid('Lead', customer.id), type: 'CALL', subject: 'Hi' });
    expect(errorCodes(bogus.body.data.logInteraction.errors)).toEqual(['customerId:NOT_FOUND']);
    const lead = await log(w.sales.accessToken, { type: 'CALL', subject: 'Hi', leadId: gid('Lead', notMine.id) });
    expect(errorCodes(lead.body.data.logInteraction.errors)).toEqual(['leadId:NOT_FOUND']);
    expect(await count()).toBe(before);
  });

  describe('as a field tech', () => {
    it('logs on a project they are on', async () => {
      const r = await log(w.tech.accessToken, { type: 'VISIT', projectId: gid('Project', crewProject.id), notes: 'Measured the gutters' });
      expect(r.body.data.logInteraction.errors).toEqual([]);
      expect(r.body.data.logInteraction.interaction).toMatchObject({ project: { name: 'Hansen gutters' }, user: { name: w.tech.user.name } });
    });

    it('is refused on another project or without one', async () => {
      const before = await count();
      const other = await log(w.tech.accessToken, { type: 'VISIT', projectId: gid('Project', project.id), notes: 'x' });
      expect(errorCodes(other.body.data.logInteraction.errors)).toEqual(['projectId:FORBIDDEN']);
      const none = await log(w.tech.accessToken, { type: 'VISIT', notes: 'x' });
      expect(errorCodes(none.body.data.logInteraction.errors)).toEqual(['projectId:FORBIDDEN']);
      const unknown = await log(w.tech.accessToken, { type: 'VISIT', projectId: gid('Project', '00000000-0000-4000-8000-000000000000'), notes: 'x' });
      expect(errorCodes(unknown.body.data.logInteraction.errors)).toEqual(['projectId:FORBIDDEN']);
      expect(await count()).toBe(before);
    });

    it('cannot reach customers of projects they are not on', async () => {
      const elsewhere = await createCustomer(t.ds, { teamId: w.north });
      const r = await log(w.tech.accessToken, { customerId: gid('Customer', elsewhere.id), type: 'VISIT', projectId: gid('Project', crewProject.id), notes: 'x' });
      expect(errorCodes(r.body.data.logInteraction.errors)).toEqual(['customerId:NOT_FOUND']);
    });
  });
});

describe('updateInteraction', () => {
  const logBy = async (token: string, input: Record<string, unknown> = {}) => {
    const r = await log(token, { type: 'CALL', subject: 'First call', projectId: gid('Project', crewProject.id), ...input });
    expect(r.body.data.logInteraction.errors).toEqual([]);
    return r.body.data.logInteraction.interaction.id as string;
  };

  it('lets the author correct it, recording the change', async () => {
    const id = await logBy(w.sales.accessToken);
    const r = await t.gql(UPDATE, { i: { id, subject: 'Second call', outcome: 'left voicemail', occurredAt: '2026-02-01T10:00:00.000Z' } }, w.sales.accessToken);
    expect(r.body.data.updateInteraction).toMatchObject({
      errors: [],
      interaction: { id, subject: 'Second call', outcome: 'left voicemail', occurredAt: '2026-02-01T10:00:00.000Z', type: 'CALL', direction: 'OUTBOUND' },
    });
    const audit = await auditOf(keyOf(id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE']);
    expect(audit[1]!.changes.subject).toEqual({ before: 'First call', after: 'Second call' });
  });

  it('refuses another sales rep of the team, and hides it from other teams', async () => {
    const id = await logBy(w.sales.accessToken);
    const colleague = await signedIn(t, 'SALES', w.north);
    const other = await t.gql(UPDATE, { i: { id, subject: 'Hijacked' } }, colleague.accessToken);
    expect(other.body.data.updateInteraction).toEqual({ interaction: null, errors: [expect.objectContaining({ field: ['id'], code: 'FORBIDDEN' })] });
    const foreign = await t.gql(UPDATE, { i: { id, subject: 'Hijacked' } }, w.otherSales.accessToken);
    expect(errorCodes(foreign.body.data.updateInteraction.errors)).toEqual(['id:NOT_FOUND']);
    const foreignManager = await t.gql(UPDATE, { i: { id, subject: 'Hijacked' } }, w.otherManager.accessToken);
    expect(errorCodes(foreignManager.body.data.updateInteraction.errors)).toEqual(['id:NOT_FOUND']);
    expect((await row(keyOf(id))).subject).toBe('First call');
    expect((await auditOf(keyOf(id))).map((a) => a.action)).toEqual(['CREATE']);
  });

  it('lets managers of the customer team, admins and field tech authors edit', async () => {
    const id = await logBy(w.sales.accessToken);
    for (const [who, subject] of [[w.manager, 'By manager'], [w.admin, 'By admin']] as const) {
      const r = await t.gql(UPDATE, { i: { id, subject } }, who.accessToken);
      expect(r.body.data.updateInteraction).toMatchObject({ errors: [], interaction: { subject } });
    }
    const techs = await logBy(w.tech.accessToken, { type: 'VISIT' });
    const mine = await t.gql(UPDATE, { i: { id: techs, notes: 'Ladder marks on the siding' } }, w.tech.accessToken);
    expect(mine.body.data.updateInteraction).toMatchObject({ errors: [], interaction: { notes: 'Ladder marks on the siding' } });
    const notMine = await t.gql(UPDATE, { i: { id, subject: 'By tech' } }, w.tech.accessToken);
    expect(errorCodes(notMine.body.data.updateInteraction.errors)).toEqual(['id:FORBIDDEN']);
  });

  it('validates like logging and changes nothing on errors', async () => {
    const id = await logBy(w.sales.accessToken, { channel: 'mobile' });
    const r = await t.gql(UPDATE, { i: { id, subject: null, channel: 'c'.repeat(51), outcome: 'o'.repeat(101), occurredAt: minutesFromNow(30) } }, w.sales.accessToken);
    expect(r.body.data.updateInteraction.interaction).toBeNull();
    expect(errorCodes(r.body.data.updateInteraction.errors)).toEqual(['channel:TOO_LONG', 'notes:REQUIRED', 'occurredAt:OUT_OF_RANGE', 'outcome:TOO_LONG']);
    expect(await row(keyOf(id))).toMatchObject({ subject: 'First call', channel: 'mobile', outcome: null });
  });

  it('keeps notes INTERNAL and turns a former note OUTBOUND', async () => {
    const id = await logBy(w.sales.accessToken, { direction: 'INBOUND' });
    const toNote = await t.gql(UPDATE, { i: { id, type: 'NOTE' } }, w.sales.accessToken);
    expect(toNote.body.data.updateInteraction.interaction).toMatchObject({ type: 'NOTE', direction: 'INTERNAL' });
    const back = await t.gql(UPDATE, { i: { id, type: 'SMS' } }, w.sales.accessToken);
    expect(back.body.data.updateInteraction.interaction).toMatchObject({ type: 'SMS', direction: 'OUTBOUND' });
    const inbound = await t.gql(UPDATE, { i: { id, direction: 'INBOUND' } }, w.sales.accessToken);
    expect(inbound.body.data.updateInteraction.interaction).toMatchObject({ type: 'SMS', direction: 'INBOUND' });
  });
});

describe('delete, restore and hard delete', () => {
  it('only admins and managers may delete or restore, only admins hard-delete', async () => {
    const i = await createInteraction(t.ds, customer);
    const id = gid('Interaction', i.id);
    for (const s of [w.sales, w.tech]) {
      expect(code(await t.gql(DELETE, { id }, s.accessToken))).toBe('FORBIDDEN');
      expect(code(await t.gql(RESTORE, { id }, s.accessToken))).toBe('FORBIDDEN');
    }
    for (const s of [w.sales, w.manager]) expect(code(await t.gql(HARD_DELETE, { id }, s.accessToken))).toBe('FORBIDDEN');
    expect(await row(i.id)).toMatchObject({ deleted_at: null });
  });

  it('soft-deletes, hides from sales, shows to managers in the trash, restores, with audit entries', async () => {
    const i = await createInteraction(t.ds, customer, { subject: 'To be trashed' });
    const id = gid('Interaction', i.id);
    expect(errorCodes((await t.gql(DELETE, { id }, w.otherManager.accessToken)).body.data.deleteInteraction.errors)).toEqual(['id:NOT_FOUND']);

    const del = await t.gql(DELETE, { id }, w.manager.accessToken);
    expect(del.body.data.deleteInteraction.errors).toEqual([]);
    expect(del.body.data.deleteInteraction.interaction.deletedAt).not.toBeNull();
    expect((await t.gql(GET, { id }, w.sales.accessToken)).body.data.interaction).toBeNull();
    expect((await t.gql(GET, { id }, w.manager.accessToken)).body.data.interaction).toMatchObject({ id, subject: 'To be trashed' });
    const trash = { f: { customerId: gid('Customer', customer.id), deleted: true } };
    expect((await t.gql(DELETED, trash, w.manager.accessToken)).body.data.interactions.edges.map((e: any) => e.node.id)).toEqual([id]);
    expect((await t.gql(DELETED, trash, w.sales.accessToken)).body.data.interactions).toEqual({ totalCount: 0, edges: [] });
    const active = (await t.gql(DELETED, { f: { customerId: gid('Customer', customer.id) } }, w.manager.accessToken)).body.data.interactions;
    expect(active.edges.map((e: any) => e.node.id)).not.toContain(id);

    expect(errorCodes((await t.gql(UPDATE, { i: { id, subject: 'x' } }, w.manager.accessToken)).body.data.updateInteraction.errors)).toEqual(['id:NOT_FOUND']);
    expect(errorCodes((await t.gql(DELETE, { id }, w.manager.accessToken)).body.data.deleteInteraction.errors)).toEqual(['id:NOT_FOUND']);

    const restored = await t.gql(RESTORE, { id }, w.manager.accessToken);
    expect(restored.body.data.restoreInteraction).toEqual({ interaction: { id, deletedAt: null }, errors: [] });
    expect(errorCodes((await t.gql(RESTORE, { id }, w.manager.accessToken)).body.data.restoreInteraction.errors)).toEqual(['id:NOT_FOUND']);
    expect((await t.gql(GET, { id }, w.sales.accessToken)).body.data.interaction).toMatchObject({ id });
    expect((await auditOf(i.id)).map((a) => [a.action, a.actor_id])).toEqual([
      ['DELETE', w.manager.user.id],
      ['RESTORE', w.manager.user.id],
    ]);
  });

  it('hard-deletes for good (admins), deleted or not', async () => {
    const i = await createInteraction(t.ds, customer, { deletedAt: new Date() });
    const id = gid('Interaction', i.id);
    const r = await t.gql(HARD_DELETE, { id }, w.admin.accessToken);
    expect(r.body.data.hardDeleteInteraction).toEqual({ deletedId: id, errors: [] });
    expect(await row(i.id)).toBeUndefined();
    expect((await auditOf(i.id)).map((a) => [a.action, a.actor_id])).toEqual([['HARD_DELETE', w.admin.user.id]]);
    const again = await t.gql(HARD_DELETE, { id }, w.admin.accessToken);
    expect(errorCodes(again.body.data.hardDeleteInteraction.errors)).toEqual(['id:NOT_FOUND']);
  });
});
