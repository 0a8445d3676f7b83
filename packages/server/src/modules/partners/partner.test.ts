import { fromGlobalId } from '../../platform/graphql/global-id';
import { createTeam, createUser, signedIn, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t, w } = useTestApp(twoTeamCast);

const FIELDS = `id name kind status notes owner { name } owningTeam { name } createdBy { name } deletedAt
  referralFee { kind percent flatAmount cap } contacts { id name email phone role }`;
const PAYLOAD = `partner { ${FIELDS} } errors { field code message }`;
const CREATE = `mutation($i: CreatePartnerInput!) { createPartner(input: $i) { ${PAYLOAD} } }`;
const UPDATE = `mutation($i: UpdatePartnerInput!) { updatePartner(input: $i) { ${PAYLOAD} } }`;
const ADD_CONTACT = `mutation($p: ID!, $i: PartnerContactInput!) { addPartnerContact(partnerId: $p, input: $i) { ${PAYLOAD} } }`;
const UPDATE_CONTACT = `mutation($i: UpdatePartnerContactInput!) { updatePartnerContact(input: $i) { ${PAYLOAD} } }`;
const REMOVE_CONTACT = `mutation($id: ID!) { removePartnerContact(id: $id) { ${PAYLOAD} } }`;
const DELETE = `mutation($id: ID!) { deletePartner(id: $id) { ${PAYLOAD} } }`;
const RESTORE = `mutation($id: ID!) { restorePartner(id: $id) { ${PAYLOAD} } }`;
const GET = `query($id: ID!) { partner(id: $id) { ${FIELDS} } }`;
const LIST = `query($f: PartnerFilter, $o: PartnerOrder, $first: Int, $after: String) {
  partners(filter: $f, orderBy: $o, first: $first, after: $after) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } }
}`;
const keyOf = (id: string) => fromGlobalId(id)!.id;

async function create(who: string, input: Record<string, unknown>) {
  const r = await t.gql(CREATE, { i: input }, w.as[who as keyof typeof w.as].accessToken);
  return r.body.data.createPartner as { partner: any; errors: any[] };
}

