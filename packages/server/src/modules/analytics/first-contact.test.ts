import { createCustomer, createLead, createTeam, signedIn, type Session } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';
import { toGlobalId } from '../../platform/graphql/global-id';

/**
 * `leads.first_contact_at` (the leaderboard's response-time rollup) follows every change to a lead's interactions:
 * the first non-deleted one at or after the lead's creation.
 */
const { t } = useTestApp();
let admin: Session;
let leadId: string;
let customerId: string;
const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
let created: Date;

beforeAll(async () => {
  const team = await createTeam(t.ds);
  admin = await signedIn(t, 'ADMIN');
  const customer = await createCustomer(t.ds, { teamId: team.id });
  const lead = await createLead(t.ds, { customerId: customer.id, teamId: team.id });
  created = ago(10);
  await t.ds.query('UPDATE leads SET created_at = $2 WHERE id = $1', [lead.id, created]);
  leadId = lead.id;
  customerId = customer.id;
});

const firstContact = async (): Promise<number | null> => {
  const [row] = await t.ds.query('SELECT first_contact_at FROM leads WHERE id = $1', [leadId]);
  return row.first_contact_at ? (row.first_contact_at as Date).getTime() : null;
};

async function log(at: Date): Promise<string> {
  const r = await t.gql(
    `mutation($i: LogInteractionInput!) { logInteraction(input: $i) { interaction { id } errors { code message } } }`,
    { i: { customerId: toGlobalId('Customer', customerId), leadId: toGlobalId('Lead', leadId), type: 'CALL', subject: 'Called back', occurredAt: at.toISOString() } },
    admin.accessToken,
  );
  expect(r.body.data.logInteraction.errors).toEqual([]);
  return r.body.data.logInteraction.interaction.id;
}

it('is set by the first interaction at or after creation and follows moves, soft and hard deletes', async () => {
  expect(await firstContact()).toBeNull();
  await log(ago(12)); // before the lead existed: not a response
  expect(await firstContact()).toBeNull();

  const a = ago(5);
  const first = await log(a);
  expect(await firstContact()).toBe(a.getTime());
  const b = ago(8);
  const earlier = await log(b);
  expect(await firstContact()).toBe(b.getTime());

  const moved = ago(2);
  const update = await t.gql(
    `mutation($i: UpdateInteractionInput!) { updateInteraction(input: $i) { errors { code } } }`,
    { i: { id: earlier, occurredAt: moved.toISOString() } },
    admin.accessToken,
  );
  expect(update.body.data.updateInteraction.errors).toEqual([]);
  expect(await firstContact()).toBe(a.getTime());

  const del = await t.gql(`mutation($id: ID!) { deleteInteraction(id: $id) { errors { code } } }`, { id: first }, admin.accessToken);
  expect(del.body.data.deleteInteraction.errors).toEqual([]);
  expect(await firstContact()).toBe(moved.getTime());

  const restore = await t.gql(`mutation($id: ID!) { restoreInteraction(id: $id) { errors { code } } }`, { id: first }, admin.accessToken);
  expect(restore.body.data.restoreInteraction.errors).toEqual([]);
  expect(await firstContact()).toBe(a.getTime());

  for (const id of [first, earlier]) {
    const hard = await t.gql(`mutation($id: ID!) { hardDeleteInteraction(id: $id) { errors { code } } }`, { id }, admin.accessToken);
    expect(hard.body.data.hardDeleteInteraction.errors).toEqual([]);
  }
  expect(await firstContact()).toBeNull();
});
