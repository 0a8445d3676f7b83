import type { DataSource } from 'typeorm';
import { toGlobalId } from '../../src/platform/graphql/global-id';
import {
  createAppointment,
  createCustomer,
  createInteraction,
  createLead,
  createProject,
  createTeam,
  signedIn,
  type Session,
} from '../factories';
import { useTestApp } from '../harness';

/**
 * Roles × entities × {by id, node, list + totalCount, nested, mutate}. Two teams (A and B); every role of team A
 * plus the manager of B and an admin. Fails on any read or write the rules do not allow, and on any allowed one
 * that is refused. Imports and duplicates: authorization-matrix-imports-duplicates.test.ts; partner API keys:
 * authorization-matrix-partners.test.ts.
 */
type Who = 'admin' | 'managerA' | 'salesA' | 'techA' | 'managerB';
type Kind = 'Customer' | 'Lead' | 'Project' | 'Appointment' | 'Interaction' | 'Review' | 'ReviewRequest';
/** Kinds a role may not ask for at all (the root fields refuse the role). */
const REFUSED: Partial<Record<Who, Kind[]>> = { techA: ['ReviewRequest'] };

const { t } = useTestApp();
const who: Partial<Record<Who, Session>> = {};
const records: Array<{ key: string; kind: Kind; id: string }> = [];

/** Which records each viewer may see. Everything else must be invisible. */
const VISIBLE: Record<Who, string[] | 'all'> = {
  admin: 'all',
  managerA: ['cA', 'pA', 'pA2', 'lMine', 'lOpen', 'lOther', 'apMine', 'apOpen', 'apOther', 'iCrew', 'iOffice', 'rCrew', 'rOffice', 'qA'],
  salesA: ['cA', 'pA', 'pA2', 'lMine', 'lOpen', 'apMine', 'apOpen', 'iCrew', 'iOffice', 'rCrew', 'rOffice', 'qA'],
  techA: ['cA', 'pA', 'apOpen', 'apTech', 'iCrew', 'rCrew'],
  managerB: ['cB', 'pB', 'lB', 'apTech', 'apB', 'iB', 'rB', 'qB'],
};
const visible = (w: Who, key: string) => VISIBLE[w] === 'all' || (VISIBLE[w] as string[]).includes(key);

async function seed(ds: DataSource) {
  const a = await createTeam(ds, 'Team A');
  const b = await createTeam(ds, 'Team B');
  who.admin = await signedIn(t, 'ADMIN');
  who.managerA = await signedIn(t, 'MANAGER', a.id);
  who.salesA = await signedIn(t, 'SALES', a.id);
  who.techA = await signedIn(t, 'FIELD_TECH', a.id);
  who.managerB = await signedIn(t, 'MANAGER', b.id);
  const otherSalesA = await signedIn(t, 'SALES', a.id);
  const salesA = who.salesA.user.id;
  const techA = who.techA.user.id;

  const cA = await createCustomer(ds, { teamId: a.id, name: 'Customer A' });
  const cB = await createCustomer(ds, { teamId: b.id, name: 'Customer B' });
  const pA = await createProject(ds, cA, { name: 'Crew project' }, [techA]);
  const pA2 = await createProject(ds, cA, { name: 'Office project' });
  const pB = await createProject(ds, cB, { name: 'B project' });
  const add = (key: string, kind: Kind, id: string) => records.push({ key, kind, id });
  add('cA', 'Customer', cA.id);
  add('cB', 'Customer', cB.id);
  add('pA', 'Project', pA.id);
  add('pA2', 'Project', pA2.id);
  add('pB', 'Project', pB.id);
  add('lMine', 'Lead', (await createLead(ds, { teamId: a.id, customerId: cA.id, assigneeId: salesA })).id);
  add('lOpen', 'Lead', (await createLead(ds, { teamId: a.id, customerId: cA.id })).id);
  add('lOther', 'Lead', (await createLead(ds, { teamId: a.id, customerId: cA.id, assigneeId: otherSalesA.user.id })).id);
  add('lB', 'Lead', (await createLead(ds, { teamId: b.id, customerId: cB.id })).id);
  add('apMine', 'Appointment', (await createAppointment(ds, cA, { assigneeId: salesA })).id);
  add('apOpen', 'Appointment', (await createAppointment(ds, cA, { projectId: pA.id })).id);
  add('apOther', 'Appointment', (await createAppointment(ds, cA, { assigneeId: otherSalesA.user.id })).id);
  add('apTech', 'Appointment', (await createAppointment(ds, cB, { assigneeId: techA, teamId: b.id })).id);
  add('apB', 'Appointment', (await createAppointment(ds, cB)).id);
  add('iCrew', 'Interaction', (await createInteraction(ds, cA, { projectId: pA.id, userId: salesA })).id);
  add('iOffice', 'Interaction', (await createInteraction(ds, cA, { userId: otherSalesA.user.id })).id);
  add('iB', 'Interaction', (await createInteraction(ds, cB)).id);
  const review = async (p: { id: string; customerId: string; teamId: string | null }) =>
    (
      await ds.query(
        `INSERT INTO reviews (platform, rating, author_name, posted_at, customer_id, project_id, team_id, status) VALUES ('GOOGLE', 4, 'Matrix', now(), $1, $2, $3, 'NEW') RETURNING id`,
        [p.customerId, p.id, p.teamId],
      )
    )[0].id as string;
  add('rCrew', 'Review', await review(pA));
  add('rOffice', 'Review', await review(pA2));
  add('rB', 'Review', await review(pB));
  const request = async (p: { id: string; customerId: string; teamId: string | null }) =>
    (
      await ds.query(
        `INSERT INTO review_requests (project_id, customer_id, team_id, status, not_sent_reason, send_at, expires_at) VALUES ($1, $2, $3, 'NOT_SENT', 'matrix', now(), now() + interval '30 days') RETURNING id`,
        [p.id, p.customerId, p.teamId],
      )
    )[0].id as string;
  add('qA', 'ReviewRequest', await request(pA));
  add('qB', 'ReviewRequest', await request(pB));
}

