import { fromGlobalId, toGlobalId } from '../../src/platform/graphql/global-id';
import { createCustomer, createTeam, signedIn, type Session } from '../factories';
import { useTestApp } from '../harness';
import { uploadCsv } from '../imports';

/**
 * The imports and duplicates columns of the authorization matrix (authorization-matrix.test.ts has the records; the
 * partner keys' columns are in authorization-matrix-partners.test.ts): every role of team A, the manager of team B
 * and an admin × {the upload and the error report over HTTP, import by id, node and list, each import mutation;
 * possibleDuplicates, the duplicates queue, pairs by node, dismissing and merging}. Allowed as the SDL's `@auth` and
 * the policies say (imports: import.policy.ts; pairs: mayMerge in duplicate.service.ts), nothing else.
 */
type Who = 'admin' | 'managerA' | 'salesA' | 'techA' | 'managerB';
const WHO: Who[] = ['admin', 'managerA', 'salesA', 'techA', 'managerB'];
/** Roles the imports' and the queue's root fields refuse (FORBIDDEN before any resolver). */
const NOT_IMPORTERS: Who[] = ['techA'];
const NOT_MERGERS: Who[] = ['salesA', 'techA'];

const { t } = useTestApp();
const who = {} as Record<Who | 'otherSalesA', Session>;
const imports: Record<string, string> = {};
const customers: Record<string, string> = {};
const pairs: Record<string, string> = {};

/** Imports each viewer may see (the others are null or absent); mutations are allowed for the uploader and admins. */
const SEES_IMPORTS: Record<Who, string[]> = {
  admin: ['imSalesA', 'imOtherA', 'imB'],
  managerA: ['imSalesA', 'imOtherA'],
  salesA: ['imSalesA'],
  techA: [],
  managerB: ['imB'],
};
const CHANGES_IMPORTS: Record<Who, string[]> = { admin: ['imSalesA', 'imOtherA', 'imB'], managerA: [], salesA: ['imSalesA'], techA: [], managerB: ['imB'] };
/** The look-alike customers of each pair. */
const PAIRS: Record<string, [string, string]> = { pairA: ['a1', 'a2'], pairB: ['b1', 'b2'], pairAB: ['ab1', 'ab2'] };
/** Pairs each viewer may see, merge and dismiss: both customers in its teams (admins: all). */
const SEES_PAIRS: Record<Who, string[]> = { admin: ['pairA', 'pairB', 'pairAB'], managerA: ['pairA'], salesA: [], techA: [], managerB: ['pairB'] };
/** Customers each viewer may see, so possibleDuplicates may name them. */
const SEES_CUSTOMERS: Record<Who, string[]> = { admin: ['a1', 'a2', 'b1', 'b2', 'ab1', 'ab2'], managerA: ['a1', 'a2', 'ab1'], salesA: ['a1', 'a2', 'ab1'], techA: [], managerB: ['b1', 'b2', 'ab2'] };

beforeAll(async () => {
  const a = (await createTeam(t.ds, 'Team A')).id;
  const b = (await createTeam(t.ds, 'Team B')).id;
  who.admin = await signedIn(t, 'ADMIN');
  who.managerA = await signedIn(t, 'MANAGER', a);
  who.salesA = await signedIn(t, 'SALES', a);
  who.otherSalesA = await signedIn(t, 'SALES', a);
  who.techA = await signedIn(t, 'FIELD_TECH', a);
  who.managerB = await signedIn(t, 'MANAGER', b);
  for (const [key, uploader] of [['imSalesA', 'salesA'], ['imOtherA', 'otherSalesA'], ['imB', 'managerB']] as const) {
    const up = await uploadCsv(t, who[uploader].accessToken, 'CUSTOMER', 'Name,Email\nBad Row,not-an-email\n');
    imports[key] = up.body.id!;
  }
  // Imports part-way through their dry run: every mutation that gets past the rules answers INVALID_TRANSITION and
  // changes nothing, so each may be tried by everyone.
  await t.ds.query(`UPDATE imports SET status = 'CHECKING'`);
  const alike = async (key: string, teamId: string, phone: string, name: string) =>
    (customers[key] = toGlobalId('Customer', (await createCustomer(t.ds, { teamId, name, phone, email: `${key}@example.com`, addressStreet: `${phone.slice(-2)} Oak St`, addressZip: '55104' })).id));
  await alike('a1', a, '+16515550911', 'Lee Park');
  await alike('a2', a, '+16515550911', 'Lee Parke');
  await alike('b1', b, '+16515550922', 'Kim Ode');
  await alike('b2', b, '+16515550922', 'Kim Odee');
  await alike('ab1', a, '+16515550933', 'Ash Lund');
  await alike('ab2', b, '+16515550933', 'Ash Lunde');
  await t.app.services.duplicates.scan();
  const found: Array<{ id: string; customer_a: string }> = await t.ds.query('SELECT id, customer_a FROM customer_duplicates');
  expect(found).toHaveLength(3);
  for (const [pair, [one, two]] of Object.entries(PAIRS)) {
    const row = found.find((r) => [customers[one], customers[two]].includes(toGlobalId('Customer', r.customer_a)));
    pairs[pair] = toGlobalId('DuplicateCustomerPair', row!.id);
  }
}, 60_000);

