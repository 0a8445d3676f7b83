import { signedIn } from '../factories';
import { useTestApp, subscribe } from '../harness';

/**
 * A variable value the schema refuses answers BAD_USER_INPUT with `extensions.field`, the dotted path inside the
 * variable (forms show it next to that field), before anything runs — over HTTP and WebSocket alike.
 */
const { t, w: s } = useTestApp((t) => signedIn(t, 'ADMIN'));

const CREATE = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { customer { id } errors { field code } } }';

it.each([
  ['an unknown enum value', { name: 'Dana', phone: '612-555-0142', customerType: 'SPACESHIP' }, 'customerType'],
  ['a nested field of the wrong type', { name: 'Dana', phone: '612-555-0142', address: { street: 1, city: 'x', state: 'MN', zip: '55401' } }, 'address.street'],
  ['a missing required field', { phone: '612-555-0142' }, 'name'],
])('%s names the field over HTTP', async (_name, input, field) => {
  const before = await t.ds.query('SELECT count(*)::int AS n FROM customers');
  const r = await t.gql(CREATE, { input }, s.accessToken);
  expect(r.status).toBe(400);
  expect(r.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field } })]);
  expect(await t.ds.query('SELECT count(*)::int AS n FROM customers')).toEqual(before);
});

it('names the variable over WebSocket', async () => {
  const sub = subscribe(t.wsClient(s.accessToken), 'subscription($team: ID) { leadCreated(teamId: $team) { eventId } }', { team: { not: 'an id' } });
  await sub.waitFor(1);
  expect(sub.error ?? sub.results[0]?.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'team' } })]);
});
