import { toGlobalId } from '../../platform/graphql/global-id';
import { createAppointment, createCustomer, createInteraction, createLead, createProject, login, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t, w } = useTestApp(twoTeamCast);

const MERGE = `mutation($i: MergeCustomersInput!) {
  mergeCustomers(input: $i) {
    dryRun
    survivor { id name email phone deletedAt }
    merged { id deletedAt mergedInto { id } }
    values { name email phone address { street city state zip } customerType segment emailOptIn smsOptIn }
    moves { leads projects appointments interactions reviews reviewRequests messages referredLeads partnerReferrals }
    errors { field code message }
  }
}`;
const TIMELINE = `query($id: ID!) { customer(id: $id) { id interactions(first: 50) { subject notes } leads { id } projects { id } } }`;
const gid = (id: string) => toGlobalId('Customer', id);
const merge = (token: string, i: Record<string, unknown>) => t.gql(MERGE, { i }, token);
const count = async (sql: string, params: unknown[] = []) => Number((await t.ds.query(sql, params))[0].n);

/** A customer with one of everything, and one that has almost nothing. */
async function pair(teams: { survivor?: string; merged?: string } = {}) {
  const survivor = await createCustomer(t.ds, { name: 'Dana Hansen', email: null, phone: '+16125550142', segment: null, teamId: teams.survivor ?? w.north });
  const merged = await createCustomer(t.ds, {
    name: 'Dana M. Hansen',
    email: `dana.${Math.random().toString(36).slice(2, 8)}@example.com`,
    phone: '+16125550199',
    segment: 'storm-2026',
    smsOptIn: true,
    teamId: teams.merged ?? w.north,
  });
  const [partner] = await t.ds.query(`INSERT INTO partners (name, kind, status, team_id) VALUES ('Acme Realty', 'REALTOR', 'ACTIVE', $1) RETURNING id`, [w.north]);
  const lead = await createLead(t.ds, { customerId: merged.id, contactName: null, teamId: merged.teamId, source: 'PARTNER', referredPartnerId: partner.id });
  const referred = await createLead(t.ds, { contactName: 'Neighbour', source: 'REFERRAL', referredCustomerId: merged.id, teamId: merged.teamId });
  const project = await createProject(t.ds, merged, { leadId: lead.id });
  const appointment = await createAppointment(t.ds, merged, { projectId: project.id });
  await createInteraction(t.ds, merged, { subject: 'Called about the hail damage' });
  await createInteraction(t.ds, merged, { subject: 'Old note, deleted', deletedAt: new Date() });
  await createInteraction(t.ds, survivor, { subject: 'Survivor first call' });
  const [review] = await t.ds.query(`INSERT INTO reviews (platform, rating, author_name, posted_at, project_id, customer_id, team_id) VALUES ('GOOGLE', 5, 'Dana', now(), $1, $2, $3) RETURNING id`, [project.id, merged.id, merged.teamId]);
  await t.ds.query(`INSERT INTO review_requests (project_id, customer_id, team_id, status, send_at, expires_at) VALUES ($1, $2, $3, 'PENDING', now(), now() + interval '30 days')`, [project.id, merged.id, merged.teamId]);
  await t.ds.query(`INSERT INTO messages (channel, purpose, recipient, template, text, status, customer_id) VALUES ('SMS', 'TRANSACTIONAL', '+16125550199', 'staff-notice', 'Hi', 'SENT', $1)`, [merged.id]);
  return { survivor, merged, lead, referred, project, appointment, review: review.id as string };
}

const ALL_MOVES = { leads: 1, projects: 1, appointments: 1, interactions: 2, reviews: 1, reviewRequests: 1, messages: 1, referredLeads: 1, partnerReferrals: 1 };

