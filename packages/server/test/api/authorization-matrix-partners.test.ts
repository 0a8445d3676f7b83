import type { PartnerKind } from '../../src/generated/graphql';
import { idOf, toGlobalId } from '../../src/platform/graphql/global-id';
import { createKey, keyCall } from '../api-keys';
import { createAppointment, createCustomer, createInteraction, createLead, createProject, createTeam, signedIn, type Session } from '../factories';
import { useTestApp } from '../harness';

/**
 * The partner columns of the authorization matrix: a key of each partner kind (every scope, free-form queries allowed,
 * so nothing is refused merely for being unregistered) × each entity × {by id, node, list, nested, mutation,
 * subscription}. Staff reads and writes are not in a key's schema at all; through its own fields a key reaches its own
 * referrals and partnership only. 0 unauthorized reads or writes.
 */
const { t } = useTestApp();
const KINDS: PartnerKind[] = ['REALTOR', 'INSURANCE_AGENT', 'INSURANCE_ADJUSTER', 'HOME_INSPECTOR', 'PROPERTY_MANAGER', 'SUPPLIER', 'OTHER'];
const ENTITIES = ['Customer', 'Lead', 'Project', 'Appointment', 'Interaction', 'Partner', 'User', 'Team'] as const;
type Entity = (typeof ENTITIES)[number];

let admin: Session;
const records: Array<{ kind: Entity; id: string }> = [];
const partners: Record<string, { id: string; key: string; ownReferral: string }> = {};
const field = (kind: string) => kind.charAt(0).toLowerCase() + kind.slice(1);

beforeAll(async () => {
  const a = await createTeam(t.ds, 'Team A');
  admin = await signedIn(t, 'ADMIN');
  const sales = await signedIn(t, 'SALES', a.id);
  const customer = await createCustomer(t.ds, { teamId: a.id });
  const project = await createProject(t.ds, customer);
  records.push(
    { kind: 'Customer', id: customer.id },
    { kind: 'Project', id: project.id },
    { kind: 'Lead', id: (await createLead(t.ds, { teamId: a.id, customerId: customer.id })).id },
    { kind: 'Appointment', id: (await createAppointment(t.ds, customer)).id },
    { kind: 'Interaction', id: (await createInteraction(t.ds, customer)).id },
    { kind: 'User', id: sales.user.id },
    { kind: 'Team', id: a.id },
  );
  for (const kind of KINDS) {
    const created = await t.gql(`mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } } }`, { i: { name: `${kind} partner`, kind, teamId: toGlobalId('Team', a.id) } }, admin.accessToken);
    const partnerId = created.body.data.createPartner.partner.id;
    const referral = await createLead(t.ds, { teamId: a.id, source: 'PARTNER', referredPartnerId: idOf('Partner', partnerId)!, contactName: `${kind} referral`, contactPhone: '+16125550100' });
    const { secret } = await createKey(t, admin.accessToken, { name: `${kind} key`, partnerId, scopes: ['PARTNER_READ', 'REFERRALS_READ', 'REFERRALS_WRITE'], allowFreeFormQueries: true, rateLimitPerMinute: 6000 });
    partners[kind] = { id: partnerId, key: secret, ownReferral: toGlobalId('Lead', referral.id) };
    records.push({ kind: 'Partner', id: idOf('Partner', partnerId)! }, { kind: 'Lead', id: referral.id });
  }
}, 60_000);

const refusedAsUnknown = (r: { body: { data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> } }) =>
  r.body.data === undefined && r.body.errors?.[0]?.extensions?.code === 'GRAPHQL_VALIDATION_FAILED';

const UPDATES: Partial<Record<Entity, string>> = {
  Customer: 'updateCustomer(input: { id: $id, segment: "matrix" }) { customer { id } }',
  Lead: 'updateLead(input: { id: $id, notes: "matrix" }) { lead { id } }',
  Project: 'updateProject(input: { id: $id, name: "Matrix" }) { project { id } }',
  Appointment: 'updateAppointment(input: { id: $id, notes: "matrix" }) { appointment { id } }',
  Interaction: 'updateInteraction(input: { id: $id, outcome: "matrix" }) { interaction { id } }',
  Partner: 'updatePartner(input: { id: $id, notes: "matrix" }) { partner { id } }',
};