describe('createPartner', () => {
  it('creates a partner with its contacts and fee terms, owned by the creator in their team, and audits it', async () => {
    const r = await create('sales', {
      name: '  Lakes Realty ',
      kind: 'REALTOR',
      referralFee: { kind: 'PERCENT', percent: 2.5, cap: '1500.00' },
      contacts: [
        { name: 'Maya Lund', email: 'maya@lakesrealty.example', phone: '(612) 555-0190', role: 'Broker' },
        { name: 'Ari Holm' },
      ],
      notes: 'Refers storm jobs in Edina.',
    });
    expect(r.errors).toEqual([]);
    expect(r.partner).toMatchObject({
      name: 'Lakes Realty',
      kind: 'REALTOR',
      status: 'ACTIVE',
      owner: { name: w.as.sales!.user.name },
      owningTeam: { name: 'North' },
      createdBy: { name: w.as.sales!.user.name },
      referralFee: { kind: 'PERCENT', percent: 2.5, flatAmount: null, cap: '1500.00' },
      deletedAt: null,
    });
    expect(r.partner.contacts.map((c: any) => [c.name, c.phone, c.role])).toEqual([
      ['Ari Holm', null, null],
      ['Maya Lund', '+16125550190', 'Broker'],
    ]);
    const entries = await t.ds.query(`SELECT entity_type, action FROM audit_log WHERE entity_id = ANY($1) ORDER BY entity_type`, [
      [keyOf(r.partner.id), ...r.partner.contacts.map((c: any) => keyOf(c.id))],
    ]);
    expect(entries).toEqual([
      { entity_type: 'Partner', action: 'CREATE' },
      { entity_type: 'PartnerContact', action: 'CREATE' },
      { entity_type: 'PartnerContact', action: 'CREATE' },
    ]);
  });

  it.each([
    ['a short name', { name: 'X', kind: 'OTHER' }, 'name', 'INVALID'],
    ['a percent fee without its percent', { name: 'Fee Co', kind: 'OTHER', referralFee: { kind: 'PERCENT' } }, 'referralFee.percent', 'REQUIRED'],
    ['a percent over 100', { name: 'Fee Co', kind: 'OTHER', referralFee: { kind: 'PERCENT', percent: 150 } }, 'referralFee.percent', 'OUT_OF_RANGE'],
    ['a flat fee of 0', { name: 'Fee Co', kind: 'OTHER', referralFee: { kind: 'FLAT', flatAmount: '0' } }, 'referralFee.flatAmount', 'OUT_OF_RANGE'],
    ['a contact with a bad phone', { name: 'Fee Co', kind: 'OTHER', contacts: [{ name: 'Jo Berg', phone: '12' }] }, 'contacts.0.phone', 'INVALID'],
    ['an owner of another team', { name: 'Fee Co', kind: 'OTHER', ownerId: 'otherSales' }, 'ownerId', 'INVALID'],
    ['a team that is not theirs', { name: 'Fee Co', kind: 'OTHER', teamId: 'south' }, 'teamId', 'FORBIDDEN'],
  ])('refuses %s as a UserError naming the field, and creates nothing', async (_name, input, field, code) => {
    const before = Number((await t.ds.query('SELECT count(*) AS n FROM partners'))[0].n);
    const i: Record<string, unknown> = { ...input };
    if (i.ownerId === 'otherSales') i.ownerId = w.as.otherSales!.id;
    if (i.teamId === 'south') i.teamId = Buffer.from(`Team:${w.south}`).toString('base64url');
    const r = await create('sales', i);
    expect(r.partner).toBeNull();
    expect(r.errors).toContainEqual(expect.objectContaining({ field: field.split('.'), code }));
    expect(Number((await t.ds.query('SELECT count(*) AS n FROM partners'))[0].n)).toBe(before);
  });

  it('is closed to field techs', async () => {
    const r = await t.gql(CREATE, { i: { name: 'Tech Co', kind: 'OTHER' } }, w.as.tech!.accessToken);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('who sees and changes which partner', () => {
  let northPartner: any;
  let southPartner: any;
  beforeAll(async () => {
    northPartner = (await create('manager', { name: 'North Inspections', kind: 'HOME_INSPECTOR', contacts: [{ name: 'Kim Dahl', email: 'kim@northinspect.example' }] })).partner;
    southPartner = (await create('otherManager', { name: 'South Adjusters', kind: 'INSURANCE_ADJUSTER', referralFee: { kind: 'FLAT', flatAmount: '250.00' } })).partner;
  });

  it.each([
    ['admin', true, true],
    ['manager', true, false],
    ['sales', true, false],
    ['otherSales', false, true],
  ])('%s: by id, in the list and through node(id:)', async (who, seesNorth, seesSouth) => {
    const token = w.as[who as keyof typeof w.as].accessToken;
    for (const [p, sees] of [
      [northPartner, seesNorth],
      [southPartner, seesSouth],
    ] as const) {
      expect((await t.gql(GET, { id: p.id }, token)).body.data.partner?.name ?? null).toBe(sees ? p.name : null);
      const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: p.id }, token);
      expect(node.body.data.node?.id ?? null).toBe(sees ? p.id : null);
    }
    const names = (await t.gql(LIST, { first: 100 }, token)).body.data.partners.edges.map((e: any) => e.node.name);
    expect(names.includes('North Inspections')).toBe(seesNorth);
    expect(names.includes('South Adjusters')).toBe(seesSouth);
  });

  it('field techs may not list or read partners', async () => {
    expect((await t.gql(LIST, {}, w.as.tech!.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(GET, { id: northPartner.id }, w.as.tech!.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a partner of another team behaves as missing for writes', async () => {
    const r = await t.gql(UPDATE, { i: { id: southPartner.id, name: 'Taken over' } }, w.as.sales!.accessToken);
    expect(r.body.data.updatePartner).toMatchObject({ partner: null, errors: [{ code: 'NOT_FOUND' }] });
  });

  it('updates terms, status and owner, and keeps the contacts in step', async () => {
    const token = w.as.sales!.accessToken;
    const up = await t.gql(UPDATE, { i: { id: northPartner.id, status: 'PAUSED', referralFee: { kind: 'FLAT', flatAmount: '300.00' }, ownerId: w.as.sales!.id } }, token);
    expect(up.body.data.updatePartner.errors).toEqual([]);
    expect(up.body.data.updatePartner.partner).toMatchObject({ status: 'PAUSED', referralFee: { kind: 'FLAT', percent: null, flatAmount: '300.00', cap: null }, owner: { name: w.as.sales!.user.name } });

    const added = await t.gql(ADD_CONTACT, { p: northPartner.id, i: { name: 'Lee Voss', phone: '+1 612 555 0111' } }, token);
    const contacts = added.body.data.addPartnerContact.partner.contacts;
    expect(contacts.map((c: any) => c.name)).toEqual(['Kim Dahl', 'Lee Voss']);
    const lee = contacts[1];
    const changed = await t.gql(UPDATE_CONTACT, { i: { id: lee.id, role: 'Lead inspector', phone: null } }, token);
    expect(changed.body.data.updatePartnerContact.partner.contacts[1]).toMatchObject({ name: 'Lee Voss', role: 'Lead inspector', phone: null });
    const removed = await t.gql(REMOVE_CONTACT, { id: lee.id }, token);
    expect(removed.body.data.removePartnerContact.partner.contacts.map((c: any) => c.name)).toEqual(['Kim Dahl']);
    const byOther = await t.gql(REMOVE_CONTACT, { id: contacts[0].id }, w.as.otherSales!.accessToken);
    expect(byOther.body.data.removePartnerContact.errors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
  });

  it('filters by search over names and contacts, kind and status', async () => {
    const token = w.as.admin!.accessToken;
    const names = async (f: Record<string, unknown>) => (await t.gql(LIST, { f, first: 100 }, token)).body.data.partners.edges.map((e: any) => e.node.name);
    expect(await names({ search: 'kim@north' })).toEqual(['North Inspections']);
    expect(await names({ search: 'adjust' })).toEqual(['South Adjusters']);
    expect(await names({ kinds: ['INSURANCE_ADJUSTER', 'HOME_INSPECTOR'] })).toEqual(['North Inspections', 'South Adjusters']);
    expect(await names({ statuses: ['PAUSED'] })).toEqual(['North Inspections']);
  });

  it('sales may not delete; managers delete and restore, with the trash for admins and managers only', async () => {
    const partner = (await create('sales', { name: 'Short Lived Supply', kind: 'SUPPLIER' })).partner;
    expect((await t.gql(DELETE, { id: partner.id }, w.as.sales!.accessToken)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const del = await t.gql(DELETE, { id: partner.id }, w.as.manager!.accessToken);
    expect(del.body.data.deletePartner.partner.deletedAt).not.toBeNull();
    const trash = async (who: string) =>
      (await t.gql(LIST, { f: { deleted: true }, first: 100 }, w.as[who as keyof typeof w.as].accessToken)).body.data.partners.edges.map((e: any) => e.node.name);
    expect(await trash('manager')).toContain('Short Lived Supply');
    expect(await trash('sales')).toEqual([]);
    expect((await t.gql(LIST, { first: 100 }, w.as.sales!.accessToken)).body.data.partners.edges.map((e: any) => e.node.name)).not.toContain('Short Lived Supply');
    const back = await t.gql(RESTORE, { id: partner.id }, w.as.manager!.accessToken);
    expect(back.body.data.restorePartner.partner.deletedAt).toBeNull();
  });
});

it('pages by name with cursors, whatever the page size', async () => {
  const team = (await createTeam(t.ds, 'Paging')).id;
  const manager = await signedIn(t, 'MANAGER', team);
  await createUser(t.ds, { role: 'SALES', teamId: team });
  for (let i = 0; i < 7; i++) await t.gql(CREATE, { i: { name: `Paged Partner ${i}`, kind: 'OTHER' } }, manager.accessToken);
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const r: any = await t.gql(LIST, { first: 3, after, f: { search: 'paged partner' } }, manager.accessToken);
    const page = r.body.data.partners;
    expect(page.totalCount).toBe(7);
    seen.push(...page.edges.map((e: any) => e.node.name));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual([...Array(7).keys()].map((i) => `Paged Partner ${i}`));
});
