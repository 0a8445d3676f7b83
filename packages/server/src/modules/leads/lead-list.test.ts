import { createCustomer, createLead } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { customerId, keyOf, leadId, leadWorld, teamId } from '../../../test/lead-factories';
import type { LeadEntity } from './lead.entity';

const { t, w } = useTestApp(leadWorld);
/** Lead keys (database ids) by letter, and the reverse. */
const K: Record<string, string> = {};
const letterOf: Record<string, string> = {};
let zed: string;

beforeAll(async () => {
  zed = (await createCustomer(t.ds, { teamId: w.north, name: 'Zed Hollow', email: 'zed@hollow.test', phone: '+16515550199' })).id;
  const ghost = (await createCustomer(t.ds, { teamId: w.north, name: 'Ghost Customer', deletedAt: new Date() })).id;
  const { sales, sales2, otherSales } = w.as;
  const rows: Array<[string, Partial<LeadEntity>]> = [
    ['a', {
      contactName: 'Alice Birch', contactEmail: 'alice@birch.test', contactPhone: '+16125550101', addressCity: 'Minneapolis',
      status: 'NEW', source: 'WEBSITE', priority: 'LOW', teamId: w.north, assigneeId: sales.user.id,
      estimatedValue: '5000.00', score: 10, nextFollowUpAt: new Date('2030-01-05T00:00:00Z'),
    }],
    ['b', {
      contactName: 'Bob Cedar', contactPhone: '+16125550102', addressCity: 'Edina',
      status: 'CONTACTED', source: 'REFERRAL', priority: 'HIGH', teamId: w.north, estimatedValue: null, score: 50,
    }],
    ['c', {
      contactName: 'Carla Dune', contactEmail: 'carla@dune.test', addressCity: 'St Paul',
      status: 'ESTIMATE_SENT', source: 'WEBSITE', priority: 'URGENT', teamId: w.south, assigneeId: otherSales.user.id,
      estimatedValue: '25000.00', score: 90, nextFollowUpAt: new Date('2030-01-01T00:00:00Z'),
    }],
    ['d', {
      customerId: zed, contactName: null, contactPhone: null,
      status: 'LOST', lostReason: 'Price', source: 'DOOR_KNOCK', teamId: w.north, assigneeId: sales2.user.id,
      estimatedValue: '12000.00', score: 50, nextFollowUpAt: new Date('2030-01-03T00:00:00Z'),
    }],
    ['e', {
      contactName: 'Eve 100% Pure', contactPhone: '+16125550105',
      status: 'WON', source: 'STORM_CANVASS', teamId: w.north, estimatedValue: '0.00', score: 30,
    }],
    ['g', {
      customerId: ghost, contactName: 'Gina Pine',
      status: 'INSPECTION_SCHEDULED', source: 'PARTNER', teamId: w.north, assigneeId: sales2.user.id,
      nextFollowUpAt: new Date('2030-01-03T00:00:00Z'),
    }],
    ['f', { contactName: 'Frank Gale', teamId: w.north, estimatedValue: '100.00', score: 100, deletedAt: new Date() }],
  ];
  for (const [i, [letter, over]] of rows.entries()) {
    const lead = await createLead(t.ds, over);
    await t.ds.query(`UPDATE leads SET created_at = $2 WHERE id = $1`, [lead.id, `2026-01-0${i + 1}T12:00:00Z`]);
    K[letter] = lead.id;
    letterOf[lead.id] = letter;
  }
});