/** The imports' and duplicates' operations: staff only (no `scopes` in their `@auth`), so not in a key's schema. */
const STAFF_ONLY = [
  'query($id: ID!) { import(id: $id) { id } }',
  '{ imports(first: 5) { totalCount } }',
  'mutation($id: ID!) { setImportMapping(input: { id: $id, columns: [] }) { errors { code } } }',
  'mutation($id: ID!) { checkImport(id: $id) { errors { code } } }',
  'mutation($id: ID!) { runImport(id: $id) { errors { code } } }',
  'mutation($id: ID!) { deleteImport(id: $id) { errors { code } } }',
  '{ possibleDuplicates(input: { email: "a@example.com" }) { score } }',
  '{ duplicateCustomers(first: 5) { totalCount } }',
  'mutation($id: ID!) { dismissDuplicateCustomers(id: $id) { errors { code } } }',
  'mutation($id: ID!) { mergeCustomers(input: { survivorId: $id, mergedId: $id, dryRun: true }) { errors { code } } }',
];

describe.each(KINDS)('a %s key', (kind) => {
  const key = () => partners[kind]!.key;

  it('cannot name a staff read: by id, node or list', async () => {
    for (const r of records) {
      const id = toGlobalId(r.kind, r.id);
      expect(refusedAsUnknown(await keyCall(t, key(), { query: `query($id: ID!) { ${field(r.kind)}(id: $id) { id } }`, variables: { id } }))).toBe(true);
      expect(refusedAsUnknown(await keyCall(t, key(), { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id } }))).toBe(true);
    }
    for (const e of ENTITIES) expect(refusedAsUnknown(await keyCall(t, key(), { query: `{ ${field(e)}s(first: 5) { totalCount } }` }))).toBe(true);
  });

  it('cannot write a staff record, and nothing changes', async () => {
    for (const r of records) {
      const mutation = UPDATES[r.kind];
      if (!mutation) continue;
      const table = `${field(r.kind)}s`;
      const [before] = await t.ds.query(`SELECT updated_at FROM ${table} WHERE id = $1`, [r.id]);
      const res = await keyCall(t, key(), { query: `mutation($id: ID!) { ${mutation} }`, variables: { id: toGlobalId(r.kind, r.id) } });
      expect(refusedAsUnknown(res)).toBe(true);
      const [after] = await t.ds.query(`SELECT updated_at FROM ${table} WHERE id = $1`, [r.id]);
      expect(after.updated_at).toEqual(before.updated_at);
    }
  });

  it('cannot name imports or duplicates (staff only), nor upload a file or read an import report', async () => {
    const id = toGlobalId('Import', '00000000-0000-4000-8000-000000000000');
    for (const query of STAFF_ONLY) expect({ query, refused: refusedAsUnknown(await keyCall(t, key(), { query, variables: { id } })) }).toEqual({ query, refused: true });
    const auth = { authorization: `Bearer ${key()}` };
    const upload = await fetch(`${t.url}/imports?kind=LEAD`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: 'Name,Phone\nMatrix,6125550100\n' });
    expect(upload.status).toBe(403);
    expect((await fetch(`${t.url}/imports/${id}/errors.csv`, { headers: auth })).status).toBe(403);
  });

  it('reaches its own referral and partnership only, by id and in lists (nested people included)', async () => {
    const own = partners[kind]!.ownReferral;
    for (const r of records) {
      const id = toGlobalId(r.kind, r.id);
      const res = await keyCall(t, key(), { query: 'query($id: ID!) { myReferral(id: $id) { id referredBy { id } } }', variables: { id } });
      expect({ id, found: res.body.data?.myReferral?.id ?? null }).toEqual({ id, found: id === own ? own : null });
    }
    const list = await keyCall(t, key(), { query: '{ myReferrals(first: 100) { totalCount edges { node { id referredBy { id } } } } }' });
    expect(list.body.data.myReferrals).toEqual({ totalCount: 1, edges: [{ node: { id: own, referredBy: null } }] });
    const profile = await keyCall(t, key(), { query: '{ myPartner { id kind contacts { id } } }' });
    expect(profile.body.data.myPartner).toEqual({ id: partners[kind]!.id, kind, contacts: [] });
  });

  it('cannot subscribe', async () => {
    const client = t.wsClient(key(), { retryAttempts: 0 });
    const closed = await new Promise<{ code: number }>((resolve) => {
      client.on('closed', (e) => resolve(e as { code: number }));
      client.subscribe({ query: 'subscription { leadCreated { lead { id } } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    expect(closed.code).toBe(4403);
    await client.dispose();
  });
});
