import { toGlobalId } from '../../platform/graphql/global-id';
import { createCustomer, createLead, createProject, createUser, twoTeamCast } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { PartnerContactEntity } from '../partners/partner-contact.entity';
import { PartnerEntity } from '../partners/partner.entity';

const { t, w } = useTestApp(twoTeamCast);

const SEARCH = `query($q: String!, $first: Int) {
  search(query: $q, first: $first) {
    query
    customers { field text node { id name } }
    leads { field text node { id contactName customer { name } } }
    projects { field text node { id name } }
    partners { field text node { id name } }
  }
}`;

type Who = keyof typeof w.as;
type Hit = { field: string; text: string; node: { id: string; name?: string } };
type Results = { query: string; customers: Hit[]; leads: Hit[]; projects: Hit[]; partners: Hit[] };

async function search(who: Who, q: string, first?: number): Promise<Results> {
  const r = await t.gql(SEARCH, { q, first }, w.as[who].accessToken);
  expect(r.body.errors).toBeUndefined();
  return r.body.data.search;
}

const ids = (hits: Hit[]) => hits.map((h) => h.node.id).sort();
const sorted = (type: string, keys: string[]) => keys.map((k) => toGlobalId(type, k)).sort();

async function createPartner(over: Partial<PartnerEntity>, contacts: Array<Partial<PartnerContactEntity>> = []) {
  const partner = await t.ds.getRepository(PartnerEntity).save({ kind: 'REALTOR', status: 'ACTIVE', feeKind: 'NONE', ...over } as PartnerEntity);
  for (const c of contacts) await t.ds.getRepository(PartnerContactEntity).save({ partnerId: partner.id, ...c } as PartnerContactEntity);
  return partner;
}

describe('search: what matches, and which field', () => {
  let customer: Awaited<ReturnType<typeof createCustomer>>;
  beforeAll(async () => {
    customer = await createCustomer(t.ds, {
      name: 'Marguerite Okonkwo',
      email: 'm.okonkwo@quillmail.example',
      phone: '+16125550987',
      addressStreet: '4411 Juniper Ln',
      addressCity: 'Edina',
      addressState: 'MN',
      addressZip: '55424',
      teamId: w.north,
    });
    await createProject(t.ds, customer, { name: 'Storm repair for the Juniper house' });
    await createLead(t.ds, { customerId: customer.id, contactName: null, contactPhone: null, teamId: w.north });
  });

  it('finds a customer by name, e-mail, phone digits (any part, any punctuation) and address, naming the field', async () => {
    const byName = await search('admin', '  OKONKWO ');
    expect(byName.query).toBe('okonkwo');
    expect(byName.customers).toEqual([{ field: 'NAME', text: 'Marguerite Okonkwo', node: { id: toGlobalId('Customer', customer.id), name: 'Marguerite Okonkwo' } }]);
    expect((await search('admin', 'm.okonkwo@quill')).customers.map((h) => [h.field, h.text])).toEqual([['EMAIL', 'm.okonkwo@quillmail.example']]);
    for (const phone of ['(612) 555-0987', '6125550987', '555-09', '+1 612 555 0987']) {
      expect((await search('admin', phone)).customers.map((h) => [h.field, h.text])).toContainEqual(['PHONE', '+16125550987']);
    }
    expect((await search('admin', 'juniper ln')).customers.map((h) => [h.field, h.text])).toEqual([['ADDRESS', '4411 Juniper Ln, Edina, MN 55424']]);
  });

  it("finds leads and projects through their customer's details", async () => {
    const r = await search('admin', '612 555 0987');
    expect(r.leads.map((h) => h.field)).toEqual(['PHONE']);
    expect(r.projects.map((h) => [h.field, h.text])).toEqual([['PHONE', '+16125550987']]);
    const byName = await search('admin', 'okonkwo');
    expect(byName.projects.map((h) => [h.field, h.text])).toEqual([['CUSTOMER', 'Marguerite Okonkwo']]);
    expect(byName.leads.map((h) => [h.field, h.text])).toEqual([['NAME', 'Marguerite Okonkwo']]);
    // A project's own name matches as NAME.
    expect((await search('admin', 'juniper house')).projects.map((h) => [h.field, h.text])).toEqual([['NAME', 'Storm repair for the Juniper house']]);
  });

  it("finds partners by name and by their contacts' names, e-mails and phones", async () => {
    const partner = await createPartner({ name: 'Quillfeather Realty', teamId: w.north }, [
      { name: 'Odalys Brennan', email: 'odalys@quillfeather.example', phone: '+16515550444' },
    ]);
    const gid = toGlobalId('Partner', partner.id);
    expect((await search('admin', 'quillfeather realty')).partners).toEqual([{ field: 'NAME', text: 'Quillfeather Realty', node: { id: gid, name: 'Quillfeather Realty' } }]);
    expect((await search('admin', 'odalys')).partners.map((h) => [h.field, h.text])).toEqual([['CONTACT', 'Odalys Brennan']]);
    expect((await search('admin', 'odalys@')).partners.map((h) => h.field)).toEqual(['EMAIL']);
    expect((await search('admin', '651-555-0444')).partners.map((h) => h.field)).toEqual(['PHONE']);
  });

  it('ranks the whole value first, then its start, a word start, anywhere, then close names (typos)', async () => {
    const names = ['Zephyrine Vantongeren', 'Ada Zephyrine Vantongerenova', 'Zephyrine Vantongerenova', 'Xzephyrine Vantongeren', 'Zefyrine Vantongeren'];
    const made = new Map<string, string>();
    for (const name of names) made.set((await createCustomer(t.ds, { name, teamId: w.north })).id, name);
    const r = await search('admin', 'zephyrine vantongeren', 10);
    expect(r.customers.map((h) => h.node.name)).toEqual([
      'Zephyrine Vantongeren', // whole value
      'Zephyrine Vantongerenova', // value start
      'Ada Zephyrine Vantongerenova', // word start
      'Xzephyrine Vantongeren', // anywhere
      'Zefyrine Vantongeren', // close (trigram word similarity)
    ]);
  });

  it('leaves deleted records out', async () => {
    const gone = await createCustomer(t.ds, { name: 'Ottoline Gravesend', teamId: w.north, deletedAt: new Date() });
    await createProject(t.ds, gone, { name: 'Ottoline roof' });
    const partner = await createPartner({ name: 'Ottoline Partners', teamId: w.north, deletedAt: new Date() });
    const r = await search('admin', 'ottoline');
    expect(partner.deletedAt).not.toBeNull();
    expect(r.customers).toEqual([]);
    expect(r.partners).toEqual([]);
    expect(r.projects.map((h) => h.text)).toEqual(['Ottoline roof']);
  });

  it('treats LIKE wildcards in the text as text', async () => {
    await createCustomer(t.ds, { name: 'Wildcard One', addressStreet: '77 Brook_Side Way', teamId: w.north });
    await createCustomer(t.ds, { name: 'Wildcard Two', addressStreet: '77 BrookXSide Way', teamId: w.north });
    await createCustomer(t.ds, { name: 'Wildcard Three', addressStreet: '12 Brook%Side Way', teamId: w.north });
    expect((await search('admin', 'brook_side')).customers.map((h) => h.node.name)).toEqual(['Wildcard One']);
    expect((await search('admin', 'brook%side')).customers.map((h) => h.node.name)).toEqual(['Wildcard Three']);
  });
});