describe('mergeCustomers', () => {
  it('dry run: the surviving values and what would move, and nothing changes', async () => {
    const p = await pair();
    const snapshot = async () => [
      await count('SELECT count(*) AS n FROM audit_log'),
      await count('SELECT count(*) AS n FROM outbox_events'),
      await count('SELECT count(*) AS n FROM customers WHERE deleted_at IS NULL'),
      await count('SELECT count(*) AS n FROM interactions WHERE customer_id = $1', [p.merged.id]),
    ];
    const before = await snapshot();
    const r = await merge(w.as.manager.accessToken, { survivorId: gid(p.survivor.id), mergedId: gid(p.merged.id), fields: { name: 'SURVIVOR', phone: 'MERGED', smsOptIn: 'MERGED' }, dryRun: true });
    expect(r.body.data.mergeCustomers).toMatchObject({
      dryRun: true,
      errors: [],
      survivor: { name: 'Dana Hansen', deletedAt: null },
      merged: { deletedAt: null, mergedInto: null },
      // Chosen: the survivor's name, the merged phone and SMS opt-in; unchosen: the survivor's, or the merged one's where it has none.
      values: { name: 'Dana Hansen', email: p.merged.email, phone: '+16125550199', segment: 'storm-2026', smsOptIn: true, emailOptIn: false },
      moves: ALL_MOVES,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('is for admins and managers of both teams', async () => {
    const p = await pair();
    const input = { survivorId: gid(p.survivor.id), mergedId: gid(p.merged.id), dryRun: true };
    expect((await merge(w.as.sales.accessToken, input)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await merge(w.as.tech.accessToken, input)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await merge(w.as.otherManager.accessToken, input)).body.data.mergeCustomers.errors.map((e: any) => `${e.field}:${e.code}`)).toEqual(['survivorId:NOT_FOUND', 'mergedId:NOT_FOUND']);
    expect((await merge(w.as.admin.accessToken, input)).body.data.mergeCustomers.errors).toEqual([]);
    const across = await pair({ merged: w.south });
    const crossInput = { survivorId: gid(across.survivor.id), mergedId: gid(across.merged.id), dryRun: true };
    expect((await merge(w.as.admin.accessToken, crossInput)).body.data.mergeCustomers.errors).toEqual([]);
    // The north manager cannot see the south customer; once they manage the south team too, they may merge the two.
    expect((await merge(w.as.manager.accessToken, crossInput)).body.data.mergeCustomers.errors[0]).toMatchObject({ field: ['mergedId'], code: 'NOT_FOUND' });
    await t.ds.query('UPDATE teams SET manager_id = $1 WHERE id = $2', [w.as.manager.user.id, w.south]);
    try {
      const fresh = await login(t, w.as.manager.user.email);
      expect((await merge(fresh.accessToken!, crossInput)).body.data.mergeCustomers.errors).toEqual([]);
    } finally {
      await t.ds.query('UPDATE teams SET manager_id = NULL WHERE id = $1', [w.south]);
    }
    expect((await merge(w.as.admin.accessToken, { survivorId: gid(p.survivor.id), mergedId: gid(p.survivor.id) })).body.data.mergeCustomers.errors[0]).toMatchObject({ code: 'INVALID' });
  });

  it('moves everything to the survivor, deletes the merged customer pointing to it, audits both and announces each move', async () => {
    const p = await pair();
    const events = await count('SELECT coalesce(max(seq), 0) AS n FROM outbox_events');
    const r = await merge(w.as.manager.accessToken, { survivorId: gid(p.survivor.id), mergedId: gid(p.merged.id), fields: { email: 'MERGED', phone: 'SURVIVOR' } });
    const done = r.body.data.mergeCustomers;
    expect(done).toMatchObject({
      dryRun: false,
      errors: [],
      survivor: { id: gid(p.survivor.id), email: p.merged.email, phone: '+16125550142', deletedAt: null },
      merged: { id: gid(p.merged.id), deletedAt: expect.any(String), mergedInto: { id: gid(p.survivor.id) } },
      moves: ALL_MOVES,
    });
    for (const table of ['leads', 'projects', 'appointments', 'interactions', 'reviews', 'review_requests', 'messages']) {
      expect(await count(`SELECT count(*) AS n FROM ${table} WHERE customer_id = $1`, [p.merged.id])).toBe(0);
    }
    expect(await count('SELECT count(*) AS n FROM leads WHERE referred_customer_id = $1', [p.survivor.id])).toBe(1);
    const [lead] = await t.ds.query('SELECT customer_id, referred_partner_id FROM leads WHERE id = $1', [p.lead.id]);
    expect(lead.customer_id).toBe(p.survivor.id);
    expect(lead.referred_partner_id).not.toBeNull();
    const [merged] = await t.ds.query('SELECT email, merged_into_id, deleted_at FROM customers WHERE id = $1', [p.merged.id]);
    expect(merged).toMatchObject({ email: null, merged_into_id: p.survivor.id, deleted_at: expect.any(Date) });

    // A MERGE entry on both customers; each moved record audited as an update of its customer.
    const merges = await t.ds.query(`SELECT entity_id, actor_id, changes FROM audit_log WHERE action = 'MERGE' AND entity_id = ANY($1)`, [[p.survivor.id, p.merged.id]]);
    expect(merges).toHaveLength(2);
    const onSurvivor = merges.find((m: any) => m.entity_id === p.survivor.id);
    expect(onSurvivor.actor_id).toBe(w.as.manager.user.id);
    expect(onSurvivor.changes).toMatchObject({ email: { before: null, after: p.merged.email }, segment: { before: null, after: 'storm-2026' }, mergedCustomerId: { before: null, after: p.merged.id } });
    expect(merges.find((m: any) => m.entity_id === p.merged.id).changes).toMatchObject({ mergedIntoId: { before: null, after: p.survivor.id }, email: { before: p.merged.email, after: null } });
    const moved = await t.ds.query(`SELECT entity_type, changes FROM audit_log WHERE action = 'UPDATE' AND entity_id = ANY($1)`, [[p.lead.id, p.project.id, p.appointment.id, p.review]]);
    expect(moved.map((a: any) => a.entity_type).sort()).toEqual(['Appointment', 'Lead', 'Project', 'Review']);
    expect(moved.every((a: any) => a.changes.customerId.after === p.survivor.id)).toBe(true);
    // The modules' live events of the moved records.
    const outbox = await t.ds.query('SELECT type, entity_id FROM outbox_events WHERE seq > $1', [events]);
    const announced = (type: string, id: string) => outbox.some((e: any) => e.type === type && e.entity_id === id);
    expect(announced('lead.updated', p.lead.id)).toBe(true);
    expect(announced('lead.updated', p.referred.id)).toBe(true);
    expect(announced('project.updated', p.project.id)).toBe(true);
    expect(announced('appointment.updated', p.appointment.id)).toBe(true);
    expect(announced('review.updated', p.review)).toBe(true);

    // One timeline: the survivor's and the merged customer's interactions, and a note of the merge on top.
    const timeline = (await t.gql(TIMELINE, { id: gid(p.survivor.id) }, w.as.manager.accessToken)).body.data.customer;
    expect(timeline.interactions.map((i: any) => i.subject)).toEqual(expect.arrayContaining(['Merged with Dana M. Hansen', 'Called about the hail damage', 'Survivor first call']));
    expect(timeline.interactions[0].subject).toBe('Merged with Dana M. Hansen');
    expect(timeline.interactions[0].notes).toContain('1 lead, 1 project, 1 appointment, 2 interactions, 1 review, 1 review request, 1 message and 1 referred lead moved here');
    expect(timeline.projects).toEqual([{ id: toGlobalId('Project', p.project.id) }]);

    // The merged customer stays merged: no second merge, no restore.
    expect((await merge(w.as.manager.accessToken, { survivorId: gid(p.survivor.id), mergedId: gid(p.merged.id) })).body.data.mergeCustomers.errors[0]).toMatchObject({ field: ['mergedId'], code: 'NOT_FOUND' });
    const restore = await t.gql(`mutation($id: ID!) { restoreCustomer(id: $id) { customer { id } errors { code } } }`, { id: gid(p.merged.id) }, w.as.admin.accessToken);
    expect(restore.body.data.restoreCustomer.errors).toEqual([{ code: 'FORBIDDEN' }]);
  });

  it('takes the duplicate pair out of the queue', async () => {
    const a = await createCustomer(t.ds, { name: 'Quinn Foster', email: null, phone: '+16125550777', teamId: w.north });
    const b = await createCustomer(t.ds, { name: 'Quinn Fosters', email: null, phone: '+16125550777', teamId: w.north });
    await t.app.services.duplicates.scan();
    const inQueue = () => count('SELECT count(*) AS n FROM customer_duplicates WHERE customer_a = ANY($1) OR customer_b = ANY($1)', [[a.id, b.id]]);
    expect(await inQueue()).toBe(1);
    expect((await merge(w.as.admin.accessToken, { survivorId: gid(a.id), mergedId: gid(b.id) })).body.data.mergeCustomers.errors).toEqual([]);
    expect(await inQueue()).toBe(0);
  });
});