const keysOf = (table: Record<string, string>, ids: string[]) => Object.keys(table).filter((k) => ids.includes(table[k]!)).sort();
const code = (r: { body: { errors?: Array<{ extensions?: { code?: string } }> } }) => r.body.errors?.[0]?.extensions?.code;

describe.each(WHO)('%s reads', (w) => {
  const token = () => who[w].accessToken;

  it('imports by id, node and list, and error reports, exactly as the rules allow', async () => {
    for (const [key, id] of Object.entries(imports)) {
      const byId = await t.gql('query($id: ID!) { import(id: $id) { id } }', { id }, token());
      const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id }, token());
      const report = await fetch(`${t.url}/imports/${id}/errors.csv`, { headers: { authorization: `Bearer ${token()}` } });
      const sees = SEES_IMPORTS[w].includes(key);
      expect({ key, byId: NOT_IMPORTERS.includes(w) ? code(byId) : byId.body.data.import, node: node.body.data.node, report: report.status }).toEqual({
        key,
        byId: NOT_IMPORTERS.includes(w) ? 'FORBIDDEN' : sees ? { id } : null,
        node: sees ? { id } : null,
        report: sees ? 200 : 404,
      });
    }
    const list = await t.gql('{ imports(first: 100) { totalCount edges { node { id } } } }', {}, token());
    if (NOT_IMPORTERS.includes(w)) return expect(code(list)).toBe('FORBIDDEN');
    const ids = list.body.data.imports.edges.map((e: { node: { id: string } }) => e.node.id);
    expect([keysOf(imports, ids), list.body.data.imports.totalCount]).toEqual([SEES_IMPORTS[w].sort(), SEES_IMPORTS[w].length]);
  });

  it('uploads as the roles allow', async () => {
    const up = await uploadCsv(t, token(), 'CUSTOMER', 'Name\nMatrix Person\n');
    expect(up.status).toBe(NOT_IMPORTERS.includes(w) ? 403 : 201);
    if (up.body.id) await t.gql('mutation($id: ID!) { deleteImport(id: $id) { errors { code } } }', { id: up.body.id }, token());
  });

  it('possibleDuplicates names only customers the viewer may see', async () => {
    for (const key of Object.keys(customers)) {
      const r = await t.gql('query($i: PossibleDuplicatesInput!) { possibleDuplicates(input: $i) { customer { id } } }', { i: { email: `${key}@example.com` } }, token());
      if (NOT_IMPORTERS.includes(w)) {
        expect(code(r)).toBe('FORBIDDEN');
        continue;
      }
      const named = keysOf(customers, r.body.data.possibleDuplicates.map((d: { customer: { id: string } | null }) => d.customer?.id));
      expect({ key, named }).toEqual({ key, named: SEES_CUSTOMERS[w].includes(key) ? [key] : [] });
    }
  });

  it('the duplicates queue and pairs by node, exactly as the rules allow', async () => {
    const queue = await t.gql('{ duplicateCustomers(first: 100) { totalCount edges { node { id } } } }', {}, token());
    if (NOT_MERGERS.includes(w)) expect(code(queue)).toBe('FORBIDDEN');
    else {
      const ids = queue.body.data.duplicateCustomers.edges.map((e: { node: { id: string } }) => e.node.id);
      expect([keysOf(pairs, ids), queue.body.data.duplicateCustomers.totalCount]).toEqual([SEES_PAIRS[w].sort(), SEES_PAIRS[w].length]);
    }
    for (const [key, id] of Object.entries(pairs)) {
      const node = await t.gql('query($id: ID!) { node(id: $id) { id } }', { id }, token());
      expect({ key, node: node.body.data.node }).toEqual({ key, node: SEES_PAIRS[w].includes(key) ? { id } : null });
    }
  });
});