describe('search: limits', () => {
  it('finds nothing for text shorter than 2 characters', async () => {
    await createCustomer(t.ds, { name: 'Q', teamId: w.north });
    const r = await search('admin', ' q ');
    expect(r).toEqual({ query: '', customers: [], leads: [], projects: [], partners: [] });
  });

  it('refuses `first` outside 1..10 and text over 200 characters', async () => {
    for (const [q, first, field] of [['roof', 0, 'first'], ['roof', 11, 'first'], ['x'.repeat(201), 5, 'query']] as const) {
      const r = await t.gql(SEARCH, { q, first }, w.as.admin.accessToken);
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('returns at most `first` results per kind', async () => {
    for (let i = 0; i < 4; i++) await createCustomer(t.ds, { name: `Wendeline Carrow ${i}`, teamId: w.north });
    expect((await search('admin', 'wendeline carrow', 3)).customers).toHaveLength(3);
    expect((await search('admin', 'wendeline carrow')).customers).toHaveLength(4);
  });

  it('is for signed-in staff only', async () => {
    const r = await t.gql(SEARCH, { q: 'roof' });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reads the indexes, never a whole table', async () => {
    const plans = async (who: Who, q: string) => {
      const from = t.queries.length;
      await search(who, q);
      const statements = t.queries.flatMap((sql, i) => (i >= from && /CROSS JOIN LATERAL/.test(sql) ? [[sql, t.queryParameters[i]!] as const] : []));
      expect(statements).toHaveLength(who === 'tech' ? 2 : 4);
      return Promise.all(
        statements.map(([sql, params]) =>
          t.ds.transaction(async (m) => {
            await m.query('SET LOCAL enable_seqscan = off');
            return (await m.query(`EXPLAIN ${sql}`, [...params])).map((r: Record<string, string>) => r['QUERY PLAN']).join('\n') as string;
          }),
        ),
      );
    };
    for (const q of ['okonkwo 55', '612-555-0987', 'm.okonkwo@']) {
      // Without a row rule, only the search indexes answer the conditions.
      for (const plan of await plans('admin', q)) {
        expect(plan).not.toMatch(/Seq Scan on (customers|leads|projects|partners|partner_contacts)\b/);
        expect(plan).toMatch(/_(trgm|prefix)_idx|customers_email_key/);
      }
      for (const who of ['sales', 'tech'] as const) {
        for (const plan of await plans(who, q)) expect(plan).not.toMatch(/Seq Scan on (customers|leads|projects|partners|partner_contacts)\b/);
      }
    }
  });
});

describe('search: row-level rules per role', () => {
  // Everything named "Bellwether": what each role may find is what its lists show.
  const made = {} as Record<string, string>;
  beforeAll(async () => {
    const otherNorthSales = await createUser(t.ds, { role: 'SALES', teamId: w.north });
    const north = await createCustomer(t.ds, { name: 'Bellwether North', teamId: w.north });
    const northNoCrew = await createCustomer(t.ds, { name: 'Bellwether Northwood', teamId: w.north });
    const south = await createCustomer(t.ds, { name: 'Bellwether South', teamId: w.south });
    Object.assign(made, { north: north.id, northNoCrew: northNoCrew.id, south: south.id });
    made.crewProject = (await createProject(t.ds, north, { name: 'Bellwether crew roof' }, [w.as.tech.user.id])).id;
    made.otherProject = (await createProject(t.ds, northNoCrew, { name: 'Bellwether gutters' })).id;
    made.southProject = (await createProject(t.ds, south, { name: 'Bellwether siding' })).id;
    made.mine = (await createLead(t.ds, { contactName: 'Bellwether Mine', teamId: w.north, assigneeId: w.as.sales.user.id })).id;
    made.open = (await createLead(t.ds, { contactName: 'Bellwether Open', teamId: w.north })).id;
    made.colleague = (await createLead(t.ds, { contactName: 'Bellwether Colleague', teamId: w.north, assigneeId: otherNorthSales.id })).id;
    made.southLead = (await createLead(t.ds, { contactName: 'Bellwether Southlead', teamId: w.south })).id;
    made.northPartner = (await createPartner({ name: 'Bellwether Realty', teamId: w.north })).id;
    made.southPartner = (await createPartner({ name: 'Bellwether Insurance', teamId: w.south })).id;
  });

  const visible = async (who: Who) => {
    const r = await search(who, 'bellwether', 10);
    return { customers: ids(r.customers), leads: ids(r.leads), projects: ids(r.projects), partners: ids(r.partners) };
  };

  it('admins find every record', async () => {
    expect(await visible('admin')).toEqual({
      customers: sorted('Customer', [made.north!, made.northNoCrew!, made.south!]),
      leads: sorted('Lead', [made.mine!, made.open!, made.colleague!, made.southLead!]),
      projects: sorted('Project', [made.crewProject!, made.otherProject!, made.southProject!]),
      partners: sorted('Partner', [made.northPartner!, made.southPartner!]),
    });
  });

  it("managers find their team's records, not another team's", async () => {
    expect(await visible('manager')).toEqual({
      customers: sorted('Customer', [made.north!, made.northNoCrew!]),
      leads: sorted('Lead', [made.mine!, made.open!, made.colleague!]),
      projects: sorted('Project', [made.crewProject!, made.otherProject!]),
      partners: sorted('Partner', [made.northPartner!]),
    });
    expect((await visible('otherManager')).customers).toEqual(sorted('Customer', [made.south!]));
  });

  it("sales find their team's customers, projects and partners and their own or unassigned leads; nothing of other teams", async () => {
    expect(await visible('sales')).toEqual({
      customers: sorted('Customer', [made.north!, made.northNoCrew!]),
      leads: sorted('Lead', [made.mine!, made.open!]),
      projects: sorted('Project', [made.crewProject!, made.otherProject!]),
      partners: sorted('Partner', [made.northPartner!]),
    });
    expect(await visible('otherSales')).toEqual({
      customers: sorted('Customer', [made.south!]),
      leads: sorted('Lead', [made.southLead!]),
      projects: sorted('Project', [made.southProject!]),
      partners: sorted('Partner', [made.southPartner!]),
    });
  });

  it("field techs find only their crews' projects and those projects' customers: no leads, no partners", async () => {
    expect(await visible('tech')).toEqual({
      customers: sorted('Customer', [made.north!]),
      leads: [],
      projects: sorted('Project', [made.crewProject!]),
      partners: [],
    });
  });
});