beforeAll(async () => {
  await seed(t.ds);
}, 60_000);

const WHO = Object.keys(VISIBLE) as Who[];
const field = (kind: Kind) => kind.charAt(0).toLowerCase() + kind.slice(1);
const gid = (r: { kind: Kind; id: string }) => toGlobalId(r.kind, r.id);
const keysOf = (ids: string[]) => records.filter((r) => ids.includes(gid(r))).map((r) => r.key).sort();
const expectedKeys = (w: Who, kind: Kind) => records.filter((r) => r.kind === kind && visible(w, r.key)).map((r) => r.key).sort();

describe.each(WHO)('%s', (w) => {
  it('reads by id and node exactly what the rules allow', async () => {
    for (const r of records) {
      const byId = await t.gql(`query($id: ID!) { ${field(r.kind)}(id: $id) { id } }`, { id: gid(r) }, who[w]!.accessToken);
      const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: gid(r) }, who[w]!.accessToken);
      const expected = visible(w, r.key) ? { id: gid(r) } : null;
      expect({ key: r.key, byId: byId.body.data?.[field(r.kind)], node: node.body.data?.node }).toEqual({ key: r.key, byId: expected, node: expected });
    }
  });

  it.each(['Customer', 'Lead', 'Project', 'Appointment', 'Interaction', 'Review', 'ReviewRequest'] as Kind[])('lists %s with a matching totalCount', async (kind) => {
    const r = await t.gql(`{ list: ${field(kind)}s(first: 100) { totalCount edges { node { id } } } }`, {}, who[w]!.accessToken);
    if (REFUSED[w]?.includes(kind)) {
      expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(expectedKeys(w, kind)).toEqual([]);
      return;
    }
    expect(r.body.errors).toBeUndefined();
    const keys = keysOf(r.body.data.list.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(keys).toEqual(expectedKeys(w, kind));
    expect(r.body.data.list.totalCount).toBe(keys.length);
  });

  it('never sees more through nested fields', async () => {
    const customers = records.filter((r) => r.kind === 'Customer');
    for (const c of customers) {
      const r = await t.gql(
        `query($id: ID!) { customer(id: $id) { leads { id } projects { id customer { id } appointments { id } interactions { id } reviews { id } reviewRequest { id project { id } } }
           appointments { id project { id } lead { id } } interactions(first: 100) { id project { id } lead { id } } reviews { id project { id } customer { id } } } }`,
        { id: gid(c) },
        who[w]!.accessToken,
      );
      expect(r.body.errors).toBeUndefined();
      const seen = JSON.stringify(r.body.data).match(/"id":"([^"]+)"/g)?.map((m) => m.slice(6, -1)) ?? [];
      for (const key of keysOf(seen)) expect({ viewer: w, via: c.key, saw: key, allowed: visible(w, key) }).toMatchObject({ allowed: true });
      if (!visible(w, c.key)) expect(r.body.data.customer).toBeNull();
    }
  });
});