/** 'ok' past the rules (INVALID_TRANSITION for an import that is checking), a UserError code, or ROLE (refused by role). */
const outcome = (r: { body: { data?: any; errors?: Array<{ extensions?: { code?: string } }> } }, field: string) =>
  code(r) === 'FORBIDDEN' ? 'ROLE' : (r.body.data[field].errors[0]?.code ?? 'ok');

const IMPORT_MUTATIONS: Record<string, string> = {
  setImportMapping: 'mutation($id: ID!) { setImportMapping(input: { id: $id, columns: [] }) { errors { code } } }',
  checkImport: 'mutation($id: ID!) { checkImport(id: $id) { errors { code } } }',
  runImport: 'mutation($id: ID!) { runImport(id: $id) { errors { code } } }',
  deleteImport: 'mutation($id: ID!) { deleteImport(id: $id) { errors { code } } }',
};

describe.each(WHO)('%s writes', (w) => {
  const token = () => who[w].accessToken;

  it('import mutations: the uploader and admins; others who see the import get FORBIDDEN, the rest NOT_FOUND', async () => {
    for (const [key, id] of Object.entries(imports)) {
      const expected = NOT_IMPORTERS.includes(w) ? 'ROLE' : CHANGES_IMPORTS[w].includes(key) ? 'INVALID_TRANSITION' : SEES_IMPORTS[w].includes(key) ? 'FORBIDDEN' : 'NOT_FOUND';
      const [before] = await t.ds.query('SELECT updated_at, status FROM imports WHERE id = $1', [fromGlobalId(id)!.id]);
      for (const [field, mutation] of Object.entries(IMPORT_MUTATIONS)) {
        expect({ key, field, outcome: outcome(await t.gql(mutation, { id }, token()), field) }).toEqual({ key, field, outcome: expected });
      }
      expect((await t.ds.query('SELECT updated_at, status FROM imports WHERE id = $1', [fromGlobalId(id)!.id]))[0]).toEqual(before);
    }
  });

  it('merging (dry run) and dismissing a pair: admins, and managers of both customers\' teams', async () => {
    for (const [key, id] of Object.entries(pairs)) {
      const [first, second] = PAIRS[key]!;
      const expected = NOT_MERGERS.includes(w) ? 'ROLE' : SEES_PAIRS[w].includes(key) ? 'ok' : null;
      const merge = await t.gql(
        'mutation($i: MergeCustomersInput!) { mergeCustomers(input: $i) { errors { code } } }',
        { i: { survivorId: customers[first], mergedId: customers[second], dryRun: true } },
        token(),
      );
      // A manager who sees one of the two customers may not merge them; one who sees neither finds neither.
      expect({ key, merge: outcome(merge, 'mergeCustomers') }).toEqual({ key, merge: expected ?? expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/) });
      const dismiss = await t.gql('mutation($id: ID!) { dismissDuplicateCustomers(id: $id) { errors { code } } }', { id }, token());
      expect({ key, dismiss: outcome(dismiss, 'dismissDuplicateCustomers') }).toEqual({ key, dismiss: expected ?? 'NOT_FOUND' });
    }
    const merged = await t.ds.query('SELECT count(*)::int AS n FROM customers WHERE merged_into_id IS NOT NULL');
    expect(merged[0].n).toBe(0);
  });
});
