import { createUser, PASSWORD } from '../../../test/factories';
import { startTestApp, useTestApp, type TestApp } from '../../../test/harness';
import { LOGIN_LIMITS } from './login-throttle';

const { t } = useTestApp({ env: { TRUST_PROXY: 'loopback' } }); // as behind a proxy on the same machine

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken errors { field code message } } }`;

/** Signs in claiming `address` in X-Forwarded-For (believed by `t`, which trusts loopback proxies). */
async function loginFrom(address: string, email: string, password: string, app: TestApp = t) {
  const res = await fetch(`${app.url}/graphql`, {
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

  it('counts an IPv6 client by its /64: hopping addresses inside it does not lift the limit; the next /64 is apart', async () => {
    const user = await createUser(t.ds);
    const failures = [];
    for (let i = 1; i <= LOGIN_LIMITS.perEmailAndAddress; i++) failures.push(await loginFrom(`2001:db8:77:1::${i}`, user.email, 'wrong guess'));
    expect(codes(failures)).toEqual(Array(LOGIN_LIMITS.perEmailAndAddress).fill('INVALID_CREDENTIALS'));
    expect((await loginFrom('2001:0db8:0077:0001:ffff:0:0:1', user.email, PASSWORD)).errors[0]!.code).toBe('RATE_LIMITED');
    expect((await loginFrom('2001:db8:77:2::1', user.email, PASSWORD)).accessToken).toMatch(/^ey/);
    const rows = await t.ds.query(`SELECT DISTINCT ip FROM login_failures WHERE lower(email) = lower($1)`, [user.email]);
    expect(rows).toEqual([{ ip: '2001:db8:77:1::/64' }]);
  });

  it('counts an IPv4 client the same whether its address comes mapped into IPv6 or not', async () => {
    const user = await createUser(t.ds);
    for (let i = 0; i < LOGIN_LIMITS.perEmailAndAddress; i++) await loginFrom(i % 2 ? '::ffff:203.0.113.11' : '203.0.113.11', user.email, 'wrong guess');
    expect((await loginFrom('::ffff:203.0.113.11', user.email, PASSWORD)).errors[0]!.code).toBe('RATE_LIMITED');
    expect((await loginFrom('203.0.113.12', user.email, PASSWORD)).accessToken).toMatch(/^ey/);
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

describe('TRUST_PROXY: whose X-Forwarded-For the throttle believes', () => {
  /** Another process of the same deployment with its own TRUST_PROXY (no setting: the default). */
  async function withProcess(env: Record<string, string>, fn: (app: TestApp) => Promise<void>) {
    const app = await startTestApp(env, { shareDatabaseOf: t });
    try {
      await fn(app);
    } finally {
      await app.close();
    }
  }

  /** The address a process recorded for a failed sign-in sent with this X-Forwarded-For. */
  async function addressSeen(app: TestApp, forwardedFor: string): Promise<string | null> {
    const email = `probe-${Math.random().toString(36).slice(2)}@example.com`;
    await loginFrom(forwardedFor, email, 'wrong guess', app);
    const [row] = await t.ds.query(`SELECT ip FROM login_failures WHERE email = $1`, [email]);
    return row.ip;
  }

  it('by default ignores X-Forwarded-For entirely: rotating it does not move the lockout from attempt 6', async () => {
    await withProcess({}, async (app) => {
      const user = await createUser(t.ds);
      const attempts = [];
      for (let i = 0; i < 8; i++) attempts.push(await loginFrom(`198.18.0.${i + 1}`, user.email, 'wrong guess', app));
      expect(codes(attempts)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED']);
      expect(await addressSeen(app, '203.0.113.77')).toBe('127.0.0.1');
    });
  });

  it('never lets a claimed address lift the per-e-mail limit, even from a trusted proxy', async () => {
    const user = await createUser(t.ds);
    const attempts = [];
    for (let i = 0; i < LOGIN_LIMITS.perEmail + 1; i++) attempts.push(await loginFrom(`198.18.1.${i + 1}`, user.email, 'wrong guess'));
    expect(codes(attempts)).toEqual([...Array(LOGIN_LIMITS.perEmail).fill('INVALID_CREDENTIALS'), 'RATE_LIMITED']);
    // The right password from yet another address is refused too, until the window has passed.
    expect((await loginFrom('198.18.2.1', user.email, PASSWORD)).errors[0]!.code).toBe('RATE_LIMITED');
  }, 120_000);

  it('with a hop count, takes the address that many hops back in X-Forwarded-For, as Express does', async () => {
    await withProcess({ TRUST_PROXY: '1' }, async (app) => {
      expect(await addressSeen(app, '203.0.113.1, 198.51.100.2')).toBe('198.51.100.2');
    });
    await withProcess({ TRUST_PROXY: '2' }, async (app) => {
      // A CDN (198.51.100.2) then our proxy: the CDN's view of the client; whatever the client claimed is ignored.
      expect(await addressSeen(app, '192.0.2.9, 203.0.113.1, 198.51.100.2')).toBe('203.0.113.1');
    });
  });

  it("with the proxy's address or CIDR, believes only that proxy, and skips trusted hops in the header", async () => {
    await withProcess({ TRUST_PROXY: '127.0.0.1' }, async (app) => {
      expect(await addressSeen(app, '203.0.113.5')).toBe('203.0.113.5');
    });
    await withProcess({ TRUST_PROXY: '127.0.0.0/8, 10.0.0.0/8' }, async (app) => {
      expect(await addressSeen(app, '203.0.113.6, 10.1.2.3')).toBe('203.0.113.6');
    });
    await withProcess({ TRUST_PROXY: '10.0.0.1' }, async (app) => {
      expect(await addressSeen(app, '203.0.113.7')).toBe('127.0.0.1'); // the peer is not that proxy
    });
  });

  it.each(['true', 'banana', '10.0.0.0/33', '300.1.2.3', 'loopback,', '11'])('stops the boot with a config error for %p', async (value) => {
    await expect(startTestApp({ TRUST_PROXY: value }, { shareDatabaseOf: t })).rejects.toThrow(/^Invalid configuration:\n {2}- TRUST_PROXY: /);
  });
});
