import { createUser, PASSWORD } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { LOGIN_LIMITS } from './login-throttle';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken errors { field code message } } }`;

/** Signs in from `address` (the app trusts X-Forwarded-For from loopback proxies, as behind a load balancer). */
async function loginFrom(address: string, email: string, password: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  const body = (await res.json()) as { data: { login: { accessToken: string | null; errors: Array<{ code: string; message: string }> } } };
  return body.data.login;
}

const codes = (rs: Array<{ errors: Array<{ code: string }> }>) => rs.map((r) => r.errors[0]?.code ?? 'OK');

describe('sign-in throttling', () => {
  it('after 5 failures for an e-mail from one address, refuses even the right password there, not elsewhere', async () => {
    const user = await createUser(t.ds);
    const failures = [];
    for (let i = 0; i < LOGIN_LIMITS.perEmailAndAddress; i++) failures.push(await loginFrom('203.0.113.7', user.email, 'wrong guess'));
    expect(codes(failures)).toEqual(Array(LOGIN_LIMITS.perEmailAndAddress).fill('INVALID_CREDENTIALS'));

    const blocked = await loginFrom('203.0.113.7', user.email, PASSWORD);
    expect(blocked.accessToken).toBeNull();
    expect(blocked.errors).toEqual([
      { field: null, code: 'RATE_LIMITED', message: 'Too many failed sign-ins. Try again in 15 minutes.' },
    ]);
    // The owner signing in from their usual address is not locked out by someone else's guessing.
    expect((await loginFrom('198.51.100.20', user.email, PASSWORD)).accessToken).toMatch(/^ey/);

    // Once the failures are older than the window, the address may try again; success clears its count.
    await t.ds.query(`UPDATE login_failures SET at = at - interval '16 minutes' WHERE lower(email) = lower($1)`, [user.email]);
    expect((await loginFrom('203.0.113.7', user.email, PASSWORD)).accessToken).toMatch(/^ey/);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM login_failures WHERE ip = '203.0.113.7'`);
    expect(n).toBe(0);
  });

  it('treats unknown e-mails like known ones, so the answers reveal nothing', async () => {
    const ghost = 'nobody-here@example.com';
    for (let i = 0; i < LOGIN_LIMITS.perEmailAndAddress; i++) await loginFrom('203.0.113.8', ghost, 'guess');
    expect((await loginFrom('203.0.113.8', ghost, 'guess')).errors[0]!.code).toBe('RATE_LIMITED');
  });

  it('limits one address trying many accounts', async () => {
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) await loginFrom('203.0.113.9', `spray${i}@example.com`, 'Winter2026!');
    const user = await createUser(t.ds);
    expect((await loginFrom('203.0.113.9', user.email, PASSWORD)).errors[0]!.code).toBe('RATE_LIMITED');
    expect((await loginFrom('203.0.113.10', user.email, PASSWORD)).accessToken).toMatch(/^ey/);
  }, 120_000);
});