const LIST = `query($f: LeadFilter, $o: LeadOrder, $first: Int, $after: String, $last: Int, $before: String) {
  leads(filter: $f, orderBy: $o, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
type Page = { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string } };
const letters = (page: Page): string[] => page.edges.map((e) => letterOf[keyOf(e.node.id)] ?? '?');
async function list(vars: Record<string, unknown>, token = w.as.admin.accessToken): Promise<Page> {
  const r = await t.gql(LIST, vars, token);
  if (r.body.errors) throw new Error(JSON.stringify(r.body.errors));
  return r.body.data.leads;
}
const matching = async (f: Record<string, unknown>, token?: string) => {
  const page = await list({ f, first: 100 }, token);
  expect(page.totalCount).toBe(page.edges.length);
  return letters(page).sort().join('');
};

describe('filters', () => {
  it.each([
    ['statuses', { statuses: ['NEW', 'CONTACTED'] }, 'ab'],
    ['sources', { sources: ['WEBSITE'] }, 'ac'],
    ['priorities', { priorities: ['HIGH', 'URGENT'] }, 'bc'],
    ['unassigned', { unassigned: true }, 'be'],
    ['assigned', { unassigned: false }, 'acdg'],
    ['minimum value', { estimatedValue: { min: '5000' } }, 'acd'],
    ['maximum value', { estimatedValue: { max: '5000.00' } }, 'ae'],
    ['value range', { estimatedValue: { min: '1', max: '20000' } }, 'ad'],
    ['minimum score', { minScore: 50 }, 'bcd'],
    ['creation range', { createdAt: { from: '2026-01-02T00:00:00Z', to: '2026-01-04T23:59:59Z' } }, 'bcd'],
    ['follow-up range', { nextFollowUpAt: { from: '2030-01-02T00:00:00Z', to: '2030-01-04T00:00:00Z' } }, 'dg'],
    ['follow-up from', { nextFollowUpAt: { from: '2030-01-01T00:00:00Z' } }, 'acdg'],
    ['several conditions', { sources: ['WEBSITE'], unassigned: false, minScore: 20 }, 'c'],
    ['deleted only', { deleted: true }, 'f'],
  ])('%s', async (_, f, expected) => {
    expect(await matching(f)).toBe(expected);
  });

  it('by assignee, team and customer (unknown IDs match nothing)', async () => {
    expect(await matching({ assigneeId: w.as.sales.id })).toBe('a');
    expect(await matching({ assigneeId: w.as.sales2.id })).toBe('dg');
    expect(await matching({ teamId: teamId(w.south) })).toBe('c');
    expect(await matching({ customerId: customerId(zed) })).toBe('d');
    expect(await matching({ customerId: 'nonsense', teamId: teamId(w.north) })).toBe('');
  });

  it.each([
    ['a contact e-mail, any case', 'BIRCH', 'a'],
    ['the property city', 'edina', 'b'],
    ['a formatted contact phone', '(612) 555-0102', 'b'],
    ["the linked customer's name", 'zed', 'd'],
    ["the linked customer's e-mail", 'hollow.test', 'd'],
    ["the linked customer's phone, formatted", '651 555 0199', 'd'],
    ['a literal % (wildcards escaped)', '100%', 'e'],
    ['not a deleted customer', 'ghost', ''],
    ['the contact name of a lead with a deleted customer', 'gina', 'g'],
    ['a blank term (no filter)', '   ', 'abcdeg'],
  ])('search matches %s', async (_, search, expected) => {
    expect(await matching({ search })).toBe(expected);
  });

  it('applies on top of the row-level rules, totalCount included', async () => {
    expect(await matching({}, w.as.sales.accessToken)).toBe('abe');
    expect(await matching({ unassigned: true }, w.as.sales.accessToken)).toBe('be');
    expect(await matching({ search: 'zed' }, w.as.sales.accessToken)).toBe('');
    expect(await matching({ search: 'zed' }, w.as.sales2.accessToken)).toBe('d');
    expect(await matching({ teamId: teamId(w.south) }, w.as.manager.accessToken)).toBe('');
  });

  it('refuses a score outside 0–100 and bad page arguments', async () => {
    for (const vars of [{ f: { minScore: 101 } }, { first: 101 }, { after: 'not-a-cursor' }]) {
      const r = await t.gql(LIST, vars, w.as.admin.accessToken);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('ordering and pagination', () => {
  const ORDER_SQL: Record<string, string> = {
    CREATED_AT: 'created_at',
    UPDATED_AT: 'updated_at',
    SCORE: 'score',
    ESTIMATED_VALUE: 'estimated_value',
    NEXT_FOLLOW_UP_AT: 'next_follow_up_at',
  };
  /** The expected order, straight from SQL: nulls last in both directions, ties by id. */
  async function expected(field: string, direction: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await t.ds.query(
      `SELECT id FROM leads WHERE deleted_at IS NULL ORDER BY ${ORDER_SQL[field]} ${direction} NULLS LAST, id ${direction}`,
    );
    return rows.map((r) => letterOf[r.id]!);
  }
  async function forward(o: Record<string, string> | undefined): Promise<string[]> {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await list({ o, first: 2, after });
      expect(page.totalCount).toBe(6);
      seen.push(...letters(page));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
  }
  async function backward(o: Record<string, string> | undefined): Promise<string[]> {
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await list({ o, last: 2, before });
      seen.unshift(...letters(page));
      if (!page.pageInfo.hasPreviousPage) return seen;
      before = page.pageInfo.startCursor;
    }
  }

  it('is newest first by default', async () => {
    expect(await forward(undefined)).toEqual(['g', 'e', 'd', 'c', 'b', 'a']);
  });

  const cases = Object.keys(ORDER_SQL).flatMap((field) => ['ASC', 'DESC'].map((direction) => [field, direction] as const));
  it.each(cases)('%s %s, page by page in both directions', async (field, direction) => {
    const want = await expected(field, direction);
    expect(await forward({ field, direction })).toEqual(want);
    expect(await backward({ field, direction })).toEqual(want);
  });

  it('puts leads without a value or follow-up last either way', async () => {
    expect(await forward({ field: 'ESTIMATED_VALUE', direction: 'DESC' })).toEqual(['c', 'd', 'a', 'e', ...[K.b, K.g].sort().reverse().map((id) => letterOf[id!]!)]);
    expect((await forward({ field: 'ESTIMATED_VALUE', direction: 'ASC' })).slice(0, 4)).toEqual(['e', 'a', 'd', 'c']);
    expect((await forward({ field: 'NEXT_FOLLOW_UP_AT', direction: 'ASC' })).slice(0, 4)).toEqual(['c', ...[K.d, K.g].sort().map((id) => letterOf[id!]!), 'a']);
    expect((await forward({ field: 'NEXT_FOLLOW_UP_AT', direction: 'DESC' })).slice(-2).sort()).toEqual(['b', 'e']);
  });

  it('the direction defaults to DESC', async () => {
    const r = await t.gql(`{ leads(orderBy: { field: SCORE }) { edges { node { score } } } }`, {}, w.as.admin.accessToken);
    expect(r.body.data.leads.edges.map((e: { node: { score: number } }) => e.node.score)).toEqual([90, 50, 50, 30, 10, 0]);
  });
});

describe('lead fields', () => {
  it('resolves related records through the loaders', async () => {
    const r = await t.gql(
      `query($id: ID!) { lead(id: $id) { id customer { name } assignee { id } owningTeam { name } lostReason status convertedProject { id } } }`,
      { id: leadId(K.d!) },
      w.as.manager.accessToken,
    );
    expect(r.body.data.lead).toEqual({
      id: leadId(K.d!),
      customer: { name: 'Zed Hollow' },
      assignee: { id: w.as.sales2.id },
      owningTeam: { name: 'North' },
      lostReason: 'Price',
      status: 'LOST',
      convertedProject: null,
    });
  });
});
