import { createLogger } from '../../src/platform/logger';
import { seedDemo } from '../../src/seed/demo';
import { login, type Session } from '../factories';
import { useTestApp } from '../harness';

/**
 * A cursor is opaque, but anyone can decode one (base64url JSON) and send it back changed. A well-formed cursor whose
 * values its list's columns cannot take is the caller's mistake: BAD_USER_INPUT on `after`, like a malformed one.
 * Never INTERNAL (nor a logged server error).
 */
const { t } = useTestApp();
let admin: Session;

beforeAll(async () => {
  await seedDemo(t.ds, createLogger('silent'));
  admin = (await login(t, 'admin@iswitchroofs.test', 'RoofDemo!2026')) as unknown as Session;
  // Two audited writes, so the audit log has a page after its first row.
  for (const name of ['Forged Cursor One', 'Forged Cursor Two']) {
    const r = await t.gql(`mutation ($i: CreateCustomerInput!) { createCustomer(input: $i) { errors { code } } }`, { i: { name } }, admin.accessToken);
    expect(r.body.data.createCustomer.errors).toEqual([]);
  }
}, 120_000);

/** Root lists an admin reads, with their arguments beside `first`/`after`. */
const LISTS: Array<[string, string]> = [
  ['customers', ''],
  ['leads', ''],
  ['projects', ''],
  ['claims', ''],
  ['partners', ''],
  ['referralFees', ''],
  ['reviews', ''],
  ['users', ''],
  ['auditLog', ''],
  ['appointments', ''],
];

const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
const encode = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** The ways a decoded cursor gets changed: each value a string no column of a date or id takes, or a huge number. */
const FORGERIES: Array<[string, (values: unknown[]) => unknown[]]> = [
  ['every value a word', (values) => values.map(() => 'x')],
  ['every value an impossible date', (values) => values.map(() => '2026-13-45T99:99:99Z')],
  ['every value out of range', (values) => values.map(() => 1e300)],
];

describe.each(LISTS)('%s', (field, args) => {
  let cursor: string | null = null;

  beforeAll(async () => {
    const r = await t.gql(`{ ${field}(first: 1${args}) { pageInfo { endCursor } } }`, {}, admin.accessToken);
    expect(r.body.errors).toBeUndefined();
    cursor = r.body.data[field].pageInfo.endCursor;
  });

  it.each(FORGERIES)('%s: BAD_USER_INPUT on after', async (_name, forge) => {
    expect(cursor).toEqual(expect.any(String));
    const forged = encode(forge(decode(cursor!)));
    const r = await t.gql(
      `query ($after: String) { ${field}(first: 2, after: $after${args}) { edges { cursor } } }`,
      { after: forged },
      admin.accessToken,
    );
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(r.body.errors![0]!.path).toEqual([field]);
    expect(r.body.errors![0]!.message).toBe('`after` is not a valid cursor for this list.');
  });
});
