import { INTERNAL_MESSAGE } from '../errors';
import { signedIn } from '../../../test/factories';
import { useTestApp } from '../../../test/harness';

const { t } = useTestApp();

it('masks an internal failure as INTERNAL with the request id, and never leaks SQL', async () => {
  const s = await signedIn(t, 'SALES');
  // Break the database under the app: the teams query now fails inside the driver.
  await t.ds.query('ALTER TABLE teams RENAME COLUMN name TO name_gone');
  try {
    const r = await t.gql('{ teams { id name } }', {}, s.accessToken);
    expect(r.status).toBe(200);
    expect(r.body.errors).toEqual([
      {
        message: INTERNAL_MESSAGE,
        locations: [{ line: 1, column: 3 }],
        path: ['teams'],
        extensions: { code: 'INTERNAL', requestId: r.headers.get('x-request-id') },
      },
    ]);
    const raw = JSON.stringify(r.body);
    expect(raw).not.toMatch(/does not exist|SELECT|name_gone|"teams\.|stack|QueryFailed|\.ts:/i);
  } finally {
    await t.ds.query('ALTER TABLE teams RENAME COLUMN name_gone TO name');
  }
});

it('keeps a caller-supplied request id when it is sane', async () => {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'support-ticket-42' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(res.headers.get('x-request-id')).toBe('support-ticket-42');
  const evil = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'bad id with spaces' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(evil.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
});