/** Expected outcome of a harmless update of each record: ok, NOT_FOUND (invisible), FORBIDDEN (UserError) or ROLE (refused by role). */
const WRITES: Record<Who, Record<string, 'ok' | 'NOT_FOUND' | 'FORBIDDEN' | 'ROLE'>> = {
  admin: {},
  managerA: { cB: 'NOT_FOUND', pB: 'NOT_FOUND', lB: 'NOT_FOUND', apTech: 'NOT_FOUND', apB: 'NOT_FOUND', iB: 'NOT_FOUND' },
  salesA: {
    cB: 'NOT_FOUND', pB: 'NOT_FOUND', lOther: 'NOT_FOUND', lB: 'NOT_FOUND', apOther: 'NOT_FOUND', apTech: 'NOT_FOUND', apB: 'NOT_FOUND',
    iOffice: 'FORBIDDEN', iB: 'NOT_FOUND',
  },
  techA: {
    cA: 'ROLE', cB: 'ROLE', pA: 'FORBIDDEN', pA2: 'NOT_FOUND', pB: 'NOT_FOUND',
    lMine: 'ROLE', lOpen: 'ROLE', lOther: 'ROLE', lB: 'ROLE',
    apMine: 'ROLE', apOpen: 'ROLE', apOther: 'ROLE', apTech: 'ROLE', apB: 'ROLE',
    iCrew: 'FORBIDDEN', iOffice: 'NOT_FOUND', iB: 'NOT_FOUND',
    rCrew: 'ROLE', rOffice: 'ROLE', rB: 'ROLE',
  },
  managerB: {
    cA: 'NOT_FOUND', pA: 'NOT_FOUND', pA2: 'NOT_FOUND', lMine: 'NOT_FOUND', lOpen: 'NOT_FOUND', lOther: 'NOT_FOUND',
    apMine: 'NOT_FOUND', apOpen: 'NOT_FOUND', apOther: 'NOT_FOUND', apTech: 'ok', iCrew: 'NOT_FOUND', iOffice: 'NOT_FOUND',
  },
};

const UPDATES: Partial<Record<Kind, { mutation: string; input: (id: string) => Record<string, unknown> }>> = {
  Customer: { mutation: 'updateCustomer(input: $i) { customer { id } errors { code } }', input: (id) => ({ id, segment: 'matrix' }) },
  Lead: { mutation: 'updateLead(input: $i) { lead { id } errors { code } }', input: (id) => ({ id, notes: 'matrix' }) },
  Project: { mutation: 'updateProject(input: $i) { project { id } errors { code } }', input: (id) => ({ id, name: 'Matrix project' }) },
  Appointment: { mutation: 'updateAppointment(input: $i) { appointment { id } errors { code } }', input: (id) => ({ id, notes: 'matrix' }) },
  Interaction: { mutation: 'updateInteraction(input: $i) { interaction { id } errors { code } }', input: (id) => ({ id, outcome: 'matrix' }) },
  Review: { mutation: 'updateReview(input: $i) { review { id } errors { code } }', input: (id) => ({ id, authorName: 'Matrix author' }) },
};
const INPUT_TYPES: Partial<Record<Kind, string>> = {
  Customer: 'UpdateCustomerInput',
  Lead: 'UpdateLeadInput',
  Project: 'UpdateProjectInput',
  Appointment: 'UpdateAppointmentInput',
  Interaction: 'UpdateInteractionInput',
  Review: 'UpdateReviewInput',
};

describe.each(WHO)('%s writes', (w) => {
  it('changes exactly the records the rules allow, and nothing else', async () => {
    for (const r of records.filter((x) => UPDATES[x.kind])) {
      const expected = WRITES[w][r.key] ?? (visible(w, r.key) ? 'ok' : 'NOT_FOUND');
      const table = `${field(r.kind)}s`;
      const [before] = await t.ds.query(`SELECT updated_at FROM ${table} WHERE id = $1`, [r.id]);
      const u = UPDATES[r.kind]!;
      const res = await t.gql(`mutation($i: ${INPUT_TYPES[r.kind]}!) { result: ${u.mutation} }`, { i: u.input(gid(r)) }, who[w]!.accessToken);
      const outcome =
        res.body.errors?.[0]?.extensions?.code === 'FORBIDDEN'
          ? 'ROLE'
          : res.body.data.result.errors.length
            ? res.body.data.result.errors[0].code
            : 'ok';
      const [after] = await t.ds.query(`SELECT updated_at FROM ${table} WHERE id = $1`, [r.id]);
      expect({ viewer: w, record: r.key, outcome }).toEqual({ viewer: w, record: r.key, outcome: expected });
      if (outcome !== 'ok') expect(after.updated_at).toEqual(before.updated_at);
    }
  });
});
